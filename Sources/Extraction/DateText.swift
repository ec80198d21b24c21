/// Reads the dates pages write in text and turns them into ISO 8601.
enum DateText {
    /// "2023-09-13 22:20:04" → "2023-09-13T22:20:04", "2023-09-13" stays; nil when the text is
    /// not a date of that shape.
    static func iso8601(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard [10, 16, 19].contains(bytes.count) || (bytes.count > 19 && bytes.count <= 25) else { return nil }
        func digit(_ index: Int) -> Bool { bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        guard [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy(digit), bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return nil
        }
        if bytes.count == 10 { return text }
        guard bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"), [11, 12, 14, 15].allSatisfy(digit),
              bytes[13] == UInt8(ascii: ":") else { return nil }
        return String(decoding: bytes[0..<10], as: UTF8.self) + "T" + String(decoding: bytes[11...], as: UTF8.self)
    }
}
