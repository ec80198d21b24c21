#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A record as JSON, written and read by hand: it crosses the wire and is decoded by the
/// collector for every page, where Foundation's Codable coders cost more than storing the row.
/// The shape is the one `Codable` gives (snake-case keys, absent optionals left out); reading
/// is as lenient as `init(from:)`: only `id` and `text` are required, unknown keys are skipped.
extension PageRecord {
    /// The record as one JSON object, in UTF-8; without its `text` when `includingText` is
    /// false (the wire carries the text in a frame of its own, with nothing to escape).
    public func jsonBytes(includingText: Bool = true) -> [UInt8] {
        var writer = RecordJSONWriter()
        writer.bytes.reserveCapacity(text.utf8.count + 512)
        writer.bytes.append(UInt8(ascii: "{"))
        writer.field("id", id)
        writer.field("url", url)
        writer.field("canonical_url", canonicalURL)
        writer.field("title", title)
        writer.field("author", authors)
        writer.field("published", published)
        writer.field("language", language)
        writer.field("description", description)
        writer.field("site_name", siteName)
        writer.field("tags", tags)
        writer.field("image", image)
        if includingText { writer.field("text", text) }
        writer.key("word_count")
        writer.bytes.append(contentsOf: String(wordCount).utf8)
        writer.field("content_hash", contentHash)
        writer.bytes.append(UInt8(ascii: "}"))
        return writer.bytes
    }

    /// Reads a record written by `jsonBytes()` or by any JSON writer in any key order. A `text`
    /// given apart is the record's text, and the object then needs none.
    public init(jsonBytes: [UInt8], text separateText: String? = nil) throws(ExtractionError) {
        var reader = RecordJSONReader(bytes: jsonBytes)
        // Each field straight into its variable: no dictionary of fields to build and hash.
        var id: String?, text = separateText, url: String?, canonicalURL: String?, title: String?, published: String?
        var language: String?, description: String?, siteName: String?, image: String?, contentHash: String?
        var authors: [String] = [], tags: [String] = []
        var wordCount: Int?
        func strings(_ value: RecordJSONReader.Value) -> [String] {
            switch value {
            case let .strings(values): values
            case let .string(value): [value]
            default: []
            }
        }
        let wellFormed = reader.readObject { key, value in
            if case let .number(number) = value {
                if key == "word_count" { wordCount = Int(exactly: number.rounded()) }
                return
            }
            if key == "author" { authors = strings(value); return }
            if key == "tags" { tags = strings(value); return }
            guard case let .string(string) = value else { return }
            switch key {
            case "id": id = string
            case "text": if separateText == nil { text = string }
            case "url": url = string
            case "canonical_url": canonicalURL = string
            case "title": title = string
            case "published": published = string
            case "language": language = string
            case "description": description = string
            case "site_name": siteName = string
            case "image": image = string
            case "content_hash": contentHash = string
            default: break
            }
        }
        guard wellFormed else {
            throw ExtractionError(
                .malformedRecord, pageID: id ?? "", detail: "not a JSON object (at byte \(reader.position))")
        }
        guard let id else {
            throw ExtractionError(.malformedRecord, pageID: "", detail: "the record has no \"id\" string")
        }
        guard let text else {
            throw ExtractionError(.malformedRecord, pageID: id, detail: "the record has no \"text\" string")
        }
        self.init(
            id: id, url: url, canonicalURL: canonicalURL, title: title,
            authors: authors, published: published, language: language,
            description: description, siteName: siteName, tags: tags,
            image: image, text: text, wordCount: wordCount ?? TextNormalizer.wordCount(text),
            contentHash: contentHash ?? TextNormalizer.contentHash(text))
    }

