import CDeflate
import PageModel

/// A WARC record handed to a worker as the archive stores it (one gzip member, or the record's
/// plain bytes), with the page's id, URL, date and origin already read by the producer: the
/// worker inflates it and undoes its HTTP codings, so that the producer's CPU and the wire
/// carry the compressed bytes, about a fifth of the page.
public enum ArchivedRecord {
    /// The page a record as stored holds, ready for the extractor; throws `.malformed` for a
    /// member that will not inflate (its CRC-32 is checked) or a record that is not a page
    /// after all, naming the archive and the record's offset.
    public static func page(from stored: RawPage, maximumPageBytes: Int) throws(InputError) -> RawPage {
        let location = stored.origin.map { "\($0.archive)@\($0.offset)" } ?? stored.id
        let bytes: [UInt8]
        if stored.body.starts(with: [0x1F, 0x8B]) {
            guard let inflated = inflateMember(stored.body, limit: maximumPageBytes + (1 << 20)) else {
                throw InputError(.malformed, location: location, detail: "its gzip member cannot be inflated")
            }
            bytes = inflated
        } else {
            bytes = stored.body
        }
        guard let (headers, blockStart) = WARCHeaders.parse(bytes[...]),
            let length = headers["content-length"].flatMap({ Int($0) }), blockStart + length <= bytes.count
        else {
            throw InputError(.malformed, location: location, detail: "not a whole WARC record")
        }
        let record = WARCRecord(
            headers: headers, block: bytes[blockStart..<(blockStart + length)], truncatedBy: 0,
            offset: stored.origin?.offset ?? 0)
        switch WARCPage.outcome(of: record, archive: stored.origin?.archive ?? "", maximumPageBytes: maximumPageBytes) {
        case var .page(page):
            page.id = stored.id
            page.origin = stored.origin
            return page
        case let .skipped(reason):
            throw InputError(.malformed, location: location, detail: "the record is not a page (\(reason.rawValue))")
        case let .failed(reason):
            throw InputError(.malformed, location: location, detail: reason)
        }
    }

    /// One gzip member inflated whole, its CRC-32 checked; nil when it will not inflate.
    static func inflateMember(_ member: [UInt8], limit: Int) -> [UInt8]? {
        guard let decompressor = libdeflate_alloc_decompressor() else { return nil }
        defer { libdeflate_free_decompressor(decompressor) }
        // The trailer says how large the content is (modulo 2^32): one allocation, the right size.
        let stated = member.suffix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        var capacity = min(limit, max(stated, member.count * 4, 1 << 16))
        while true {
            // Inflated straight into the array's own storage: no zeroing first, no copy after.
            var result = LIBDEFLATE_BAD_DATA
            let output = [UInt8](unsafeUninitializedCapacity: capacity) { target, initialized in
                var produced = 0
                result = member.withUnsafeBytes { source in
                    libdeflate_gzip_decompress(
                        decompressor, source.baseAddress, source.count, target.baseAddress, target.count, &produced)
                }
                initialized = result == LIBDEFLATE_SUCCESS ? produced : 0
            }
            switch result {
            case LIBDEFLATE_SUCCESS: return output
            case LIBDEFLATE_INSUFFICIENT_SPACE where capacity < limit: capacity = min(limit, capacity * 4)
            default: return nil
            }
        }
    }
}

/// A WARC record's header block: the version line, then named fields up to a blank line.
enum WARCHeaders {
    /// The fields (names lower-cased) and where the block begins; nil when `bytes` does not
    /// start with a whole WARC header block.
    static func parse(_ bytes: ArraySlice<UInt8>) -> ([String: String], blockStart: Int)? {
        guard bytes.starts(with: Array("WARC/".utf8)) else { return nil }
        var fields = HeaderFields(joinsRepeats: false)
        var lineStart = bytes.startIndex
        var first = true
        while let newline = bytes[lineStart...].firstIndex(of: 0x0A) {
            var line = bytes[lineStart..<newline]
            if line.last == 0x0D { line = line.dropLast() }
            lineStart = newline + 1
            if line.isEmpty { return first ? nil : (fields.values, lineStart) }
            if !first { fields.add(line) }
            first = false
        }
        return nil
    }
}
