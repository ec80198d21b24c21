import CDeflate
import CZlib
import CZstd
import Foundation

/// The bytes of a crawl archive as a stream, inflated when the file is gzip (one member a record,
/// as `.warc.gz` files are written, or the whole file as one member) or zstd (a frame a record,
/// as `.warc.zst` files are written, with the dictionary they were compressed with in a skippable
/// frame at the start), read as they are when it is neither. It knows where in the file the
/// current member or frame began, so a record can be named by its offset; and one that fails to
/// decompress (a disk error in the middle of an archive) is left behind, the damage noted, and
/// reading goes on at the next. Closed when released.
final class ArchiveStream {
    /// How the file is compressed, told by its first bytes.
    enum Compression {
        case none, gzip, zstd
    }

    private let file: ReadOnlyFile
    var name: String { file.name }
    var input = [UInt8](repeating: 0, count: 1 << 17)
    var inputStart = 0, inputEnd = 0
    /// The file offset of `input[0]`.
    var inputOffset = 0
    private(set) var fileAtEnd = false
    let compression: Compression
    private var isGzip: Bool { compression == .gzip }
    private var stream = z_stream()
    /// Whether a gzip member or zstd frame has begun and not yet ended.
    var inMember = false
    /// The file offset where the current member or frame (for a plain file, the next byte) begins.
    var memberOffset = 0
    /// Members or frames that could not be decompressed: their offset and the library's reason.
    var damage: [(offset: Int, reason: String)] = []
    /// Whether the file is read as it is, not decompressed.
    var isPlain: Bool { compression == .none }
    /// zstd's decompression context, with the archive's dictionary loaded once read.
    var zstdContext: OpaquePointer?
    /// Whether the zstd dictionary frame at the file's start has been looked for.
    var zstdDictionaryRead = false
    /// libdeflate's output space, kept from member to member: a member inflated whole is handed
    /// out from `output[pendingStart..<pendingEnd]`.
    private var output: [UInt8] = []
    private var pendingStart = 0, pendingEnd = 0
    private let decompressor: OpaquePointer?
    /// Members inflated whole at most this large, from at most `largestWholeInput` bytes; a
    /// larger one is streamed through zlib.
    private static let largestWholeOutput = 32 << 20
    private static let largestWholeInput = 4 << 20

    /// Opens the archive at `path`, to read from file offset `offset` (a record's, a member's or
    /// a frame's: where a resumed run or the record scanner left off); compression is told by
    /// the file's first bytes, not by its name.
    init(_ path: FileSystemPath, startingAt offset: Int = 0) throws(InputError) {
        file = try ReadOnlyFile(path)
        compression = Self.compression(of: file.bytes(at: 0, count: 4)[...])
        decompressor = compression == .gzip ? libdeflate_alloc_decompressor() : nil
        zstdContext = compression == .zstd ? ZSTD_createDCtx() : nil
        if offset > 0 { try seek(to: offset) }
    }

    /// Moves the reading to file offset `offset`, before anything is read from there.
    func seek(to offset: Int) throws(InputError) {
        try file.seek(to: offset)
        (inputOffset, inputStart, inputEnd, memberOffset, fileAtEnd) = (offset, 0, 0, offset, false)
    }

    /// Whether a record can begin at file offset `offset`: a gzip member's or zstd frame's
    /// magic there, or `WARC/` in a plain file.
    func startsRecord(at offset: Int) -> Bool {
        let head = bytes(at: offset, count: 5)
        switch compression {
        case .gzip: return head.starts(with: [0x1F, 0x8B])
        case .zstd: return head.starts(with: [0x28, 0xB5, 0x2F, 0xFD])
        case .none: return head.starts(with: Array("WARC/".utf8))
        }
    }

    /// Reads `count` bytes at file offset `offset`, apart from the stream's own reading; fewer
    /// at the file's end.
    func bytes(at offset: Int, count: Int) -> [UInt8] {
        file.bytes(at: offset, count: count)
    }

