/// Runs of digits and separators: IPv4 addresses, payment cards and phone numbers.
extension PIIScanner {
    /// A run of digit groups as written: `+33 (0)1 23-45`, `192.168.0.1`, `4111 1111 1111 1111`.
    struct NumberRun {
        var range: Range<Int>
        var groups: [Range<Int>] = []
        var separators: Set<UInt8> = []
        var plus = false
        /// The index of a group written in parentheses, if one was.
        var parenthesized: Int?

        var digitCount: Int { groups.reduce(0) { $0 + $1.count } }
    }

    /// Looks at the run starting at `start`; returns where scanning goes on.
    mutating func numberAt(_ start: Int) -> Int {
        // Most numbers (years, prices, counts) are too short to be any of these: told from
        // their digits and dots before anything is built.
        let (end, digits, dots) = roughRun(from: start)
        guard digits >= 8 || (digits >= 4 && dots >= 3) else { return end }
        guard let run = numberRun(from: start) else { return start + 1 }
        if let kind = classify(run, before: wordsBefore(start, count: 3)) { record(kind, run.range) }
        return run.range.upperBound
    }

    /// Where the digits and separators from `start` end, and how many digits and dots they hold.
    private func roughRun(from start: Int) -> (end: Int, digits: Int, dots: Int) {
        var (index, digits, dots) = (start, 0, 0)
        while index < bytes.count, index - start < 48 {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "("), UInt8(ascii: ")"),
                UInt8(ascii: "+"), UInt8(ascii: "x"):
                break
            default:
                return (max(index, start + 1), digits, dots)
            }
            index += 1
        }
        return (max(index, start + 1), digits, dots)
    }

    func numberRun(from start: Int) -> NumberRun? {
        var run = NumberRun(range: start..<start)
        var index = start
        if bytes[index] == UInt8(ascii: "+") {
            run.plus = true
            index += 1
        }
        var groupStart: Int?
        var open = false
        while index < bytes.count, index - start < 48 {
            let byte = bytes[index]
            if isDigit(index) {
                if groupStart == nil { groupStart = index }
                index += 1
                continue
            }
            if let begun = groupStart {
                run.groups.append(begun..<index)
                groupStart = nil
            }
            if byte == UInt8(ascii: "("), !open, isDigit(index + 1) {
                (open, run.parenthesized) = (true, run.groups.count)
            } else if byte == UInt8(ascii: ")"), open {
                open = false
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: " "), isDigit(index + 2) { index += 1 }
            } else if [UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/")].contains(byte),
                isDigit(index + 1) || (bytes.count > index + 1 && bytes[index + 1] == UInt8(ascii: "("))
            {
                run.separators.insert(byte)
            } else {
                break
            }
            index += 1
        }
        if let begun = groupStart { run.groups.append(begun..<index) }
        guard let last = run.groups.last, !open || run.parenthesized == nil else { return nil }
        run.range = start..<extensionEnd(after: last.upperBound)
        guard run.range.upperBound == last.upperBound else { return run }
        // A number glued to a letter, or going on as a decimal, is not one of these.
        if isLetterOrDigit(last.upperBound) { return nil }
        if last.upperBound + 1 < bytes.count, [UInt8(ascii: "."), UInt8(ascii: ",")].contains(bytes[last.upperBound]),
            isDigit(last.upperBound + 1)
        {
            return nil
        }
        return run
    }

    /// Past a phone extension (`x232`) when one follows.
    private func extensionEnd(after end: Int) -> Int {
        guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "x"), isDigit(end + 1) else { return end }
        var index = end + 1
        while isDigit(index) { index += 1 }
        return isLetterOrDigit(index) ? end : index
    }

    static let refusingWords: Set<String> = [
        "isbn", "issn", "doi", "no", "nr", "n", "order", "invoice", "ref", "reference", "version", "v", "ver", "build",
        "release", "commande", "bestellung", "rechnung", "pedido", "ordine", "factura", "zamówienie", "заказ", "id",
        "sku", "item", "art", "patent", "lat", "lon", "latitude", "longitude", "page", "pages", "vol", "isin",
    ]
    static let phoneWords: Set<String> = [
        "tel", "tél", "phone", "telephone", "téléphone", "telefon", "telefono", "teléfono", "telefone", "mobile",
        "mobil", "cell", "call", "fax", "tlf", "gsm", "portable", "handy", "móvil", "cellulare", "тел", "телефон",
        "whatsapp", "contact", "ring", "appelez", "anrufen", "llame", "chiamare",
    ]
    static let units: Set<String> = [
        "€", "$", "%", "eur", "euro", "euros", "usd", "dollars", "km", "kg", "m", "mm", "cm", "habitants",
        "inhabitants", "people", "personnes", "einwohner", "tonnes", "tons", "fans", "views", "vues",
    ]

    /// The kind of the run, if it is personal data; `before` are the words before it, nearest first.
    func classify(_ run: NumberRun, before: [String]) -> PIIKind? {
        if let word = before.first, Self.refusingWords.contains(word) { return nil }
        if isIPv4(run) { return .ipv4 }
        if isCard(run) { return .card }
        let after = wordAfter(run.range.upperBound)
        if Self.units.contains(where: { after.hasPrefix($0) }) { return nil }
        return isPhone(run, called: before.contains(where: Self.phoneWords.contains)) ? .phone : nil
    }

    // MARK: IPv4

    func isIPv4(_ run: NumberRun) -> Bool {
        guard run.groups.count == 4, run.separators == [UInt8(ascii: ".")], !run.plus, run.parenthesized == nil
        else { return false }
        var octets: [Int] = []
        for group in run.groups {
            guard group.count <= 3, group.count == 1 || bytes[group.lowerBound] != UInt8(ascii: "0") else {
                return false
            }
            let value = number(group)
            guard value <= 255 else { return false }
            octets.append(value)
        }
        return Self.isPublic(octets)
    }

    /// Not one of IANA's special-purpose blocks (Python's `ip_address(...).is_global`): private,
    /// loopback, link-local, shared, documentation, benchmarking, multicast and reserved.
    static func isPublic(_ octets: [Int]) -> Bool {
        let (a, b, c) = (octets[0], octets[1], octets[2])
        switch a {
        case 0, 10, 127, 224...255: return false
        case 100 where (64...127).contains(b): return false
        case 169 where b == 254, 172 where (16...31).contains(b), 192 where b == 168: return false
        case 192 where b == 0 && (c == 0 || c == 2), 198 where b == 18 || b == 19: return false
        case 198 where b == 51 && c == 100, 203 where b == 0 && c == 113: return false
        default: return true
        }
    }

    func number(_ group: Range<Int>) -> Int {
        group.reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) }
    }

    // MARK: Cards

    /// 13 to 19 digits, in one block or groups split by spaces or hyphens alike, of a card
    /// network's prefix (Visa, Mastercard, American Express, Discover, JCB, Diners, UnionPay),
    /// passing the Luhn check.
    func isCard(_ run: NumberRun) -> Bool {
        let count = run.digitCount
        guard (13...19).contains(count), !run.plus, run.parenthesized == nil, run.separators.count <= 1,
            run.separators.isSubset(of: [UInt8(ascii: " "), UInt8(ascii: "-")])
        else { return false }
        guard run.groups.count == 1 || run.groups.dropLast().allSatisfy({ (4...6).contains($0.count) }) else {
            return false
        }
        let digits = run.groups.flatMap { $0.map { Int(bytes[$0] - UInt8(ascii: "0")) } }
        let prefix = digits.prefix(4).reduce(0) { $0 * 10 + $1 }
        let networks: Bool =
            switch prefix {
            case 4000...4999, 5100...5599, 2221...2720, 3400...3499, 3700...3799, 6011, 6500...6599, 6440...6499,
                3528...3589, 3000...3059, 3600...3699, 3800...3899, 6200...6299:
                true
            default: false
            }
        return networks && Self.passesLuhn(digits)
    }

    static func passesLuhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let value = offset % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }
}
