/// A record as JSON, written and read by hand: it crosses the wire and is decoded by the
/// collector for every page, where Foundation's Codable coders cost more than storing the row.
/// The shape is the one `Codable` gives (snake-case keys, absent optionals left out); reading
/// is as lenient as `init(from:)`: only `id` and `text` are required, unknown keys are skipped.
extension PageRecord {
    /// The record as one JSON object, in UTF-8.
    public func jsonBytes() -> [UInt8] {
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
        writer.field("text", text)
        writer.key("word_count")
        writer.bytes.append(contentsOf: String(wordCount).utf8)
        writer.field("content_hash", contentHash)
        writer.bytes.append(UInt8(ascii: "}"))
        return writer.bytes
    }

    /// Reads a record written by `jsonBytes()` or by any JSON writer in any key order.
    public init(jsonBytes: [UInt8]) throws(ExtractionError) {
        var reader = RecordJSONReader(bytes: jsonBytes)
        var fields: [String: RecordJSONReader.Value] = [:]
        guard reader.readObject(into: &fields) else {
            throw ExtractionError(.malformedRecord, pageID: "?", detail: "not a JSON object (at byte \(reader.position))")
        }
        guard case let .string(id)? = fields["id"] else {
            throw ExtractionError(.malformedRecord, pageID: "?", detail: "the record has no \"id\" string")
        }
        guard case let .string(text)? = fields["text"] else {
            throw ExtractionError(.malformedRecord, pageID: id, detail: "the record has no \"text\" string")
        }
        func string(_ key: String) -> String? {
            if case let .string(value)? = fields[key] { return value }
            return nil
        }
        func strings(_ key: String) -> [String] {
            switch fields[key] {
            case let .strings(values)?: return values
            case let .string(value)?: return [value]
            default: return []
            }
        }
        var wordCount: Int
        if case let .number(value)? = fields["word_count"], let count = Int(exactly: value.rounded()) {
            wordCount = count
        } else {
            wordCount = TextNormalizer.wordCount(text)
        }
        self.init(id: id, url: string("url"), canonicalURL: string("canonical_url"), title: string("title"),
                  authors: strings("author"), published: string("published"), language: string("language"),
                  description: string("description"), siteName: string("site_name"), tags: strings("tags"),
                  image: string("image"), text: text, wordCount: wordCount,
                  contentHash: string("content_hash") ?? TextNormalizer.contentHash(text))
    }

    /// A list of strings as a JSON array, as the store keeps authors and tags.
    public static func jsonArray(_ values: [String]) -> String {
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
                default: bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
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

    mutating func readObject(into fields: inout [String: Value]) -> Bool {
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
            fields[key] = value
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

    /// A string; nil when malformed. Runs without escapes are copied whole.
    private mutating func readString() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var decoded: [UInt8] = []
        while true {
            let runStart = position
            position = bytes.withUnsafeBufferPointer { buffer -> Int in
                var index = runStart
                while index < buffer.count, buffer[index] != UInt8(ascii: "\""), buffer[index] != UInt8(ascii: "\\") { index += 1 }
                return index
            }
            guard position < bytes.count else { return nil }
            if bytes[position] == UInt8(ascii: "\"") {
                position += 1
                // Every escape adds a byte, so an empty buffer means there was none.
                if decoded.isEmpty { return String(decoding: bytes[runStart..<position - 1], as: UTF8.self) }
                decoded.append(contentsOf: bytes[runStart..<position - 1])
                return String(decoding: decoded, as: UTF8.self)
            }
            // At the first escape, room for the rest of the string: one allocation, not one a run.
            if decoded.isEmpty { decoded.reserveCapacity(bytes.count - runStart) }
            decoded.append(contentsOf: bytes[runStart..<position])
            position += 1
            guard position < bytes.count else { return nil }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "u"):
                guard var scalar = readHex() else { return nil }
                // A surrogate pair stands for one scalar beyond the Basic Multilingual Plane.
                if (0xD800...0xDBFF).contains(scalar), bytes[position...].starts(with: [0x5C, UInt8(ascii: "u")]) {
                    position += 2
                    guard let low = readHex(), (0xDC00...0xDFFF).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                decoded.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
            default: decoded.append(escape)
            }
        }
    }

    private mutating func readHex() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        guard let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16) else { return nil }
        position += 4
        return value
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
