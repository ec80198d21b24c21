#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads JSON straight from bytes, with one set of rules for every reader of the product
/// (records from workers, the protocol's headers, JSON Lines input):
///
/// - The grammar is RFC 8259's: anything else (an unknown escape such as `\q`, a bad `\u`,
///   a number like `01` or `1.`, trailing bytes) is refused with the byte offset where it broke.
/// - Text the reader cannot hold as Unicode is replaced, never refused: an invalid UTF-8
///   sequence and a lone surrogate escape (`\ud800` alone) each become U+FFFD, so one bad
///   character in a page's text costs that character, not the page.
/// - Raw control characters inside strings, which the RFC says should be escaped, are kept:
///   what they mean is unambiguous.
/// - Nesting deeper than `maximumDepth` is refused rather than recursed into.
public struct JSONReader {
    private let bytes: ArraySlice<UInt8>
    /// The index in `bytes` of the next byte to read.
    private var position: Int
    /// The deepest nesting read (an object holding an array is depth 2).
    public static let maximumDepth = 64

    /// A reader of `bytes`, from their start.
    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    /// A reader of `bytes`, from their start.
    public init(_ bytes: [UInt8]) {
        self.init(bytes[...])
    }

    /// How many bytes have been read.
    public var offset: Int { position - bytes.startIndex }

    /// An error saying what was wrong and where.
    public func failure(_ what: String) -> PageModelError {
        PageModelError(.malformedJSON, detail: "\(what) at byte \(offset)")
    }

    /// Consumes `byte`, after any white space, when it is next; false otherwise.
    public mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.endIndex, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Whether `byte`, after any white space, is next; consumes only the white space.
    public mutating func isNext(_ byte: UInt8) -> Bool {
        skipSpace()
        return position < bytes.endIndex && bytes[position] == byte
    }

    /// Consumes `byte`, after any white space, or fails.
    public mutating func expect(_ byte: UInt8) throws(PageModelError) {
        guard take(byte) else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
    }

    /// True when only white space is left.
    public mutating func atEnd() -> Bool {
        skipSpace()
        return position == bytes.endIndex
    }

    /// Fails unless only white space is left.
    public mutating func expectEnd() throws(PageModelError) {
        guard atEnd() else { throw failure("bytes after the value") }
    }

    /// Reads the whole input as one object, handing each key and its value to `visit` in
    /// order (so a later duplicate key wins, as with a dictionary).
    public mutating func readObject(_ visit: (String, JSONValue) -> Void) throws(PageModelError) {
        guard take(UInt8(ascii: "{")) else { throw failure("expected an object") }
        if !take(UInt8(ascii: "}")) {
            repeat {
                skipSpace()
                let key = try readString()
                try expect(UInt8(ascii: ":"))
                visit(key, try readValue(depth: 1))
            } while take(UInt8(ascii: ","))
            try expect(UInt8(ascii: "}"))
        }
        try expectEnd()
    }

    /// Reads `null` when it is next (after any white space); false, reading nothing, otherwise.
    public mutating func readNull() -> Bool {
        skipSpace()
        guard bytes[position...].starts(with: "null".utf8) else { return false }
        position += 4
        return true
    }

    /// Reads an unsigned integer written in plain digits.
    public mutating func readUnsignedInteger() throws(PageModelError) -> UInt64 {
        skipSpace()
        let start = position
        while position < bytes.endIndex, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
        guard position > start else { throw failure("expected an unsigned integer") }
        guard let value = Self.decimalValue(bytes[start..<position]),
            bytes[start] != UInt8(ascii: "0") || position - start == 1
        else { throw failure("an unsigned integer too large, or with a leading zero") }
        return value
    }

    /// The value of a run of ASCII digits; nil when it is empty, holds anything else, or
    /// overflows.
    public static func decimalValue(_ digits: some Collection<UInt8>) -> UInt64? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflowA, !overflowB else { return nil }
            value = sum
        }
        return value
    }

    /// Reads any one value, at nesting `depth`.
    public mutating func readValue(depth: Int) throws(PageModelError) -> JSONValue {
        skipSpace()
        guard position < bytes.endIndex else { throw failure("expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "["):
            let start = position
            if let strings = try readStringArray(depth: depth) { return .strings(strings) }
            return .array(String(decoding: bytes[start..<position], as: UTF8.self))
        case UInt8(ascii: "{"):
            let start = position
            try skipValue(depth: depth)
            return .object(String(decoding: bytes[start..<position], as: UTF8.self))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default:
            for (literal, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)]
            where bytes[position...].starts(with: literal.utf8) {
                position += literal.utf8.count
                return value
            }
            throw failure("expected a value")
        }
    }

    /// An array of strings; nil, with the array skipped, when any item is not a string.
    private mutating func readStringArray(depth: Int) throws(PageModelError) -> [String]? {
        let start = position
        position += 1
        var values: [String] = []
        if take(UInt8(ascii: "]")) { return values }
        repeat {
            skipSpace()
            guard position < bytes.endIndex, bytes[position] == UInt8(ascii: "\"") else {
                position = start
                try skipValue(depth: depth)
                return nil
            }
            values.append(try readString())
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        return values
    }

    /// Skips any one value, at nesting `depth`, checking it is well formed.
    public mutating func skipValue(depth: Int) throws(PageModelError) {
        guard depth <= Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth)") }
        skipSpace()
        guard position < bytes.endIndex else { throw failure("expected a value") }
        let first = bytes[position]
        guard first == UInt8(ascii: "[") || first == UInt8(ascii: "{") else {
            _ = try readValue(depth: depth)
            return
        }
        let isObject = first == UInt8(ascii: "{")
        position += 1
        if take(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) { return }
        repeat {
            if isObject {
                skipSpace()
                _ = try readString()
                try expect(UInt8(ascii: ":"))
            }
            try skipValue(depth: depth + 1)
        } while take(UInt8(ascii: ","))
        try expect(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// A number as written: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func readNumber() throws(PageModelError) -> String {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.endIndex, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
            return position - first
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0 else { throw failure("a number without digits") }
        guard integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
            throw failure("a number with a leading zero")
        }
        if position < bytes.endIndex, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw failure("a number with no digits after its point") }
        }
        if position < bytes.endIndex, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.endIndex, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw failure("a number with no digits in its exponent") }
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func skipSpace() {
        while position < bytes.endIndex {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }
}

