import CZlib
import Foundation

/// Reads a `.warc.gz` written a gzip member a record for a producer that hands records to the
/// workers as stored: it inflates only the head of each member (the WARC headers and, for a
/// response, the HTTP head), and finds where the member ends without inflating the rest: at the
/// next member's header (`1F 8B 08`) right after a gzip trailer whose size field is the
/// record's length (headers, block and the CRLFs after it), or at the file's end.
///
/// Anything unexpected (a member holding more or less than one record, a head that will not
/// inflate, bytes between members, a file cut short) ends the scan with `.irregular` at that
/// member's offset: the caller reads the rest of the file with the streaming reader, which
/// inflates everything and reports the damage. A member's tail is not inflated here, so damage
/// in it is found by the worker that inflates it (its CRC-32 is checked there).
final class GzipMemberScanner {
    /// What the head of a member says.
    struct Head {
        /// The member's offset in the file.
        var offset: Int
        var headers: [String: String]
        /// A response's HTTP head; nil when the record is not one or its head cannot be read.
        var http: HTTPMessage?
        var blockLength: Int
        var type: String { headers["warc-type"]?.lowercased() ?? "" }
    }

    enum Item {
        case head(Head)
        case irregular(offset: Int)
    }

    private let file: ReadOnlyFile
    var name: String { file.name }
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var start = 0, end = 0
    /// The file offset of `buffer[0]`.
    private var bufferOffset = 0
    private var atEndOfFile = false
    private var stream = z_stream()
    private var streamReady = false
    private var head = [UInt8](repeating: 0, count: 1 << 16)
    /// The member whose head was read last: its record's length, and where its end was found
    /// already (a member that ended inside the head).
    private var current: (recordLength: Int, knownEnd: Int?)?

    /// Opens the archive at `path`, to scan from file offset `offset`.
    init(_ path: FileSystemPath, startingAt offset: Int = 0) throws(InputError) {
        file = try ReadOnlyFile(path)
        bufferOffset = offset
        if offset > 0 { try file.seek(to: offset) }
    }

    deinit {
        if streamReady { inflateEnd(&stream) }
    }

    /// The head of the next member; nil at the end of the file.
    func nextHead() throws(InputError) -> Item? {
        if end - start < 1 << 16 { try fill() }
        guard start < end else { return nil }
        let offset = bufferOffset + start
        guard end - start >= 18, buffer[start] == 0x1F, buffer[start + 1] == 0x8B, buffer[start + 2] == 0x08,
            let (produced, consumed, ended, parsed) = inflateHead(),
            let (headers, blockStart) = parsed,
            let length = headers["content-length"].flatMap({ Int($0) }), length >= 0
        else { return .irregular(offset: offset) }
        let recordLength = blockStart + length + 4
        if ended, produced != recordLength { return .irregular(offset: offset) }
        current = (recordLength, ended ? start + consumed : nil)
        var result = Head(offset: offset, headers: headers, http: nil, blockLength: length)
        if result.type == "response" { result.http = HTTPMessage(head[blockStart..<produced]) }
        return .head(result)
    }

    /// Finds the end of the member whose head was read last and moves past it; its bytes when
    /// `keeping`, else an empty array (a huge record passes through the buffer, never held
    /// whole). nil when no end was found where one must be: the member is irregular.
    func finishMember(keeping: Bool) throws(InputError) -> [UInt8]? {
        guard let member = current else { return nil }
        current = nil
        let memberEnd: Int
        if let known = member.knownEnd {
            memberEnd = known
        } else {
            guard let found = try findEnd(recordLength: member.recordLength, keeping: keeping) else { return nil }
            memberEnd = found
        }
        let bytes = keeping ? Array(buffer[start..<memberEnd]) : []
        start = memberEnd
        return bytes
    }

