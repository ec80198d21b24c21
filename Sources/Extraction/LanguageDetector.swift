/// Tells the language of a text from the text itself: by script for the languages that have
/// their own, and by the share of each language's commonest words for Latin-script ones.
///
/// Pages often declare the wrong language, so the declaration is used only as a tie-breaker.
enum LanguageDetector {
    private static let stopWords: [(language: String, words: Set<String>)] = [
        (
            "en",
            [
                "the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "with", "are", "this", "on", "as",
                "be", "have", "by", "not", "they", "from", "but", "which", "were", "their", "has", "would", "been",
                "will", "there", "a", "at", "or", "about", "what", "after",
            ]
        ),
        (
            "fr",
            [
                "le", "la", "les", "de", "des", "et", "est", "un", "une", "du", "que", "qui", "dans", "pour", "pas",
                "sur", "au", "avec", "ce", "il", "elle", "sont", "par", "plus", "ont", "aux", "mais", "nous", "été",
                "cette",
            ]
        ),
        (
            "de",
            [
                "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich", "auf", "für",
                "von", "dem", "des", "im", "auch", "es", "wird", "sie", "wir", "ich", "aus", "bei", "nach", "wie",
                "oder", "sind",
            ]
        ),
        (
            "es",
            [
                "el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por", "con", "para", "se",
                "no", "su", "al", "lo", "como", "más", "pero", "sus", "le", "ha", "este", "esta", "fue", "son",
            ]
        ),
        (
            "it",
            [
                "il", "la", "di", "che", "è", "e", "un", "una", "per", "non", "sono", "del", "della", "con", "si", "da",
                "gli", "le", "nel", "alla", "anche", "come", "più", "ma", "questo", "dei", "delle", "lo", "ha",
                "essere",
            ]
        ),
        (
            "pt",
            [
                "o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "um", "uma", "para", "com",
                "não", "no", "na", "por", "se", "mais", "ao", "é", "foi", "como", "seu", "sua", "são", "pelo",
            ]
        ),
        (
            "nl",
            [
                "de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "niet", "zijn", "met", "voor", "die",
                "ook", "aan", "er", "maar", "om", "als", "dan", "wordt", "bij", "nog", "deze", "werd", "hij", "naar",
                "heeft",
            ]
        ),
        (
            "sv",
            [
                "och", "att", "det", "som", "en", "är", "av", "för", "på", "med", "till", "den", "har", "inte", "om",
                "ett", "var", "jag", "men", "de", "sig", "så", "från", "kan", "vi", "eller", "hade", "när", "efter",
                "också",
            ]
        ),
        (
            "pl",
            [
                "i", "w", "na", "z", "się", "nie", "do", "to", "że", "jest", "o", "jak", "po", "ale", "co", "od", "za",
                "przez", "dla", "tak", "są", "jego", "też", "już", "tym", "może", "było", "być", "oraz", "które",
            ]
        ),
    ]

    /// Each stop word, with the languages (bits, in `stopWords` order) it belongs to, in an open
    /// addressing table keyed by the word's bytes packed into a word: one probe or two per word
    /// of the text, without building a string.
    private static let stopWordTable: StopWordTable = {
        var table = StopWordTable()
        for (index, entry) in stopWords.enumerated() {
            for word in entry.words { table.insert(Array(word.utf8), language: index) }
        }
        return table
    }()

    struct StopWordTable {
        private static let slotCount = 1024
        private var keys = [UInt64](repeating: 0, count: slotCount)
        private var languages = [UInt16](repeating: 0, count: slotCount)

        /// Up to 8 bytes as one word; nil for longer words, which are no stop words.
        static func key<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64? {
            guard bytes.count <= 8 else { return nil }
            var key: UInt64 = 0
            for byte in bytes { key = key << 8 | UInt64(byte) }
            return key
        }

        private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54) }

        mutating func insert(_ word: [UInt8], language: Int) {
            guard let key = Self.key(word) else { return }
            var slot = Self.slot(key)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) % Self.slotCount }
            keys[slot] = key
            languages[slot] |= 1 << language
        }

        /// The languages `word` is a stop word of, as bits.
        func languages<Bytes: Collection<UInt8>>(of word: Bytes) -> UInt16 {
            guard let key = Self.key(word) else { return 0 }
            var slot = Self.slot(key)
            while keys[slot] != 0 {
                if keys[slot] == key { return languages[slot] }
                slot = (slot + 1) % Self.slotCount
            }
            return 0
        }
    }

    /// The ISO 639-1 code for `text`, or `declared` (normalised) when the text does not tell.
    static func detect(_ text: String, declared: String?) -> String? {
        let declaredCode = declared.flatMap(normalise)
        var latin = 0, cyrillic = 0, hangul = 0, kana = 0, han = 0, arabic = 0, greek = 0, hebrew = 0, devanagari = 0,
            thai = 0
        var sampled = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: latin += 1
            case 0x400...0x4FF: cyrillic += 1
            case 0xAC00...0xD7AF, 0x1100...0x11FF: hangul += 1
            case 0x3040...0x30FF: kana += 1
            case 0x4E00...0x9FFF: han += 1
            case 0x600...0x6FF: arabic += 1
            case 0x370...0x3FF: greek += 1
            case 0x590...0x5FF: hebrew += 1
            case 0x900...0x97F: devanagari += 1
            case 0xE00...0xE7F: thai += 1
            default: continue
            }
            sampled += 1
            if sampled >= 3_000 { break }
        }
        guard sampled >= 20 else { return declaredCode }
        let scripts: [(Int, String)] = [
            (cyrillic, "cyrillic"), (hangul, "ko"), (kana + han, "cjk"), (arabic, "ar"), (greek, "el"),
            (hebrew, "he"), (devanagari, "hi"), (thai, "th"), (latin, "latin"),
        ]
        let (_, script) = scripts.max { $0.0 < $1.0 }!
        switch script {
        case "cyrillic":
            let ukrainian = text.unicodeScalars.contains { "іїєґ".unicodeScalars.contains($0) }
            return ukrainian ? "uk" : (declaredCode == "bg" || declaredCode == "sr" ? declaredCode : "ru")
        case "cjk": return kana > han / 10 ? "ja" : "zh"
        case "latin": return latinLanguage(text, declared: declaredCode) ?? declaredCode
        default: return script
        }
    }

    /// The Latin-script language whose stop words the text uses most; the declared one when the
    /// text barely tells them apart (a few short lines share "a", "de" and "no" among languages).
    private static func latinLanguage(_ text: String, declared: String?) -> String? {
        var scores = [Int](repeating: 0, count: stopWords.count)
        var words = 0
        var token: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            func score() {
                guard !token.isEmpty else { return }
                words += 1
                let languages = stopWordTable.languages(of: token)
                if languages != 0 {
                    for index in stopWords.indices where languages & (1 << index) != 0 { scores[index] += 1 }
                }
                token.removeAll(keepingCapacity: true)
            }
            for byte in bytes {
                if byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) {
                    token.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                } else {
                    score()
                    if words >= 250 { break }
                }
            }
            score()
        }
        guard words >= 5, let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] * 20 >= words
        else {
            return nil
        }
        if let declared, let index = stopWords.firstIndex(where: { $0.language == declared }), index != best,
            scores[index] * 5 >= scores[best] * 4
        {
            return declared
        }
        return stopWords[best].language
    }

    /// "en-US" → "en"; nil for an empty or malformed declaration.
    private static func normalise(_ declared: String) -> String? {
        let code = declared.prefix { $0.isLetter }.lowercased()
        return code.count == 2 ? code : nil
    }
}
