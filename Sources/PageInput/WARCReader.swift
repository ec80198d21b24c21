import Foundation

/// One record of a WARC file (ISO 28500, versions 1.0 and 1.1): its headers and, up to a limit,
/// its block.
struct WARCRecord {
    /// Header names lower-cased, values as written (the last of a repeated name wins).
    var headers: [String: String]
    /// The block, or its first `limit` bytes when `truncatedBy` is above 0: a slice of the
    /// bytes it was read in, so that a response's payload is copied once, into its page.
    var block: ArraySlice<UInt8>
    /// Bytes of the block left unread because it was over the limit.
    var truncatedBy: Int
    /// Where the record begins in the file: its gzip member's offset, or its first byte's.
    var offset: Int

    var type: String { headers["warc-type"]?.lowercased() ?? "" }
}

/// Reads WARC records one after another from an `ArchiveStream`, without holding more than one
/// record's block (itself cut at `maximumBlockBytes`: a 2 GB video is skipped by its length).
/// A record cut short by the end of the file, or whose headers are not WARC's, is reported as
/// damage at its offset, and reading goes on at the next record.
final class WARCReader {
    enum Item {
        case record(WARCRecord)
        case damaged(offset: Int, reason: String)
    }

    private let stream: ArchiveStream
    private let maximumBlockBytes: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 18)
    private var start = 0, end = 0
    /// Bytes of content consumed before `buffer[start]`: the offset of a plain file's records.
    private var consumed = 0
    private var reportedDamage = 0
    /// Where each gzip member's content begins, as offsets of content and of the file.
    private var members: [(content: Int, file: Int)] = []
    /// Set when the member holding the rest of the record being read could not be inflated.
    private var recordBroken = false
    /// Whether a record's first line has been read and its end not yet.
    private var inRecord = false

    init(_ stream: ArchiveStream, maximumBlockBytes: Int) {
        self.stream = stream
        self.maximumBlockBytes = maximumBlockBytes
        // A stream opened in the middle of a file (resumed, or after the record scanner):
        // offsets go on from there.
        consumed = stream.memberOffset
    }

    var name: String { stream.name }

    /// The next record or damage; nil at the end of the archive.
    func next() throws(InputError) -> Item? {
        if let damage = pendingDamage() { return damage }
        recordBroken = false
        inRecord = false
        defer { inRecord = false }
        // Records are separated by two CRLFs; blank lines before a record are skipped.
        var line: [UInt8]
        var offset: Int
        repeat {
            // The next bytes must be in the buffer for their member to be known: a record that
            // begins a member is named by that member, not by the one before it.
            if start == end, try fill() == 0 { return pendingDamage() }
            offset = currentOffset
            guard let read = try readLine() else { return pendingDamage() }
            line = read
        } while line.isEmpty
        inRecord = true
        guard !recordBroken else { return broken(at: offset) }
        guard line.starts(with: Array("WARC/".utf8)) else {
            let shown = String(decoding: line.prefix(40), as: UTF8.self)
            try skipToNextRecord()
            return .damaged(offset: offset, reason: "not a WARC record: \(shown.debugDescription)")
        }
        var fields = HeaderFields(joinsRepeats: false)
        while let header = try readLine(), !header.isEmpty { fields.add(header[...]) }
        let headers = fields.values
        guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
            return .damaged(offset: offset, reason: "a record without a Content-Length")
        }
        let (block, missing, truncated) = try readBlock(length)
        if recordBroken { return broken(at: offset) }
        if missing > 0 {
            return .damaged(offset: offset, reason: "cut short: \(missing) of its \(length) bytes are missing")
        }
        return .record(WARCRecord(headers: headers, block: block[...], truncatedBy: truncated, offset: offset))
    }

    /// The file offset of the next content byte: its own for a plain file, its gzip member's
    /// for a compressed one.
    private var currentOffset: Int {
        guard !stream.isPlain else { return consumed }
        while members.count > 1, members[1].content <= consumed { members.removeFirst() }
        return members.first?.file ?? stream.memberOffset
    }

    /// The record at `offset` lost its end with a member that would not inflate.
    private func broken(at offset: Int) -> Item {
        recordBroken = false
        let reason = stream.damage.last?.reason ?? "unknown"
        reportedDamage = stream.damage.count
        return .damaged(offset: offset, reason: "its gzip member cannot be inflated: \(reason)")
    }

    /// Damage the stream found (a member that would not inflate), once each.
    private func pendingDamage() -> Item? {
        guard reportedDamage < stream.damage.count else { return nil }
        let damage = stream.damage[reportedDamage]
        reportedDamage += 1
        return .damaged(offset: damage.offset, reason: "a gzip member that cannot be inflated: \(damage.reason)")
    }

    /// The block's first `maximumBlockBytes` bytes, how many of `length` the file did not have,
    /// and how many were skipped for being over the limit.
    private func readBlock(_ length: Int) throws(InputError) -> ([UInt8], missing: Int, truncated: Int) {
        var block: [UInt8] = []
        block.reserveCapacity(min(length, maximumBlockBytes, 1 << 22))
        var left = length
        while left > 0 {
            if start == end, try fill() == 0 { return (block, left, max(0, length - maximumBlockBytes)) }
            let take = min(left, end - start)
            let keep = max(0, min(take, maximumBlockBytes - block.count))
            if keep > 0 { block.append(contentsOf: buffer[start..<(start + keep)]) }
            advance(take)
            left -= take
        }
        return (block, 0, max(0, length - maximumBlockBytes))
    }

    /// A line without its CRLF (or LF); nil at the end of the archive.
    private func readLine() throws(InputError) -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            if start == end, try fill() == 0 { return line.isEmpty ? nil : line }
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                line.append(contentsOf: buffer[start..<newline])
                advance(newline + 1 - start)
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            line.append(contentsOf: buffer[start..<end])
            advance(end - start)
            // A header line of megabytes is not WARC: give up on it rather than hold it all.
            if line.count > 1 << 20 { return line }
        }
    }

    /// Skips lines until one that starts a record, left unread for `next`.
    private func skipToNextRecord() throws(InputError) {
        let marker = Array("WARC/1.".utf8)
        while true {
            if end - start < marker.count, try fill() == 0 { return }
            if buffer[start..<end].starts(with: marker) { return }
            guard let newline = buffer[start..<end].firstIndex(of: 0x0A) else {
                advance(max(0, end - start - marker.count))
                if try fill() == 0 { advance(end - start); return }
                continue
            }
            advance(newline + 1 - start)
        }
    }

    private func advance(_ count: Int) {
        start += count
        consumed += count
    }

    /// Reads more content into the buffer, keeping what is unread; the bytes added.
    private func fill() throws(InputError) -> Int {
        // What is unread moves to the front only from the buffer's second half, not on every fill.
        if start > 0, start >= buffer.count / 2 || end == buffer.count {
            let left = end - start
            buffer.withUnsafeMutableBufferPointer { pointer in
                guard let base = pointer.baseAddress else { return }
                base.update(from: base + start, count: left)
            }
            (start, end) = (0, left)
        }
        if end == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
        let damageBefore = stream.damage.count
        let added = try buffer.withUnsafeMutableBufferPointer { (pointer) throws(InputError) -> Int in
            try stream.read(into: pointer.baseAddress! + end, capacity: pointer.count - end)
        }
        if stream.damage.count > damageBefore, inRecord || end > start {
            // What the buffer held came from the damaged member: a broken record's start, dropped.
            let dropped = end - start
            buffer.withUnsafeMutableBufferPointer { pointer in
                guard let base = pointer.baseAddress else { return }
                base.update(from: base + end, count: added)
            }
            consumed += dropped
            (start, end) = (0, 0)
            recordBroken = true
        }
        if added > 0, !stream.isPlain, members.last?.file != stream.memberOffset {
            members.append((consumed + (end - start), stream.memberOffset))
        }
        end += added
        return added
    }
}