    /// A list of strings as a JSON array, as the store keeps authors and tags.
    public static func jsonArray(_ values: [String]) -> String {
        // Most records have no authors or no tags: no writer for those.
        guard !values.isEmpty else { return "[]" }
        var writer = RecordJSONWriter()
        writer.array(values)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// Appends JSON to a byte buffer.
struct RecordJSONWriter {
    var bytes: [UInt8] = []

    mutating func key(_ name: String) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ values: [String]) {
        key(name)
        array(values)
    }

    mutating func array(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { text in
            // Copy the runs that need no escaping whole; escape the bytes between them.
            var runStart = 0
            for index in 0..<text.count {
                let byte = text[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
                case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
                case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
                case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
                default:
                    bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}

/// Reads the one flat JSON object a record is; nested values under unknown keys are skipped.
struct RecordJSONReader {
    enum Value {
        case string(String)
        case strings([String])
        case number(Double)
        case other
    }

    let bytes: [UInt8]
    private(set) var position = 0
    private static let maximumDepth = 64

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads the object, handing each key and value to `visit` in order (a later duplicate key
    /// wins, as with a dictionary); false when the bytes are not one well-formed object.
    mutating func readObject(_ visit: (String, Value) -> Void) -> Bool {
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if take(UInt8(ascii: "}")) { return atEnd() }
        while true {
            skipSpace()
            guard let key = readString() else { return false }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return false }
            skipSpace()
            guard let value = readValue() else { return false }
            visit(key, value)
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}")) && atEnd()
        }
    }

    private mutating func atEnd() -> Bool {
        skipSpace()
        return position == bytes.count
    }

    private mutating func readValue() -> Value? {
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "\""): return readString().map(Value.string)
        case UInt8(ascii: "["):
            // An array of strings (authors, tags); anything else in it is skipped as a whole.
            let start = position
            position += 1
            var values: [String] = []
            skipSpace()
            if take(UInt8(ascii: "]")) { return .strings(values) }
            while true {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\""), let value = readString() else {
                    position = start
                    return skip(depth: 0) ? .other : nil
                }
                values.append(value)
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                return take(UInt8(ascii: "]")) ? .strings(values) : nil
            }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
            return Double(String(decoding: bytes[start..<position], as: UTF8.self)).map(Value.number)
        default:
            return skip(depth: 0) ? .other : nil
        }
    }

    /// Skips any one value: literal, number, string, array or object.
    private mutating func skip(depth: Int) -> Bool {
        guard depth < Self.maximumDepth, position < bytes.count else { return false }
        let first = bytes[position]
        if first == UInt8(ascii: "\"") { return readString() != nil }
        if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
            let close = first == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
            position += 1
            skipSpace()
            if take(close) { return true }
            while true {
                skipSpace()
                if close == UInt8(ascii: "}") {
                    guard readString() != nil else { return false }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return false }
                    skipSpace()
                }
                guard skip(depth: depth + 1) else { return false }
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                return take(close)
            }
        }
        for literal in ["true", "false", "null"] where bytes[position...].starts(with: literal.utf8) {
            position += literal.utf8.count
            return true
        }
        guard Self.isNumberByte(first) else { return false }
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        return true
    }

    /// A string; nil when malformed. `memchr` finds its end and any escapes; a string without
    /// them is copied whole, one with them decoded run by run into the string's own storage (an
    /// escape never decodes to more bytes than it is written with).
    private mutating func readString() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        let quote = Int32(UInt8(ascii: "\"")), backslash = Int32(UInt8(ascii: "\\"))
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress else { return nil }
            func find(_ byte: Int32, from: Int, to: Int) -> Int? {
                guard from < to, let found = memchr(base + from, byte, to - from) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var index = start
            var escaped = false
            var end = -1
            var closing = find(quote, from: index, to: buffer.count)
            while let candidate = closing {
                guard let escape = find(backslash, from: index, to: candidate) else { end = candidate; break }
                escaped = true
                index = escape + 2
                // The escape was of that very quote: the string ends further on.
                if index > candidate { closing = find(quote, from: index, to: buffer.count) }
            }
            guard end >= 0 else { return nil }
            position = end + 1
            guard escaped else {
                return String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
            }
            var malformed = false
            let decoded = String(unsafeUninitializedCapacity: end - start) { output in
                guard let target = output.baseAddress else { return 0 }
                var read = start, written = 0
                while read < end {
                    let next = find(backslash, from: read, to: end) ?? end
                    (target + written).update(from: base + read, count: next - read)
                    written += next - read
                    read = next
                    guard read < end else { break }
                    let escape = buffer[read + 1]
                    read += 2
                    var replacement: UInt8
                    switch escape {
                    case UInt8(ascii: "n"): replacement = 0x0A
                    case UInt8(ascii: "t"): replacement = 0x09
                    case UInt8(ascii: "r"): replacement = 0x0D
                    case UInt8(ascii: "b"): replacement = 0x08
                    case UInt8(ascii: "f"): replacement = 0x0C
                    case UInt8(ascii: "u"):
                        guard let (scalar, length) = Self.unicodeEscape(buffer, at: read, end: end) else {
                            malformed = true; return 0
                        }
                        read += length
                        for byte in scalar.utf8 {
                            target[written] = byte
                            written += 1
                        }
                        continue
                    default: replacement = escape
                    }
                    target[written] = replacement
                    written += 1
                }
                return written
            }
            return malformed ? nil : decoded
        }
    }

    /// The scalar a `\u` escape stands for, its four hex digits at `offset` (a surrogate pair
    /// takes a second escape), and how many bytes it spans after the `\u`; nil when malformed.
    private static func unicodeEscape(
        _ buffer: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int
    ) -> (Unicode.Scalar, Int)? {
        func hex(at offset: Int) -> UInt32? {
            guard offset + 4 <= end else { return nil }
            var value: UInt32 = 0
            for byte in buffer[offset..<(offset + 4)] {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        guard let first = hex(at: offset) else { return nil }
        // A surrogate pair stands for one scalar beyond the Basic Multilingual Plane.
        if (0xD800...0xDBFF).contains(first), offset + 5 < end, buffer[offset + 4] == 0x5C,
            buffer[offset + 5] == UInt8(ascii: "u")
        {
            guard let low = hex(at: offset + 6), (0xDC00...0xDFFF).contains(low) else { return nil }
            return (Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}", 10)
        }
        return (Unicode.Scalar(first) ?? "\u{FFFD}", 4)
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }
}
