/// Phone numbers by shape: international (`+` and a country code), and the national shapes.
extension PIIScanner {
    func isPhone(_ run: NumberRun, called: Bool) -> Bool {
        let count = run.digitCount
        guard (8...15).contains(count), !looksLikeDate(run) else { return false }
        let lengths = run.groups.map(\.count)
        let first = bytes[run.groups[0].lowerBound] - UInt8(ascii: "0")
        // A decimal (`1234.5678`) or a fraction is not a number to call.
        if run.separators.contains(UInt8(ascii: ".")), run.groups.count == 2 { return false }
        if run.plus { return first != 0 && (run.groups.count >= 2 || count >= 10) }
        // Round numbers are counts: `1 800 000 000`.
        if run.groups.count >= 3, run.groups.suffix(2).allSatisfy({ $0.allSatisfy { bytes[$0] == UInt8(ascii: "0") } })
        {
            return false
        }
        if called { return true }
        // Written in one block: a national number with its trunk 0 (`0612345678`).
        guard run.groups.count >= 2 else { return first == 0 && (10...11).contains(count) }
        return isNorthAmerican(run, lengths) || isTrunkDialled(run, lengths, first: first)
            || isNationalWithoutTrunk(run, lengths, first: first)
    }

    /// `(415) 555-2671`, `415-555-2671`, `1-415-555-2671`: area code and exchange not
    /// starting with 0 or 1.
    private func isNorthAmerican(_ run: NumberRun, _ lengths: [Int]) -> Bool {
        let offset: Int
        switch lengths {
        case [3, 3, 4]: offset = 0
        case [1, 3, 3, 4] where bytes[run.groups[0].lowerBound] == UInt8(ascii: "1"): offset = 1
        default: return false
        }
        let area = bytes[run.groups[offset].lowerBound] - UInt8(ascii: "0")
        let exchange = bytes[run.groups[offset + 1].lowerBound] - UInt8(ascii: "0")
        return area >= 2 && exchange >= 2
    }

    /// Numbers dialled with a national trunk prefix: 0 (the UK, France, Germany, Italy, the
    /// Netherlands, Japan, Australia, India, Brazil: `020 7946 0958`, `01 23 45 67 89`,
    /// `030/1234567`, `03-1234-5678`) or 8 (Russia: `8 (495) 123-45-67`).
    private func isTrunkDialled(_ run: NumberRun, _ lengths: [Int], first: UInt8) -> Bool {
        if first == 0 {
            return (9...12).contains(run.digitCount) && lengths.allSatisfy { $0 >= 2 } && lengths[0] <= 5
        }
        return first == 8 && lengths[0] == 1 && run.digitCount == 11 && lengths.dropFirst().allSatisfy { $0 >= 2 }
    }

    /// Shapes without a trunk prefix: Brazil's `(11) 98765-4321`, Spain's and Poland's nine
    /// digits (`612 345 678`, `912 34 56 78`), India's mobiles (`98765 43210`).
    private func isNationalWithoutTrunk(_ run: NumberRun, _ lengths: [Int], first: UInt8) -> Bool {
        let spaced = run.separators.isSubset(of: [UInt8(ascii: " "), UInt8(ascii: "-")])
        if lengths == [2, 5, 4] || lengths == [2, 4, 4],
            run.parenthesized == 0 || run.separators == [UInt8(ascii: " "), UInt8(ascii: "-")]
        {
            return true
        }
        if spaced, lengths == [3, 3, 3] || lengths == [3, 2, 2, 2], (5...9).contains(first) { return true }
        return spaced && lengths == [5, 5] && (6...9).contains(first)
    }

    /// `2024-05-12`, `12.05.2024`, `12/05/24`: three groups a day, a month and a year could be.
    func looksLikeDate(_ run: NumberRun) -> Bool {
        if run.separators.contains(UInt8(ascii: "/")), run.groups.count <= 3, run.groups.allSatisfy({ $0.count <= 4 }) {
            return true
        }
        guard run.groups.count == 3, run.parenthesized == nil else { return false }
        let values = run.groups.map(number)
        let lengths = run.groups.map(\.count)
        if lengths[0] == 4 { return (1...12).contains(values[1]) && (1...31).contains(values[2]) }
        guard lengths[2] == 4 || lengths[2] == 2, lengths[0] <= 2, lengths[1] <= 2 else { return false }
        let (day, month) = (values[0], values[1])
        return ((1...31).contains(day) && (1...12).contains(month))
            || ((1...12).contains(day) && (1...31).contains(month))
    }
}