    deinit {
        if inMember, isGzip { inflateEnd(&stream) }
        if let decompressor { libdeflate_free_decompressor(decompressor) }
        if let zstdContext { ZSTD_freeDCtx(zstdContext) }
    }

    /// gzip by its magic 1F 8B; zstd by a frame's magic (28 B5 2F FD) or a skippable frame's
    /// (5? 2A 4D 18, where `.warc.zst` keeps its dictionary).
    static func compression(of head: ArraySlice<UInt8>) -> Compression {
        let bytes = Array(head)
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B { return .gzip }
        guard bytes.count == 4 else { return .none }
        if bytes == [0x28, 0xB5, 0x2F, 0xFD] { return .zstd }
        if bytes[0] & 0xF0 == 0x50, bytes[1] == 0x2A, bytes[2] == 0x4D, bytes[3] == 0x18 { return .zstd }
        return .none
    }

    /// Reads up to `capacity` bytes of the archive's content into `buffer`; 0 at its end.
    func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(InputError) -> Int {
        switch compression {
        case .none: return try readPlain(into: buffer, capacity: capacity)
        case .zstd: return try readZstd(into: buffer, capacity: capacity)
        case .gzip: break
        }
        while true {
            if pendingStart < pendingEnd { return handOut(into: buffer, capacity: capacity) }
            if !inMember {
                if try inflateWholeMember() { continue }
                guard try startMember() else { return 0 }
            }
            let produced = try inflateSome(into: buffer, capacity: capacity)
            if produced > 0 { return produced }
        }
    }

