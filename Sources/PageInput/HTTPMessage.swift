import CZlib
import Foundation

/// An HTTP/1.x response as a WARC record holds it: status, headers, body.
struct HTTPMessage {
    struct Reason: Error {
        let text: String
    }

    let status: Int
    /// Header names lower-cased; a repeated header's values joined with ", ".
    let headers: [String: String]
    let body: ArraySlice<UInt8>

    /// Reads the message in `bytes` (a record's block): the body is a slice of it, not a copy.
    init?(_ bytes: ArraySlice<UInt8>) {
        guard let headerEnd = Self.endOfHeaders(bytes) else { return nil }
        // Parsed on the bytes: Foundation's string handling costs more than the rest of a record.
        var lines = bytes[..<headerEnd.start].split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        guard let statusLine = lines.first, statusLine.starts(with: Array("HTTP/".utf8)),
            let space = statusLine.firstIndex(of: 0x20)
        else { return nil }
        let code = statusLine[(space + 1)...].prefix { $0 &- 0x30 < 10 }
        guard code.count == 3, let status = Int(String(decoding: code, as: UTF8.self)) else { return nil }
        lines.removeFirst()
        var fields = HeaderFields(joinsRepeats: true)
        for line in lines { fields.add(line) }
        self.status = status
        self.headers = fields.values
        self.body = bytes[headerEnd.end...]
    }

    /// The charset the Content-Type names, if any.
    var charset: String? {
        guard let type = headers["content-type"], let range = type.range(of: "charset=", options: .caseInsensitive)
        else { return nil }
        let value = type[range.upperBound...].prefix { $0 != ";" && $0 != " " }
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The body with its transfer coding (chunked) and content codings (gzip, deflate, br,
    /// the last applied undone first) undone. As warcio does, a body that is not coded as its
    /// headers say (a crawler that stored what it had already decoded, a server that named a
    /// coding it did not apply) is taken as it is when it reads as uncoded text.
    func decodedBody(limit: Int) -> Result<[UInt8], Reason> {
        var bytes = Array(body)
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            bytes = Self.unchunk(bytes)
        }
        let codings = (headers["content-encoding"] ?? "").lowercased().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "identity" }
        for coding in codings.reversed() {
            switch Self.decode(bytes, coding: coding, limit: limit) {
            case let .success(decoded): bytes = decoded
            case let .failure(reason):
                guard Self.readsAsUncodedText(bytes) else { return .failure(reason) }
                return .success(bytes)
            }
        }
        return .success(bytes)
    }

    /// The bytes with one content coding undone.
    private static func decode(_ bytes: [UInt8], coding: String, limit: Int) -> Result<[UInt8], Reason> {
        switch coding {
        case "gzip", "x-gzip", "deflate":
            guard let inflated = inflate(bytes, limit: limit) else {
                return .failure(Reason(text: "a gzip or deflate body that cannot be inflated"))
            }
            return .success(inflated)
        case "br":
            switch BrotliBody.decode(bytes, limit: limit) {
            case let .success(decoded): return .success(decoded)
            case let .failure(.malformed(reason)): return .failure(Reason(text: reason))
            case .failure(.overLimit):
                return .failure(Reason(text: "the brotli body decodes to over the --max-page-bytes limit of \(limit)"))
            }
        case let other: return .failure(Reason(text: "content coding \(other) is not supported"))
        }
    }

    /// Whether a body its headers call coded reads as text instead: after white space (and a
    /// byte-order mark), markup; or no control bytes in its first kilobyte. Compressed data
    /// has them within a few bytes (gzip's magic number is one).
    static func readsAsUncodedText(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, bytes[start] == 0x20 || (0x09...0x0D).contains(bytes[start]) { start += 1 }
        guard start < bytes.count else { return false }
        if bytes[start] == UInt8(ascii: "<") { return true }
        return !bytes[start..<min(bytes.count, start + 1024)].contains { $0 < 0x09 || (0x0E..<0x20).contains($0) }
    }

    private static func endOfHeaders(_ bytes: ArraySlice<UInt8>) -> (start: Int, end: Int)? {
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == 0x0A {
                if bytes[index + 1] == 0x0A { return (index, index + 2) }
                if bytes[index + 1] == 0x0D, index + 2 < bytes.endIndex, bytes[index + 2] == 0x0A {
                    return (index, index + 3)
                }
            }
            index += 1
        }
        return nil
    }

    /// A chunked body's data. A body whose first line is no chunk size was not chunked after
    /// all (the crawler stored it decoded) and is returned as it is; a bad size line further on
    /// ends the chunks, and what follows it is kept as it is.
    static func unchunk(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstIndex(of: 0x0A), let size = chunkSize(bytes[index..<lineEnd])
            else {
                output.append(contentsOf: bytes[index...])
                return output
            }
            index = lineEnd + 1
            if size == 0 { return output }
            let end = min(bytes.count, index + size)
            output.append(contentsOf: bytes[index..<end])
            index = end
            if index < bytes.count, bytes[index] == 0x0D { index += 1 }
            if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        }
        return output
    }

    /// A chunk's size from its line (hexadecimal, then extensions after ";"); nil when the
    /// line is none.
    private static func chunkSize(_ line: ArraySlice<UInt8>) -> Int? {
        let sizeText = String(decoding: line, as: UTF8.self).prefix { $0 != ";" && $0 != "\r" }
        let digits = sizeText.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        return Int(digits, radix: 16)
    }

    /// Inflates gzip, zlib or raw deflate data, at most `limit` bytes of it.
    static func inflate(_ bytes: [UInt8], limit: Int) -> [UInt8]? {
        for windowBits: Int32 in [15 + 32, -15] {
            if let output = inflate(bytes, windowBits: windowBits, limit: limit) { return output }
        }
        return nil
    }

    private static func inflate(_ bytes: [UInt8], windowBits: Int32, limit: Int) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = bytes
        return input.withUnsafeMutableBufferPointer { source -> [UInt8]? in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { target -> (Int32, Int) in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, target.count - Int(stream.avail_out))
                }
                output.append(contentsOf: chunk[..<produced])
                if output.count > limit { return nil }
                if status == Z_STREAM_END { return output }
                // A body cut short inflates as far as it goes.
                if status == Z_BUF_ERROR || (status == Z_OK && stream.avail_in == 0 && produced == 0) {
                    return output.isEmpty ? nil : output
                }
                guard status == Z_OK else { return nil }
            }
        }
    }
}
