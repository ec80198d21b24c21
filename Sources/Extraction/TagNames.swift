/// The tokenizer's tag names: a common one is looked up by its bytes, with its traits; any
/// other gets the next number after the common ones the first time it comes, and the same one
/// each time after (its start and end tags must match), with no traits.
struct TagNames {
    /// A tag's name and what it is.
    private struct Common {
        let name: ElementName
        let traits: ElementTraits
    }

    /// Held here: a static's every read checks that it is initialised.
    private let common = Self.commonNames
    private static let commonNames = ShortNameTable(
        ElementName.common.enumerated().map { index, name in
            (name, Common(name: ElementName(id: Int32(index)), traits: ElementName.commonTraits[index]))
        })

    /// The other names met so far, in the order of their numbers.
    private(set) var others: [String] = []
    /// Their numbers by their bytes (up to 16), and by their text (longer ones).
    private var numbersByKey: [ShortNameKey: Int32] = [:]
    private var numbersByName: [String: Int32] = [:]

    /// The name written as `bytes`, whose lower-cased key is `key` (nil past 16 bytes), and
    /// its traits.
    @inline(__always)
    mutating func name(_ bytes: UnsafeBufferPointer<UInt8>, key: ShortNameKey?) -> (ElementName, ElementTraits) {
        if let key, let found = common.value(for: key) { return (found.name, found.traits) }
        return (other(bytes, key: key), [])
    }

    /// The name a number stands for.
    func string(of name: ElementName) -> String { name.string(others: others) }

    private mutating func other(_ bytes: UnsafeBufferPointer<UInt8>, key: ShortNameKey?) -> ElementName {
        let next = Int32(ElementName.common.count + others.count)
        if let key {
            // A short name is looked up by its key: no string is built for one seen before.
            if let known = numbersByKey[key] { return ElementName(id: known) }
            numbersByKey[key] = next
            others.append(ASCIICase.lowercasedString(bytes))
        } else {
            let name = ASCIICase.lowercasedString(bytes)
            if let known = numbersByName[name] { return ElementName(id: known) }
            numbersByName[name] = next
            others.append(name)
        }
        return ElementName(id: next)
    }
}
