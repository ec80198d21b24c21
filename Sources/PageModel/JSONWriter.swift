/// Writes JSON straight into bytes: records on the wire, the protocol's batch headers, the
/// store's author and tag arrays. Commas are placed for the caller, so a writer's calls read
/// as the shape they write.
///
/// Strings are written as RFC 8259 asks: `"` and `\` escaped, the control characters below
/// U+0020 as `\n`, `\r`, `\t` or `\u00XX`, everything else as its UTF-8.
public struct JSONWriter: Sendable {
    /// What has been written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the next value or key follows another at the same level, and so needs a comma.
    private var followsValue = false

    /// A writer whose buffer has room for `capacity` bytes before it grows.
    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Opens an object.
    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    /// Closes the object last opened.
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    /// Opens an array.
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    /// Closes the array last opened.
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes an object's key; the value written next is its value.
    public mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        followsValue = false
    }

    /// Writes `name` and `value`, or nothing when `value` is nil: absent optionals are left
    /// out, as `Codable` leaves them.
    public mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    /// Writes `name` and an array of `values`.
    public mutating func field(_ name: String, _ values: [String]) {
        key(name)
        strings(values)
    }

    /// Writes `name` and an integer.
    public mutating func field(_ name: String, _ value: Int) {
        key(name)
        number(value)
    }

    /// Writes `name` and a number.
    public mutating func field(_ name: String, _ value: Double) {
        key(name)
        number(value)
    }

    /// Writes `name` and an array of objects, each one's fields written by `fields`; nothing
    /// when there are no items.
    public mutating func objects<Item>(_ name: String, _ items: [Item], _ fields: (inout JSONWriter, Item) -> Void) {
        guard !items.isEmpty else { return }
        key(name)
        beginArray()
        for item in items {
            beginObject()
            fields(&self, item)
            endObject()
        }
        endArray()
    }

    /// Writes `name` and an object of numbers, keys sorted; nothing when it is empty.
    public mutating func field(_ name: String, _ numbers: [String: Double]) {
        guard !numbers.isEmpty else { return }
        key(name)
        object(numbers)
    }

    /// Writes an object of numbers, keys sorted.
    public mutating func object(_ numbers: [String: Double]) {
        beginObject()
        for (key, value) in numbers.sorted(by: { $0.key < $1.key }) {
            self.key(key)
            number(value)
        }
        endObject()
    }

    /// Writes an array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes an integer in decimal.
    public mutating func number(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a finite number: a whole one as an integer, others as Swift prints them (the
    /// shortest text that reads back the same); JSON has no infinity nor NaN, so those are 0.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return number(0) }
        if value == value.rounded(), abs(value) < 1e15 { return number(Int(value)) }
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes an unsigned integer in decimal.
    public mutating func number(_ value: UInt64) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes a string, quoted and escaped.
    public mutating func string(_ value: String) {
        separate()
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
                appendEscape(of: byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<text.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(of byte: UInt8) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case UInt8(ascii: "\""), backslash: bytes += [backslash, byte]
        case 0x0A: bytes += [backslash, UInt8(ascii: "n")]
        case 0x0D: bytes += [backslash, UInt8(ascii: "r")]
        case 0x09: bytes += [backslash, UInt8(ascii: "t")]
        default:
            bytes += [backslash, UInt8(ascii: "u"), 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
        }
    }

    private mutating func separate() {
        if followsValue { bytes.append(UInt8(ascii: ",")) }
        followsValue = true
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        followsValue = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        followsValue = true
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
