import PageModel

/// The rules `WordSplitter` applies to one chunk of text between white space, for a language.
/// It reads the text's scalars and traits in place, by offset.
struct WordRules {
    typealias Emit = (Range<Int>) -> Void

    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    let traits: UnsafeBufferPointer<ScalarTraits>
    /// Whether an apostrophe after a letter ends a word (`l'homme`: `l'`, `homme`).
    let splitsElisions: Bool
    /// Whether a hyphen between letters or digits splits (`well-known`); spaCy's German,
    /// Spanish, Italian, Dutch, Portuguese and Scandinavian rules keep `Haus-Boot` whole.
    let splitsHyphens: Bool
    /// Whether `%` after a number is a word of its own; not in Spanish and Dutch (`45%`).
    let splitsPercent: Bool
    /// Polish: every full stop is a word (`99.5`, `...`, `U.S.` all split at each one).
    let splitsFullStops: Bool
    let contractions: [[Unicode.Scalar]]

    private static let keepingHyphens: Set<String> = ["de", "es", "it", "nl", "pt", "da", "sv", "nb", "no"]

    init(language: String?, scalars: UnsafeBufferPointer<Unicode.Scalar>, traits: UnsafeBufferPointer<ScalarTraits>) {
        (self.scalars, self.traits) = (scalars, traits)
        splitsElisions = language == "fr" || language == "it" || language == "ca"
        splitsHyphens = !Self.keepingHyphens.contains(language ?? "en")
        splitsPercent = language != "es" && language != "nl"
        splitsFullStops = language == "pl"
        contractions = language == nil || language == "en" ? Self.englishContractions : Self.possessives
    }

    private static let possessives = ["'s", "'S", "’s", "’S"].map { Array($0.unicodeScalars) }
    private static let englishContractions =
        possessives
        + ["n't", "N'T", "n’t", "'re", "’re", "'ll", "’ll", "'ve", "’ve", "'d", "’d", "'m", "’m"].map {
            Array($0.unicodeScalars)
        }

    /// Abbreviations spaCy keeps whole with their full stop (a sample of its exceptions; single
    /// letters and dotted initials are matched by shape).
    static let abbreviations: Set<String> = [
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Jr.", "Sr.", "Inc.", "Ltd.", "Co.", "Corp.", "vs.", "etc.",
        "e.g.", "i.e.", "a.m.", "p.m.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
        "Oct.", "Nov.", "Dec.", "No.", "Mt.", "Gov.", "Sen.", "Rep.", "Gen.", "Lt.", "Col.", "Capt.", "Rev.", "Ph.D.",
        "ca.", "cf.", "approx.", "dept.", "est.", "fig.", "min.", "max.", "Ave.", "Blvd.", "Rd.", "Mass.",
        "Calif.", "Fla.", "Ariz.", "Ark.", "Ala.", "Colo.", "Conn.", "Del.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.",
        "La.", "Md.", "Mich.", "Minn.", "Miss.", "Mo.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Tenn.", "Va.",
        "Wash.", "Wis.", "and/or",
    ]
    static let longestAbbreviation = abbreviations.map(\.unicodeScalars.count).max() ?? 0

