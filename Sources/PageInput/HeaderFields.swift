/// The named fields of a WARC or HTTP/1.x head, gathered a line at a time: names
/// lower-cased, values without the white space around them. A line that begins with a space
/// or a tab continues the field before it (the obsolete line folding older servers and
/// writers still send); a line without a colon is passed over.
struct HeaderFields {
    private(set) var values: [String: String] = [:]
    private var lastName: String?
    /// Whether a repeated field's values are joined with ", " (HTTP) rather than the last
    /// one kept (WARC).
    let joinsRepeats: Bool

    init(joinsRepeats: Bool) { self.joinsRepeats = joinsRepeats }

    mutating func add(_ line: ArraySlice<UInt8>) {
        if let first = line.first, first == 0x20 || first == 0x09 {
            let continuation = Self.trimmed(line)
            if let name = lastName, !continuation.isEmpty {
                values[name] = (values[name] ?? "") + " " + continuation
            }
            return
        }
        guard let (name, value) = Self.field(line) else {
            lastName = nil
            return
        }
        lastName = name
        if joinsRepeats, let earlier = values[name] {
            values[name] = earlier + ", " + value
        } else {
            values[name] = value
        }
    }

    /// A header line's name, ASCII lower-cased, and its value without the white space around
    /// it (HTTP's and WARC's alike); nil for a line without a colon.
    private static func field(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = String(decoding: line[..<colon].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return (name, trimmed(line[(colon + 1)...]))
    }

    /// The bytes without the spaces and tabs around them, as a string.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.endIndex
        let end = bytes.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { $0 + 1 } ?? start
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
