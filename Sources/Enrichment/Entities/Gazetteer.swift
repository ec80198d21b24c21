import PageModel

/// Names of places (countries in eight languages, large cities, regions) and first names, by the
/// hash of their lower-cased words (`Gazetteer.key`), loaded once from the generated lists
/// (`Gazetteer+Places.swift`, `Gazetteer+FirstNames.swift`, built by `make gazetteer` from
/// public data: names separated by `|` or line breaks).
struct Gazetteer: Sendable {
    struct Entry: OptionSet, Sendable {
        let rawValue: UInt8
        static let country = Entry(rawValue: 1)
        static let city = Entry(rawValue: 2)
        static let region = Entry(rawValue: 4)
        static let firstName = Entry(rawValue: 8)
        static let organization = Entry(rawValue: 16)
        /// Listed in capitals ("UN"): the text must write it so.
        static let acronym = Entry(rawValue: 32)
        static let place: Entry = [.country, .city, .region]
    }

    private let index: KeyIndex
    private let entries: [Entry]

    /// The lists, read on first use (a few milliseconds).
    static let shared = Gazetteer()

    private init() {
        var keys: [UInt64: Entry] = [:]
        let lists: [(String, Entry)] = [
            (Self.countryNames, .country), (Self.cityNames, .city), (Self.regionNames, .region),
            (Self.firstNames, .firstName), (EntityCues.organizations, .organization),
        ]
        for (list, entry) in lists {
            // Split as bytes: splitting so long a string into characters costs more than the rest.
            for name in list.utf8.split(whereSeparator: { $0 == 0x7C || $0 == 0x0A }) {
                let acronym = entry == .organization && !name.contains(where: { $0 &- 0x61 < 26 || $0 >= 0x80 })
                keys[Self.key(of: String(decoding: name, as: UTF8.self)), default: []].formUnion(
                    acronym ? [entry, .acronym] : entry)
            }
        }
        let index = KeyIndex(capacity: keys.count)
        var entries = [Entry](repeating: [], count: keys.count)
        for (key, entry) in keys { entries[Int(index.number(of: key).number)] = entry }
        (self.index, self.entries) = (index, entries)
    }

    /// What the name whose words' keys fold to `key` is, if listed.
    func entry(_ key: UInt64) -> Entry {
        index.find(key).map { entries[Int($0)] } ?? []
    }

    /// The key of a run of words: their lower-cased hashes folded in order.
    static func key(of words: some Sequence<TextWords.Word>) -> UInt64 {
        words.reduce(TextMeasures.fnvOffset) { TextMeasures.fnvMixed($0 &* 31, $1.key) }
    }

    /// The key of a name as written: its words (split at spaces, full stops and commas, as
    /// `TextWords` splits them) hashed lower-cased, folded as `key(of:)` folds words. Done for
    /// some 40,000 names at start, so without decoding each into a `ScalarText`.
    static func key(of name: String) -> UInt64 {
        var folded = TextMeasures.fnvOffset
        for piece in name.lowercased().unicodeScalars.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "," }) {
            var hash = TextMeasures.fnvOffset
            for scalar in piece { hash = TextMeasures.fnvMixed(hash, UInt64(scalar.value)) }
            folded = TextMeasures.fnvMixed(folded &* 31, hash)
        }
        return folded
    }
}