extension JSONReader {
    /// Reads a string (the reader at its opening quote, after any white space). `memchr` finds
    /// its end and any escapes: a string without escapes is copied whole, one with them
    /// decoded run by run into the string's own storage (no escape decodes to more bytes
    /// than it is written with).
    public mutating func readString() throws(PageModelError) -> String {
        skipSpace()
        guard position < bytes.endIndex, bytes[position] == UInt8(ascii: "\"") else {
            throw failure("expected a string")
        }
        let start = position + 1 - bytes.startIndex
        var problem: String?
        let (decoded, end) = bytes.withUnsafeBufferPointer { buffer -> (String?, Int) in
            guard let end = Self.closingQuote(in: buffer, from: start) else {
                problem = "an unterminated string"
                return (nil, -1)
            }
            let raw = UnsafeBufferPointer(rebasing: buffer[start..<end.quote])
            guard end.escaped else { return (String(decoding: raw, as: UTF8.self), end.quote) }
            let text = Self.unescape(raw, problem: &problem)
            return (text, end.quote)
        }
        guard let decoded, problem == nil else {
            if end >= 0 { position = bytes.startIndex + end }
            throw failure(problem ?? "a malformed string")
        }
        position = bytes.startIndex + end + 1
        return decoded
    }

    /// Where the string starting at `start` ends (the index of its closing quote), and whether
    /// it holds escapes; nil when it never ends.
    private static func closingQuote(
        in buffer: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> (quote: Int, escaped: Bool)? {
        guard let base = buffer.baseAddress else { return nil }
        func find(_ byte: UInt8, from: Int, to: Int) -> Int? {
            guard from < to, let found = memchr(base + from, Int32(byte), to - from) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        var index = start
        var escaped = false
        var closing = find(UInt8(ascii: "\""), from: index, to: buffer.count)
        while let candidate = closing {
            guard let escape = find(UInt8(ascii: "\\"), from: index, to: candidate) else {
                return (candidate, escaped)
            }
            escaped = true
            index = escape + 2
            // The escape was of that very quote: the string ends further on.
            if index > candidate { closing = find(UInt8(ascii: "\""), from: index, to: buffer.count) }
        }
        return nil
    }

    /// The text of a string's bytes with their escapes decoded; nil, with `problem` set, when
    /// an escape is malformed.
    private static func unescape(_ raw: UnsafeBufferPointer<UInt8>, problem: inout String?) -> String? {
        var failed: String?
        let text = String(unsafeUninitializedCapacity: raw.count) { output in
            var read = 0, written = 0
            while read < raw.count {
                let byte = raw[read]
                read += 1
                guard byte == UInt8(ascii: "\\") else {
                    output[written] = byte
                    written += 1
                    continue
                }
                let escape = raw[read]  // a backslash is always followed: closingQuote saw to it
                read += 1
                if let simple = simpleEscapes[Int(escape)] {
                    output[written] = simple
                    written += 1
                    continue
                }
                guard escape == UInt8(ascii: "u") else {
                    failed = "an unknown escape \\\(Character(Unicode.Scalar(escape)))"
                    return 0
                }
                guard let (scalar, length) = unicodeEscape(raw, at: read) else {
                    failed = "a \\u escape without four hex digits"
                    return 0
                }
                read += length
                for unit in scalar.utf8 {
                    output[written] = unit
                    written += 1
                }
            }
            return written
        }
        problem = failed
        return failed == nil ? text : nil
    }

    /// What each one-letter escape stands for, by the letter; nil for none.
    private static let simpleEscapes: [UInt8?] = (0..<256).map { letter -> UInt8? in
        switch UInt8(letter) {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): UInt8(letter)
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    /// The scalar a `\u` escape stands for, its four hex digits at `offset`, and how many bytes
    /// it spans after the `\u` (ten for a surrogate pair); a lone surrogate is U+FFFD. Nil when
    /// the digits are not four hex digits.
    private static func unicodeEscape(_ raw: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int)? {
        func hex(at offset: Int) -> UInt32? {
            guard offset + 4 <= raw.count else { return nil }
            var value: UInt32 = 0
            for byte in raw[offset..<(offset + 4)] {
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
        if (0xD800...0xDBFF).contains(first), offset + 5 < raw.count, raw[offset + 4] == UInt8(ascii: "\\"),
            raw[offset + 5] == UInt8(ascii: "u"), let low = hex(at: offset + 6), (0xDC00...0xDFFF).contains(low)
        {
            return (Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}", 10)
        }
        return (Unicode.Scalar(first) ?? "\u{FFFD}", 4)
    }
}
