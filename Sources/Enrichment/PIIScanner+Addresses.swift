/// E-mail addresses, IPv6 addresses and IBANs.
extension PIIScanner {
    private static let localCharacters = Set("!#$%&'*+/=?^_`{|}~-".utf8)

    private func isLocalCharacter(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26 || Self.localCharacters.contains(byte)
    }

    private func isDomainCharacter(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "-")
    }

    /// The address around the `@` at `at`, as datatrove's pattern reads one (a local part of
    /// letters, digits and its marks, dots between; a domain of two labels or more), with a
    /// top-level domain of letters.
    mutating func emailAround(_ at: Int) -> Int? {
        var start = at
        while start > claimed, isLocalCharacter(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ".") {
            start -= 1
        }
        while start < at, bytes[start] == UInt8(ascii: ".") { start += 1 }
        guard start < at, bytes[at - 1] != UInt8(ascii: ".") else { return nil }
        var end = at + 1
        var labels: [Range<Int>] = []
        while true {
            let labelStart = end
            while end < bytes.count, isDomainCharacter(bytes[end]) { end += 1 }
            guard end > labelStart, bytes[labelStart] != UInt8(ascii: "-"), bytes[end - 1] != UInt8(ascii: "-") else {
                end = labelStart
                break
            }
            labels.append(labelStart..<end)
            guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."), isDomainCharacter(bytes[end + 1]) else {
                break
            }
            end += 1
        }
        if let last = labels.last, end > last.upperBound { end = last.upperBound }
        guard labels.count >= 2, let top = labels.last, top.count >= 2,
            top.allSatisfy({ (bytes[$0] | 0x20) &- UInt8(ascii: "a") < 26 })
        else { return nil }
        record(.email, start..<top.upperBound)
        return top.upperBound
    }

    /// The IPv6 address through the `:` at `colon`: eight groups of up to four hex digits, or
    /// fewer with one `::`, not a time (`12:30:45`) nor a MAC address, and public.
    mutating func ipv6Around(_ colon: Int) -> Int? {
        var start = colon
        while start > claimed, Self.isHex(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: ":") { start -= 1 }
        guard start == 0 || !isLetterOrDigit(start - 1) else { return nil }
        var end = colon
        while end < bytes.count, Self.isHex(bytes[end]) || bytes[end] == UInt8(ascii: ":") { end += 1 }
        guard !isLetterOrDigit(end), let groups = Self.ipv6Groups(bytes[start..<end]) else { return nil }
        guard Self.isPublic(ipv6: groups) else { return end }
        record(.ipv6, start..<end)
        return end
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }

    /// The eight groups of an address, or nil when the text is not one.
    static func ipv6Groups(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> [Int]? {
        let string = String(decoding: text, as: UTF8.self)
        let halves = Self.halves(string)
        guard halves.count <= 2 else { return nil }
        func parse(_ half: String) -> [Int]? {
            if half.isEmpty { return [] }
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            var groups: [Int] = []
            for part in parts {
                guard (1...4).contains(part.count), let value = Int(part, radix: 16) else { return nil }
                groups.append(value)
            }
            return groups
        }
        guard let head = parse(halves[0]), let tail = halves.count == 2 ? parse(halves[1]) : [] else { return nil }
        let present = head.count + tail.count
        guard halves.count == 2 ? present <= 7 && present >= 2 : present == 8 else { return nil }
        // Times and scores are digits in twos: an address has a letter or a long group.
        guard string.contains(where: { $0.isLetter }) || string.split(separator: ":").contains(where: { $0.count > 2 })
        else { return nil }
        return head + Array(repeating: 0, count: 8 - present) + tail
    }

    /// The text split at each `::`.
    private static func halves(_ string: String) -> [String] {
        var (halves, current, previousColon) = ([String](), "", false)
        for character in string {
            if character == ":", previousColon {
                current.removeLast()
                halves.append(current)
                (current, previousColon) = ("", false)
                continue
            }
            current.append(character)
            previousColon = character == ":"
        }
        return halves + [current]
    }

    /// Not loopback, unspecified, link-local, unique-local, multicast, documentation nor mapped.
    static func isPublic(ipv6 groups: [Int]) -> Bool {
        let first = groups[0]
        if groups.dropLast().allSatisfy({ $0 == 0 }) { return false }
        if first & 0xFFC0 == 0xFE80 || first & 0xFE00 == 0xFC00 || first & 0xFF00 == 0xFF00 { return false }
        if first == 0x2001, groups[1] == 0x0DB8 { return false }
        return !(groups[0..<5].allSatisfy { $0 == 0 } && groups[5] == 0xFFFF)
    }

    /// An IBAN: a country's two capitals, two check digits and its length of letters and
    /// digits, grouped by four or not, whose mod-97 value is 1.
    mutating func ibanAt(_ start: Int) -> Int? {
        guard start + 4 < bytes.count, (bytes[start + 1] &- UInt8(ascii: "A")) < 26, isDigit(start + 2),
            isDigit(start + 3)
        else { return nil }
        let country = String(decoding: bytes[start..<(start + 2)], as: UTF8.self)
        guard let length = Self.ibanLengths[country] else { return nil }
        var (characters, index, end) = ([UInt8](), start, start)
        while index < bytes.count, characters.count < length {
            let byte = bytes[index]
            if byte &- UInt8(ascii: "0") < 10 || byte &- UInt8(ascii: "A") < 26 {
                characters.append(byte)
                end = index + 1
            } else if byte != UInt8(ascii: " ") || characters.count % 4 != 0 {
                break
            }
            index += 1
        }
        // An IBAN with a wrong checksum is skipped whole: its digits are not another number.
        guard characters.count == length, !isLetterOrDigit(end) else { return nil }
        guard Self.ibanRemainder(characters) == 1 else { return end }
        record(.iban, start..<end)
        return end
    }

    /// The IBAN's value mod 97, its first four characters moved to the end, letters as 10–35.
    static func ibanRemainder(_ characters: [UInt8]) -> Int {
        var remainder = 0
        for byte in characters.dropFirst(4) + characters.prefix(4) {
            let value = byte >= UInt8(ascii: "A") ? Int(byte - UInt8(ascii: "A")) + 10 : Int(byte - UInt8(ascii: "0"))
            remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97
        }
        return remainder
    }

    /// Lengths by country, from the IBAN registry.
    static let ibanLengths: [String: Int] = [
        "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
        "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24,
        "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21,
        "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
        "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MR": 27,
        "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24,
        "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "TN": 24, "TR": 26, "UA": 29,
        "VA": 22, "VG": 24, "XK": 20,
    ]
}