    /// Inflates the member at `start` until its WARC headers and any HTTP head are whole (or
    /// 64 KB); the bytes produced into `head`, the input consumed, whether the member ended, and
    /// the WARC headers read on the way (nil when they do not parse).
    private func inflateHead()
        -> (produced: Int, consumed: Int, ended: Bool, headers: (fields: [String: String], blockStart: Int)?)?
    {
        if streamReady {
            inflateReset(&stream)
        } else {
            guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                return nil
            }
            streamReady = true
        }
        var produced = 0, consumed = 0
        for step in [2048, 4096, 16384, head.count] {
            let available = end - start - consumed
            let status = buffer.withUnsafeMutableBufferPointer { source in
                head.withUnsafeMutableBufferPointer { target in
                    stream.next_in = source.baseAddress! + start + consumed
                    stream.avail_in = UInt32(available)
                    stream.next_out = target.baseAddress! + produced
                    stream.avail_out = UInt32(step - produced)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    consumed += available - Int(stream.avail_in)
                    produced = step - Int(stream.avail_out)
                    return status
                }
            }
            if status == Z_STREAM_END { return (produced, consumed, true, WARCHeaders.parse(head[..<produced])) }
            guard status == Z_OK || status == Z_BUF_ERROR, produced == step else { return nil }
            // The headers are parsed once: those that say the head is whole are the record's.
            if let headers = wholeHead(head[..<produced]) { return (produced, consumed, false, headers) }
        }
        return nil
    }

    /// The WARC headers when they, and a response's HTTP head, are all in `bytes`; else nil.
    private func wholeHead(_ bytes: ArraySlice<UInt8>) -> (fields: [String: String], blockStart: Int)? {
        guard let (headers, blockStart) = WARCHeaders.parse(bytes) else { return nil }
        guard headers["warc-type"]?.lowercased() == "response" else { return (headers, blockStart) }
        let block = bytes[blockStart...]
        let whole = block.indices.contains { index in
            block[index] == 0x0A
                && (index + 1 < block.endIndex && block[index + 1] == 0x0A
                    || index + 2 < block.endIndex && block[index + 1] == 0x0D && block[index + 2] == 0x0A)
        }
        return whole ? (headers, blockStart) : nil
    }

    /// The buffer index where the member at `start` ends: before a gzip header whose four
    /// preceding bytes are `recordLength` (modulo 2^32, little-endian), or at the file's end
    /// after them. nil past the longest deflate can make of `recordLength` bytes.
    private func findEnd(recordLength: Int, keeping: Bool) throws(InputError) -> Int? {
        let size = (0..<4).map { UInt8(truncatingIfNeeded: recordLength >> (8 * $0)) }
        let memberFileOffset = bufferOffset + start
        // Deflate's stored blocks add 5 bytes a 64 KB; gzip's header and trailer, 18 and more.
        let farthest = memberFileOffset + recordLength + recordLength / 1000 + 4096
        var position = start + 18
        while true {
            while let candidate = nextMagic(from: position) {
                if buffer[(candidate - 4)..<candidate].elementsEqual(size) { return candidate }
                position = candidate + 1
            }
            position = max(position, end - 2)
            if atEndOfFile {
                let scanned = bufferOffset + end - memberFileOffset
                return scanned >= 22 && buffer[(end - 4)..<end].elementsEqual(size) ? end : nil
            }
            if bufferOffset + position > farthest { return nil }
            if !keeping {
                // The bytes scanned are not wanted: keep only the last few, for the size field.
                start += max(0, min(position - 8, end) - start)
            }
            let before = start
            try fill()
            position -= before - start
        }
    }

    /// The index of the next `1F 8B 08` at or after `position` with four bytes before it.
    private func nextMagic(from position: Int) -> Int? {
        var index = max(position, 4)
        while index + 3 <= end {
            let found = buffer.withUnsafeBufferPointer { pointer -> Int? in
                guard let base = pointer.baseAddress,
                    let hit = memchr(base + index, 0x1F, end - 2 - index)
                else { return nil }
                return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            guard let found else { return nil }
            if buffer[found + 1] == 0x8B, buffer[found + 2] == 0x08 { return found }
            index = found + 1
        }
        return nil
    }

    /// Reads more of the file after what is unread, moving that to the buffer's front (and
    /// growing the buffer when it is all unread).
    private func fill() throws(InputError) {
        guard !atEndOfFile else { return }
        if start > 0 {
            let left = end - start
            buffer.withUnsafeMutableBufferPointer { pointer in
                guard let base = pointer.baseAddress else { return }
                base.update(from: base + start, count: left)
            }
            bufferOffset += start
            (start, end) = (0, left)
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        let count = try buffer.withUnsafeMutableBufferPointer { (pointer) throws(InputError) in
            try file.read(into: pointer.baseAddress! + end, count: pointer.count - end)
        }
        if count == 0 { atEndOfFile = true }
        end += count
    }
}
