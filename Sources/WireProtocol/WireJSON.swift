/// The little JSON the protocol's batch headers use: arrays of unsigned integers and strings
/// (`null` read as an empty string), written and read straight from bytes. A client in any
/// language reads them with its JSON library.
enum WireJSON {
    /// Appends `text` as a JSON string: quoted, with quotes, backslashes and control characters escaped.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings (ids, urls) need no escape: copied in one go.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `value` in decimal.
    static func appendNumber(_ value: UInt64, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// The value of a run of ASCII digits; nil when it is empty, holds anything else, or
    /// overflows. The protocol's numbers, in frames of their own or in JSON, are read with it.
    static func decimalValue(_ digits: some Collection<UInt8>) -> UInt64? {
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

    /// An array of arrays, `[[1,"a"],[2,"b"]]`, one inner array for each of `items`, whose values
    /// `row` writes: the mirror of `Reader.readRows`.
    static func rows<Item>(
        _ items: some Sequence<Item>, reservingBytes: Int,
        _ row: (Item, inout RowWriter) -> Void
    ) -> [UInt8] {
        var writer = RowWriter()
        writer.bytes.reserveCapacity(reservingBytes)
        writer.bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { writer.bytes.append(UInt8(ascii: ",")) }
            writer.bytes.append(UInt8(ascii: "["))
            writer.values = 0
            row(item, &writer)
            writer.bytes.append(UInt8(ascii: "]"))
        }
        writer.bytes.append(UInt8(ascii: "]"))
        return writer.bytes
    }

    /// Writes the values of one row, with the commas between them.
    struct RowWriter {
        fileprivate var bytes: [UInt8] = []
        fileprivate var values = 0

        private mutating func separate() {
            if values > 0 { bytes.append(UInt8(ascii: ",")) }
            values += 1
        }

        mutating func number(_ value: UInt64) {
            separate()
            WireJSON.appendNumber(value, to: &bytes)
        }

        mutating func string(_ text: String) {
            separate()
            WireJSON.appendString(text, to: &bytes)
        }
    }

    /// Reads JSON from the start of a frame; every failure names `context`.
    struct Reader {
        private let bytes: ArraySlice<UInt8>
        private var position: Int
        private let context: String
        /// Values read so far in the current row: each after the first follows a comma.
        private var valuesInRow = 0

        init(_ bytes: ArraySlice<UInt8>, context: String) {
            self.bytes = bytes
            self.position = bytes.startIndex
            self.context = context
        }

        private func failure(_ what: String) -> WireError {
            WireError(.malformedMessage, "\(context): \(what) at byte \(position - bytes.startIndex)")
        }

        private mutating func skipSpace() {
            while position < bytes.endIndex {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        /// Consumes `byte` (after any white space) when it is next; false otherwise.
        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard position < bytes.endIndex, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// Consumes `byte`, or fails.
        mutating func expect(_ byte: UInt8) throws(WireError) {
            guard take(byte) else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
        }

        /// Reads an array of arrays, calling `row` to read each inner array's values, and checks
        /// that nothing follows.
        mutating func readRows(_ row: (inout Reader) throws(WireError) -> Void) throws(WireError) {
            try expect(UInt8(ascii: "["))
            if !take(UInt8(ascii: "]")) {
                repeat {
                    try expect(UInt8(ascii: "["))
                    valuesInRow = 0
                    try row(&self)
                    try expect(UInt8(ascii: "]"))
                } while take(UInt8(ascii: ","))
                try expect(UInt8(ascii: "]"))
            }
            guard atEnd() else { throw failure("bytes after the array") }
        }

        /// True when only white space is left.
        mutating func atEnd() -> Bool {
            skipSpace()
            return position == bytes.endIndex
        }

        /// Consumes the comma before every value of a row but the first.
        private mutating func separate() throws(WireError) {
            if valuesInRow > 0 { try expect(UInt8(ascii: ",")) }
            valuesInRow += 1
            skipSpace()
        }

        /// The next value of the row: an unsigned integer.
        mutating func number() throws(WireError) -> UInt64 {
            try separate()
            let start = position
            while position < bytes.endIndex, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
            guard position > start else { throw failure("expected an unsigned integer") }
            guard let value = WireJSON.decimalValue(bytes[start..<position]) else {
                throw failure("a number too large")
            }
            return value
        }

        /// The next value of the row: a string, or `null` read as the empty string.
        mutating func string() throws(WireError) -> String {
            try separate()
            if position < bytes.endIndex, bytes[position] == UInt8(ascii: "n"),
                bytes[position...].starts(with: "null".utf8)
            {
                position += 4
                return ""
            }
            try expect(UInt8(ascii: "\""))
            let start = position
            // The common case: no escapes, one copy of the bytes.
            while position < bytes.endIndex, bytes[position] != UInt8(ascii: "\""),
                bytes[position] != UInt8(ascii: "\\")
            {
                position += 1
            }
            guard position < bytes.endIndex else { throw failure("an unterminated string") }
            if bytes[position] == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: bytes[start..<position - 1], as: UTF8.self)
            }
            var decoded = Array(bytes[start..<position])
            while position < bytes.endIndex {
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "\"") { return String(decoding: decoded, as: UTF8.self) }
                guard byte == UInt8(ascii: "\\") else { decoded.append(byte); continue }
                guard position < bytes.endIndex else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"): decoded.append(contentsOf: try unicodeEscape())
                default: throw failure("an unknown escape")
                }
            }
            throw failure("an unterminated string")
        }

        /// The UTF-8 of a `\uXXXX` escape (its `\u` already read), pairing surrogates.
        private mutating func unicodeEscape() throws(WireError) -> [UInt8] {
            var scalarValue = try hexQuad()
            if (0xD800..<0xDC00).contains(scalarValue) {
                guard bytes[position...].starts(with: "\\u".utf8) else { throw failure("a lone surrogate") }
                position += 2
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("a lone surrogate") }
                scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else { throw failure("a lone surrogate") }
            return Array(String(Character(scalar)).utf8)
        }

        private mutating func hexQuad() throws(WireError) -> UInt32 {
            guard bytes.endIndex - position >= 4 else { throw failure("a short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Character(Unicode.Scalar(bytes[position])).hexDigitValue else {
                    throw failure("a bad \\u escape")
                }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }
    }
}
