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
            let continuation = HTTPMessage.trimmed(line)
            if let name = lastName, !continuation.isEmpty {
                values[name] = (values[name] ?? "") + " " + continuation
            }
            return
        }
        guard let (name, value) = HTTPMessage.field(line) else {
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
}