    static let abbreviationTable = ScalarSetTable(abbreviations)

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    /// Marks peeled off the end of a word whatever comes before them (not `.`, `%`, `+`, nor
    /// `/` and `@`, which may make an address).
    static func alwaysSplitsOff(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ")", "]", "}", ">", "(", "[", "{", "<", "\"", "'", "”", "’", "»", "“", "‘", ",", ";", ":", "!", "?", "…",
            "*", "_", "~", "`", "|", "&", "#":
            return true
        default:
            return false
        }
    }

    /// Whether the scalar at `index` has any of `wanted`.
    @inline(__always)
    func has(_ index: Int, _ wanted: ScalarTraits) -> Bool {
        !traits[index].isDisjoint(with: wanted)
    }

    /// Splits one chunk between white space, calling `emit` with each word's range in order:
    /// prefixes peeled off in turn, then a suffix, whose rest is split the same way before it.
    func split(_ chunk: Range<Int>, emit: Emit) {
        var rest = chunk
        while !rest.isEmpty {
            if isWhole(rest) { break }
            if let length = prefixLength(rest) {
                emit(rest.lowerBound..<(rest.lowerBound + length))
                rest = (rest.lowerBound + length)..<rest.upperBound
                continue
            }
            if let length = suffixLength(rest) {
                split(rest.lowerBound..<(rest.upperBound - length), emit: emit)
                emit((rest.upperBound - length)..<rest.upperBound)
                return
            }
            break
        }
        if !rest.isEmpty { splitInfixes(rest, emit: emit) }
    }

    /// Whether the chunk stays one word: an address, an abbreviation, dotted initials.
    func isWhole(_ range: Range<Int>) -> Bool {
        guard range.count > 1 else { return true }
        // Most chunks are plain words: look closer only at those with a mark that could make
        // them an abbreviation or an address.
        var (dot, slash, at) = (false, false, false)
        for index in range {
            switch scalars[index] {
            case ".": dot = true
            case "/": slash = true
            case "@": at = true
            default: continue
            }
        }
        guard dot || slash || at else { return false }
        if range.count <= Self.longestAbbreviation, Self.abbreviationTable.contains(scalars[range]) { return true }
        return (dot && !splitsFullStops && isInitials(range)) || isAddress(range)
    }

    /// `J.`, `y.`, `U.S.`, `N.Y.C.`: a letter and a full stop, or capitals each followed by one.
    func isInitials(_ range: Range<Int>) -> Bool {
        guard range.count >= 2, range.count % 2 == 0 else { return false }
        for (offset, index) in range.enumerated() {
            let letter = has(index, range.count == 2 ? .alphabetic : .uppercase)
            if offset % 2 == 0 ? !letter : scalars[index] != "." { return false }
        }
        return true
    }

    /// A URL (a scheme, or `www.`), or an e-mail address, with no punctuation at its end.
    func isAddress(_ range: Range<Int>) -> Bool {
        let last = range.upperBound - 1
        guard has(last, [.alphabetic, .numeric]) || scalars[last] == "/" else { return false }
        if scalars[range].starts(with: "www.".unicodeScalars) { return true }
        for index in range.dropLast(2) where scalars[index] == ":" {
            if scalars[index + 1] == "/", scalars[index + 2] == "/" { return true }
        }
        guard let at = range.first(where: { scalars[$0] == "@" }), at > range.lowerBound, at < last else {
            return false
        }
        let domain = scalars[(at + 1)..<range.upperBound]
        return domain.contains(".") && !domain.contains("@") && has(at + 1, [.alphabetic, .numeric])
    }
}

/// A small set of short strings looked up by their scalars without making a string: their
/// hashes in an open-addressed table, each checked against the string it stands for.
struct ScalarSetTable: Sendable {
    private let slots: [(hash: UInt64, scalars: [Unicode.Scalar])]
    private let mask: Int

    init(_ strings: Set<String>) {
        var size = 16
        while size < strings.count * 4 { size <<= 1 }
        var slots = [(hash: UInt64, scalars: [Unicode.Scalar])](repeating: (0, []), count: size)
        for string in strings {
            let scalars = Array(string.unicodeScalars)
            let hash = Self.hash(scalars[...])
            var index = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[index].hash != 0 { index = (index + 1) & (size - 1) }
            slots[index] = (hash, scalars)
        }
        (self.slots, mask) = (slots, size - 1)
    }

    private static func hash(_ scalars: some Collection<Unicode.Scalar>) -> UInt64 {
        TextMeasures.fnv1a(scalars: scalars) | 1
    }

    func contains(_ scalars: Slice<UnsafeBufferPointer<Unicode.Scalar>>) -> Bool {
        let hash = Self.hash(scalars)
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].hash != 0 {
            if slots[index].hash == hash, slots[index].scalars.elementsEqual(scalars) { return true }
            index = (index + 1) & mask
        }
        return false
    }
}
