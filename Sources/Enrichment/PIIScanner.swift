/// Finds personal data in a text: e-mail addresses, phone numbers (international, and the
/// national shapes of the US and Canada, the UK, France, Germany, Spain, Italy, the
/// Netherlands, Poland, Russia, Brazil, India, Japan and Australia), public IPv4 and IPv6
/// addresses, payment card numbers (Luhn-checked, of a card network's prefix) and IBANs
/// (length by country, mod-97 checked). Dates, prices, ISBNs, version numbers, coordinates,
/// times and order numbers are told apart by shape and by the words around them.
///
/// It reads the text's UTF-8 bytes once; every kind it looks for is ASCII, so only digits,
/// `+`, `(`, `@`, `:` and pairs of capitals make it look closer.
public struct PIIScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var found: [PIIMatch] = []
    /// Where the last match ended: no match overlaps an earlier one.
    private(set) var claimed = 0

    /// The personal data in `text`, in order.
    public static func matches(in text: String) -> [PIIMatch] {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = PIIScanner(bytes: bytes)
            scanner.scan()
            return scanner.found
        }
    }

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The bytes a match can start at or turn on: digits, `+`, `(`, `@`, `:`, capitals.
    private static let interesting: [Bool] = (0..<256).map { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || [0x2B, 0x28, 0x40, 0x3A].contains(byte)
    }

    mutating func scan() {
        let interesting = Self.interesting
        var index = 0
        while index < bytes.count {
            // Eight bytes skipped at once when none lies from "(" to "Z" (every byte a match
            // starts at or turns on does): runs of small letters, spaces and non-ASCII text.
            if index + 8 <= bytes.count, !Self.mayHoldInteresting(bytes, at: index) {
                index += 8
                continue
            }
            let byte = bytes[index]
            guard interesting[Int(byte)] else {
                index += 1
                continue
            }
            var next: Int?
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "("):
                if startsToken(index) { next = numberAt(index) }
            case UInt8(ascii: "@"):
                next = emailAround(index)
            case UInt8(ascii: ":"):
                next = ipv6Around(index)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if startsToken(index) { next = ibanAt(index) }
            default:
                break
            }
            index = max(index + 1, next ?? 0)
        }
    }

    /// Whether any of the eight bytes at `index` is ASCII from "(" (0x28) to "Z" (0x5A): a
    /// byte's top bit, after adding, says whether it is at least 0x28 and whether past 0x5A.
    @inline(__always)
    static func mayHoldInteresting(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let ones: UInt64 = 0x0101_0101_0101_0101
        let seven = word & (ones &* 0x7F)
        let atLeast = seven &+ ones &* (0x80 - 0x28)
        let past = seven &+ ones &* (0x80 - 0x5B)
        return atLeast & ~past & ~word & (ones &* 0x80) != 0
    }

    mutating func record(_ kind: PIIKind, _ range: Range<Int>) {
        guard range.lowerBound >= claimed else { return }
        found.append(PIIMatch(kind: kind, bytes: range))
        claimed = range.upperBound
    }

    // MARK: Bytes

    @inline(__always)
    func isDigit(_ index: Int) -> Bool {
        index >= 0 && index < bytes.count && bytes[index] &- UInt8(ascii: "0") < 10
    }

    @inline(__always)
    func isLetterOrDigit(_ index: Int) -> Bool {
        guard index >= 0, index < bytes.count else { return false }
        let byte = bytes[index]
        // Bytes of non-ASCII characters count as letters: `é1234` is one word.
        return byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte >= 0x80
    }

    /// Whether a token starts here: no letter, digit or joining mark just before.
    func startsToken(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        if isLetterOrDigit(index - 1) { return false }
        switch bytes[index - 1] {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "_"),
            UInt8(ascii: "#"), UInt8(ascii: "+"), UInt8(ascii: "$"):
            return false
        default:
            return true
        }
    }

    /// Up to `count` words before `index`, nearest first ("on", "us", "call"), lower-cased.
    func wordsBefore(_ index: Int, count: Int) -> [String] {
        var (words, end) = ([String](), index)
        while words.count < count {
            let (word, start) = word(endingBefore: end)
            guard !word.isEmpty else { break }
            words.append(word)
            end = start
        }
        return words
    }

    /// The word before `index` (letters only, at most 12) and where it starts, skipping
    /// spaces, `:`, `.` and `°`: what a number is called ("tel", "isbn", "order", "n°").
    private func word(endingBefore index: Int) -> (String, Int) {
        var end = index
        // Spaces, `:`, `.` and `°` (0xC2 0xB0, as in `n°`).
        while end > 0, [0x20, 0x3A, 0x2E, 0xB0, 0xC2].contains(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > 0, end - start < 12,
            (bytes[start - 1] | 0x20) &- UInt8(ascii: "a") < 26 || bytes[start - 1] >= 0x80
        {
            start -= 1
        }
        return (String(decoding: bytes[start..<end], as: UTF8.self).lowercased(), start)
    }

    /// The token after `index`, past one space: a unit or currency after a number.
    func wordAfter(_ index: Int) -> String {
        var start = index
        if start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        var end = start
        while end < bytes.count, end - start < 8, bytes[end] != UInt8(ascii: " "), bytes[end] != 0x0A { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
    }
}
