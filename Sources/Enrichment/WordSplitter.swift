/// Splits a text into words and punctuation the way the rule sets' reference implementation
/// counts them (datatrove's word tokenizer: spaCy's rules for English and most languages
/// written with spaces): at white space, then punctuation peeled off each end of a chunk
/// (quotes, brackets, a final full stop, commas, `%` after a number, `'s` and `n't`), then
/// hyphens, slashes and commas between letters split inside it. Addresses (a URL, an e-mail)
/// and abbreviations (`U.S.`, `e.g.`, `Mr.`, initials) stay whole. English rules, for now.
public enum WordSplitter {
    /// The words and punctuation marks of `text`, in order.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        split(text) { words.append(string($0)) }
        return words
    }

    /// The words of `text` as the rules count them: no strings made (`WordToken`).
    public static func tokens(_ text: String) -> [WordToken] {
        var tokens: [WordToken] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        split(text) { tokens.append(WordToken($0)) }
        return tokens
    }

    /// Calls `emit` with each word's scalars, in order.
    static func split(_ text: String, emit: (ArraySlice<Unicode.Scalar>) -> Void) {
        var chunk: [Unicode.Scalar] = []
        chunk.reserveCapacity(64)
        for scalar in text.unicodeScalars {
            let space =
                scalar.value < 0x80
                ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
            if space {
                split(chunk, emit: emit)
                chunk.removeAll(keepingCapacity: true)
            } else {
                chunk.append(scalar)
            }
        }
        split(chunk, emit: emit)
    }

    /// Splits one chunk between white space.
    static func split(_ chunk: [Unicode.Scalar], emit: (ArraySlice<Unicode.Scalar>) -> Void) {
        guard !chunk.isEmpty else { return }
        var rest = chunk[...]
        // Suffixes peeled off, as (start, length) in the chunk, last peeled first.
        var suffixes: [(Int, Int)] = []
        while !rest.isEmpty {
            if isWhole(rest) { break }
            if let length = prefixLength(rest) {
                emit(rest.prefix(length))
                rest = rest.dropFirst(length)
                continue
            }
            if let length = suffixLength(rest) {
                suffixes.append((rest.endIndex - length, length))
                rest = rest.dropLast(length)
                continue
            }
            break
        }
        if !rest.isEmpty { splitInfixes(rest, emit: emit) }
        for (start, length) in suffixes.reversed() { emit(chunk[start..<(start + length)]) }
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    // MARK: The rules

    static let prefixCharacters: Set<Unicode.Scalar> = Set(
        "§%=—–+\"'([{<*“‘”«¡¿$£€¥#‚„…_`´&:;!?,»’)]}>".unicodeScalars)
    static let suffixCharacters: Set<Unicode.Scalar> = Set(")]}>([{<\"'”’»“‘.,;:!?…%*_~`|&#".unicodeScalars)
    static let quotes: Set<Unicode.Scalar> = Set("'\"”“`‘´’‚„»«".unicodeScalars)
    static let contractions = [
        "'s", "'S", "’s", "’S", "n't", "N'T", "n’t", "'re", "’re", "'ll", "’ll", "'ve", "’ve",
        "'d", "’d", "'m", "’m",
    ].map { Array($0.unicodeScalars) }
    /// Abbreviations spaCy keeps whole with their full stop (a sample of its exceptions; single
    /// letters and dotted initials are matched by shape).
    static let abbreviations: Set<String> = [
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Jr.", "Sr.", "Inc.", "Ltd.", "Co.", "Corp.", "vs.", "etc.",
        "e.g.", "i.e.", "a.m.", "p.m.", "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.",
        "Oct.", "Nov.", "Dec.", "No.", "Mt.", "Gov.", "Sen.", "Rep.", "Gen.", "Lt.", "Col.", "Capt.", "Rev.", "Ph.D.",
        "vs", "ca.", "cf.", "approx.", "dept.", "est.", "fig.", "min.", "max.", "Ave.", "Blvd.", "Rd.", "Mass.",
        "Calif.", "Fla.", "Ariz.", "Ark.", "Ala.", "Colo.", "Conn.", "Del.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.",
        "La.", "Md.", "Mich.", "Minn.", "Miss.", "Mo.", "Neb.", "Nev.", "Okla.", "Ore.", "Pa.", "Tenn.", "Va.",
        "Wash.", "Wis.", "and/or",
    ]

    /// Whether the chunk stays one word: an address, an abbreviation, dotted initials.
    static func isWhole(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard scalars.count > 1 else { return true }
        // Most chunks are plain words: look closer only at those with a mark that could make
        // them an abbreviation or an address.
        var marked = false
        for scalar in scalars where scalar == "." || scalar == "/" || scalar == "@" {
            marked = true
            break
        }
        guard marked else { return false }
        if abbreviations.contains(string(scalars)) || isInitials(scalars) { return true }
        return isAddress(scalars)
    }

    /// `J.`, `y.`, `U.S.`, `N.Y.C.`: a letter and a full stop, or capitals each followed by one.
    static func isInitials(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard scalars.count >= 2, scalars.count % 2 == 0 else { return false }
        for (offset, scalar) in scalars.enumerated() {
            let letter = scalars.count == 2 ? scalar.properties.isAlphabetic : scalar.properties.isUppercase
            if offset % 2 == 0 ? !letter : scalar != "." { return false }
        }
        return true
    }

    /// A URL (a scheme, or `www.`), or an e-mail address, with no punctuation at its end.
    static func isAddress(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let last = scalars.last, isAlphanumeric(last) || last == "/" else { return false }
        let text = string(scalars)
        if text.contains("://") || text.hasPrefix("www.") { return true }
        guard let at = scalars.firstIndex(of: "@"), at > scalars.startIndex else { return false }
        let domain = scalars[(at + 1)...]
        return domain.contains(".") && !domain.contains("@") && domain.first.map(isAlphanumeric) == true
    }

    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func prefixLength(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let first = scalars.first else { return nil }
        if first == "." {
            // An ellipsis of two full stops or more.
            let run = scalars.prefix { $0 == "." }.count
            return run >= 2 ? run : nil
        }
        return prefixCharacters.contains(first) ? 1 : nil
    }

    static func suffixLength(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let last = scalars.last else { return nil }
        var dots = 0
        while dots < scalars.count, scalars[scalars.endIndex - 1 - dots] == "." { dots += 1 }
        if dots >= 2, dots < scalars.count { return dots }
        if last == "+", scalars.count > 1, scalars[scalars.endIndex - 2].properties.numericType != nil { return 1 }
        if last == "s" || last == "S" || last == "t" || last == "T" || last == "e" || last == "l" || last == "d"
            || last == "m"
        {
            for contraction in contractions where scalars.count > contraction.count {
                let start = scalars.endIndex - contraction.count
                if scalars[start...].elementsEqual(contraction), scalars[start - 1].properties.isAlphabetic {
                    return contraction.count
                }
            }
        }
        if last == "%" {
            return scalars.count > 1 && scalars[scalars.endIndex - 2].properties.numericType != nil ? 1 : nil
        }
        if last == "." {
            // After a digit, a lower-case letter, a quote, punctuation or two capitals: the end
            // of a sentence.
            let before = scalars[scalars.endIndex - 2]
            if before.properties.numericType != nil || before.properties.isLowercase || quotes.contains(before)
                || GopherSignals.isPunctuation(before) || "%²-+".unicodeScalars.contains(before)
            {
                return 1
            }
            let twoCapitals =
                scalars.count > 2 && before.properties.isUppercase
                && scalars[scalars.endIndex - 3].properties.isUppercase
            return twoCapitals ? 1 : nil
        }
        return suffixCharacters.contains(last) ? 1 : nil
    }

    /// Splits inside a word: a hyphen between a letter or digit and a letter (or between digits),
    /// a slash, colon or comma between letters, an ellipsis, a full stop between a lower-case
    /// letter and a capital.
    static func splitInfixes(_ scalars: ArraySlice<Unicode.Scalar>, emit: (ArraySlice<Unicode.Scalar>) -> Void) {
        if isWhole(scalars) {
            emit(scalars)
            return
        }
        var start = scalars.startIndex
        var index = scalars.startIndex + 1
        while index < scalars.endIndex - 1 {
            let (before, here, after) = (scalars[index - 1], scalars[index], scalars[index + 1])
            var length = 0
            if here == "…" {
                length = 1
            } else if here == ".", after == ".", index > start {
                length = 2
                while index + length < scalars.endIndex, scalars[index + length] == "." { length += 1 }
            } else if "-–—~".unicodeScalars.contains(here) {
                // A run of hyphens (`--`), between a letter or digit and a letter, or between digits.
                let run = scalars[index...].prefix { "-–—~".unicodeScalars.contains($0) }.count
                let next = index + run < scalars.endIndex ? scalars[index + run] : here
                let digits =
                    run == 1 && here == "-" && before.properties.numericType != nil
                    && next.properties.numericType != nil
                if (isAlphanumeric(before) && next.properties.isAlphabetic) || digits { length = run }
            } else if ":<>=/".unicodeScalars.contains(here) {
                if isAlphanumeric(before) && after.properties.isAlphabetic { length = 1 }
            } else if here == "," {
                if before.properties.isAlphabetic && after.properties.isAlphabetic { length = 1 }
            } else if here == "." {
                if before.properties.isLowercase && after.properties.isUppercase { length = 1 }
            }
            if length > 0, index + length <= scalars.endIndex {
                if index > start { emit(scalars[start..<index]) }
                emit(scalars[index..<(index + length)])
                start = index + length
                index = start + 1
            } else {
                index += 1
            }
        }
        if start < scalars.endIndex { emit(scalars[start...]) }
    }
}