    private func handOut(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        let count = min(capacity, pendingEnd - pendingStart)
        output.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            buffer.update(from: base + pendingStart, count: count)
        }
        pendingStart += count
        return count
    }

    /// Inflates the member at the input position whole, with libdeflate, into `output`; false,
    /// touching nothing, when it cannot (the file's end, a member too large, or damage, which
    /// the zlib stream then reads and reports).
    private func inflateWholeMember() throws(InputError) -> Bool {
        guard let decompressor else { return false }
        if inputEnd - inputStart < 1 << 16 { try refill() }
        guard inputStart < inputEnd else { return false }
        var outputCapacity = 1 << 18
        while true {
            if output.count < outputCapacity { output = [UInt8](repeating: 0, count: outputCapacity) }
            var consumed = 0, produced = 0
            let available = inputEnd - inputStart
            let result = input.withUnsafeBufferPointer { source in
                output.withUnsafeMutableBufferPointer { target in
                    libdeflate_gzip_decompress_ex(
                        decompressor, source.baseAddress! + inputStart, available, target.baseAddress!,
                        target.count, &consumed, &produced)
                }
            }
            switch result {
            case LIBDEFLATE_SUCCESS:
                memberOffset = inputOffset + inputStart
                inputStart += consumed
                (pendingStart, pendingEnd) = (0, produced)
                return true
            case LIBDEFLATE_INSUFFICIENT_SPACE where outputCapacity < Self.largestWholeOutput:
                outputCapacity *= 4
            default:
                // Not all of the member is read yet, or it is damaged: read more, up to a limit.
                guard !fileAtEnd, available < Self.largestWholeInput else { return false }
                let before = inputEnd - inputStart
                try refill()
                if inputEnd - inputStart == before { return false }
            }
        }
    }

    private func readPlain(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(InputError) -> Int {
        if inputStart == inputEnd { try refill() }
        let count = min(capacity, inputEnd - inputStart)
        input.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            buffer.update(from: base + inputStart, count: count)
        }
        inputStart += count
        memberOffset = inputOffset + inputStart
        return count
    }

    /// Begins inflating the member at the current input position; false at the end of the file.
    /// zlib reads the gzip header and checks the CRC-32 of every member: without it, a member
    /// damaged in the middle of its deflate data would inflate to garbage unnoticed.
    private func startMember() throws(InputError) -> Bool {
        if inputStart == inputEnd { try refill() }
        guard inputStart < inputEnd else { return false }
        memberOffset = inputOffset + inputStart
        stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw InputError(.unreadable, location: name, detail: "zlib could not start inflating")
        }
        inMember = true
        return true
    }

    /// Inflates from the current member into `buffer`; 0 when the member ended (or was damaged)
    /// without output, so the caller moves to the next.
    private func inflateSome(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(InputError) -> Int {
        while true {
            if inputStart == inputEnd {
                try refill()
                if inputStart == inputEnd {
                    // The file ended inside the member (a crawler killed mid-write): what was
                    // inflated is all there is, and the record reader finds it cut short.
                    inflateEnd(&stream)
                    inMember = false
                    return 0
                }
            }
            let available = inputEnd - inputStart
            let (status, consumed, produced) = input.withUnsafeMutableBufferPointer { source -> (Int32, Int, Int) in
                stream.next_in = source.baseAddress! + inputStart
                stream.avail_in = UInt32(available)
                stream.next_out = buffer
                stream.avail_out = UInt32(capacity)
                let status = inflate(&stream, Z_NO_FLUSH)
                return (status, available - Int(stream.avail_in), capacity - Int(stream.avail_out))
            }
            inputStart += consumed
            switch status {
            case Z_STREAM_END:
                inflateEnd(&stream)
                inMember = false
                return produced
            case Z_OK, Z_BUF_ERROR:
                if produced > 0 { return produced }
                if consumed == 0 && status == Z_BUF_ERROR && inputStart < inputEnd { return try damaged("stalled") }
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "inflate error \(status)"
                return try damaged(reason)
            }
        }
    }

    /// Notes the current member as damaged and moves the input to the next gzip header.
    private func damaged(_ reason: String) throws(InputError) -> Int {
        damage.append((memberOffset, reason))
        inflateEnd(&stream)
        inMember = false
        try skipToNextMember(after: memberOffset)
        return 0
    }

    /// Moves the input to the first gzip header (1F 8B 08), or zstd frame (28 B5 2F FD), after
    /// file offset `offset`.
    func skipToNextMember(after offset: Int) throws(InputError) {
        if inputOffset + inputStart <= offset { inputStart = offset + 1 - inputOffset }
        let magic: [UInt8] = isGzip ? [0x1F, 0x8B, 0x08] : [0x28, 0xB5, 0x2F, 0xFD]
        while true {
            while inputStart + magic.count <= inputEnd {
                if input[inputStart] == magic[0], input[inputStart + 1] == magic[1], input[inputStart + 2] == magic[2],
                    magic.count == 3 || input[inputStart + 3] == magic[3]
                {
                    return
                }
                inputStart += 1
            }
            let kept = inputEnd - inputStart
            try refill()
            if inputEnd - inputStart <= kept { inputStart = inputEnd; return }
        }
    }

    /// Reads more of the file after what is left unread, which moves to the buffer's front only
    /// once it lies in the buffer's second half (moving it on every read would copy the buffer
    /// over and over).
    func refill() throws(InputError) {
        guard !fileAtEnd else { return }
        let left = inputEnd - inputStart
        if inputStart > 0, inputStart >= input.count / 2 || inputEnd == input.count {
            input.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                base.update(from: base + inputStart, count: left)
            }
            inputOffset += inputStart
            inputStart = 0
            inputEnd = left
        }
        if inputEnd == input.count { input += [UInt8](repeating: 0, count: input.count) }
        let count = try input.withUnsafeMutableBufferPointer { (buffer) throws(InputError) in
            try file.read(into: buffer.baseAddress! + inputEnd, count: buffer.count - inputEnd)
        }
        if count == 0 { fileAtEnd = true }
        inputEnd += count
    }
}
