import PageModel

/// The people, organisations and places a text names, found without a model: runs of
/// capitalised words (particles such as "de" and "van" inside), told apart by what they are
/// (a listed country, city or first name; an organisation's word such as "Ministry" or
/// "Conseil"; an acronym), by what stands before them (a title, "the city of", "à"), and by
/// their shape (two capitalised words or more are a person's name unless something says
/// otherwise); a surname alone is the person named in full elsewhere in the page. A capital at
/// a sentence's start only counts when the word is written so elsewhere too.
struct EntityFinder: Sendable {
    /// A place in the text where an entity is named: words `first..<end`, and which entity.
    struct Mention {
        var first: Int
        var end: Int
        var entity: Int
        var kind: PageEntity.Kind
    }

    /// What was found: the entities, most named first, and every mention in the text's order.
    struct Found {
        var entities: [PageEntity]
        var mentions: [Mention]
    }

    private let gazetteer = Gazetteer.shared

    func find(in text: ScalarText, words: TextWords, language: String?) -> Found {
        let words = words.words
        guard !words.isEmpty else { return Found(entities: [], mentions: []) }
        let usage = WordUsage(words)
        let functionWords = FunctionWords.of(language)
        let rules = LanguageRules(language)
        var spans: [Span] = []
        var position = 0
        while position < words.count {
            guard Self.isCapitalised(words[position]),
                let span = span(at: position, words, usage, functionWords, rules, text)
            else {
                position += 1
                continue
            }
            if span.first < span.end { spans.append(span) }
            position = span.end
        }
        return EntityGrouping(spans: spans, words: words, text: text, declinesNames: rules.declinesNames).found
    }

    /// A run of name words and what it was taken for (nil: unknown, a person only if a full
    /// name ends or starts with it).
    struct Span {
        var first: Int
        var end: Int
        var kind: PageEntity.Kind?
        var key: UInt64
    }

    private func span(
        at start: Int, _ words: [TextWords.Word], _ usage: WordUsage, _ functionWords: WordSet?,
        _ rules: LanguageRules, _ text: ScalarText
    )
        -> Span?
    {
        guard Self.isCapitalised(words[start]), !Self.isCue(words[start]),
            !EntityCues.calendar.contains(words[start].key)
        else { return nil }
        var end = start + 1
        while end < words.count, words[end].followsWord {
            // A title, capitalised (every German noun is), starts what follows: "Vertreter der
            // Deutschen Bank" is no part of the name before it.
            if EntityCues.titles.contains(words[end].key) { break }
            if Self.isCapitalised(words[end]) {
                end += 1
            } else if rules.particles.contains(words[end].key), end + 1 < words.count,
                words[end + 1].followsWord, Self.isCapitalised(words[end + 1])
            {
                end += 2
            } else {
                break
            }
        }
        // "Conseil de sécurité", "Ministerio de defensa": an organisation's word, then a
        // particle and a lower-case noun, is one name.
        if end + 1 < words.count, EntityCues.organizationWords.contains(words[end - 1].key),
            words[end].followsWord, rules.particles.contains(words[end].key), words[end + 1].followsWord,
            words[end + 1].shape == .lower, functionWords?.contains(words[end + 1].key) != true
        {
            end += 2
        }
        var first = start
        // "La Russie", "The Kremlin": a function word in front is not the name, unless the
        // whole is listed ("Los Angeles", "La Paz").
        if gazetteer.entry(Gazetteer.key(of: words[first..<end])).isEmpty
            || (words[first].startsSentence && usage.isLowerCaseElsewhere(words[first].key))
        {
            while first < end, functionWords?.contains(words[first].key) == true || words[first].letters < 2 {
                first += 1
            }
            // A capital that starts a sentence counts only when the word is written so elsewhere.
            if first < end, words[first].startsSentence, isOrdinary(words[first], usage) { first += 1 }
            if isRoleBeforeFullName(first, end, words, functionWords, rules) { first += 1 }
        }
        // Nothing left of the run: it is passed over whole.
        guard first < end else { return Span(first: end, end: end, kind: nil, key: 0) }
        let key = Gazetteer.key(of: words[first..<end])
        return Span(first: first, end: end, kind: kind(first, end, key, words, functionWords, rules, text), key: key)
    }

    /// A sentence's first word that is not a listed name and is not capitalised anywhere else.
    /// A word the text also writes in lower case ("Man", "Para") is ordinary even when some
    /// place bears its name.
    private func isOrdinary(_ word: TextWords.Word, _ usage: WordUsage) -> Bool {
        if usage.isLowerCaseElsewhere(word.key) { return true }
        if !gazetteer.entry(Gazetteer.key(of: CollectionOfOne(word))).isEmpty { return false }
        return !usage.isCapitalisedInside(word.key)
    }

    private func isFirstName(_ word: TextWords.Word) -> Bool {
        gazetteer.entry(Gazetteer.key(of: CollectionOfOne(word))).contains(.firstName)
    }

    private func kind(
        _ first: Int, _ end: Int, _ key: UInt64, _ words: [TextWords.Word], _ functionWords: WordSet?,
        _ rules: LanguageRules, _ text: ScalarText
    ) -> PageEntity.Kind? {
        var listed = gazetteer.entry(key)
        // "UN", "WHO": a body listed by its acronym is named so only in capitals ("Un", "Who").
        if listed.contains(.acronym), !words[first..<end].allSatisfy({ $0.shape == .capitals }) {
            listed.subtract([.organization, .acronym])
        }
        if listed.contains(.organization) { return .organization }
        if !listed.isDisjoint(with: .place), !(end - first > 1 && listed.contains(.firstName)) { return .place }
        // "Goldman Sachs economist Jan Hatzius", "Federal Reserve Chair Jerome Powell": a name
        // that a title and another name follow is the body that person speaks for.
        if end - first > 1, !isFirstName(words[first]), precedesTitledName(end, words) { return .organization }
        let span = words[first..<end]
        if span.contains(where: { EntityCues.organizationWords.contains($0.key) }) {
            // "la Regierung", "le Conseil": the word alone is a common noun, not a body's name.
            return end - first == 1 ? nil : .organization
        }
        if end - first == 1, words[first].shape == .capitals, (2...6).contains(words[first].letters) {
            return .organization
        }
        if end - first > 1, isFirstName(words[first]) { return .person }
        // "Ayuntamiento de Sevilla", "Havenbedrijf Amsterdam": a body named after its place.
        if end - first > 1, span.dropFirst().contains(where: { isPlace($0) }) { return .organization }
        switch cue(before: first, words, functionWords) {
        case .title: return .person
        case .placeNoun: return .place
        // After "in" or "nach", an unlisted word is a place; where every noun is capitalised,
        // not one shaped as a common noun: "nach Angaben eines Sprechers", "in Zukunft".
        case .placePreposition where end - first == 1 && !rules.isCommonNoun(first, words, text): return .place
        default: break
        }
        // Two capitalised words are a person's name, unless the language capitalises its nouns
        // or a particle stands before them ("concejal de Medio Ambiente": a department's name).
        let afterParticle = words.follows(rules.particles, at: first)
        if end - first == 2, !rules.capitalisesNouns, !afterParticle,
            span.allSatisfy({ $0.shape == .titled || rules.particles.contains($0.key) })
        {
            return .person
        }
        return nil
    }

    /// Whether the run's first word is a role or another name before a person's full name,
    /// which then starts at the first name second. "Ombudsman Nadia Cruz", "Татарстана Рустам
    /// Минниханов": so in three words. After a title's complement ("ministro degli Esteri
    /// Antonio Tajani"), whatever the word is, in any length. Right after a title ("o senador
    /// Luiz Fernando Couto"), or with more words ("Luiz Inácio Lula da Silva"), the words are
    /// the person's own, except where a title's complement needs no function word (Russian's
    /// genitive: "представитель Кремля Дмитрий Песков").
    private func isRoleBeforeFullName(
        _ first: Int, _ end: Int, _ words: [TextWords.Word], _ functionWords: WordSet?, _ rules: LanguageRules
    ) -> Bool {
        guard first + 2 < end, Self.isCapitalised(words[first + 1]), isFirstName(words[first + 1]),
            !rules.particles.contains(words[first].key),
            !words[first..<end].contains(where: { EntityCues.organizationWords.contains($0.key) })
        else { return false }
        if followsTitleComplement(first, words, functionWords) { return true }
        return end - first == 3 && !isFirstName(words[first])
            && (rules.declinesNames || !words.follows(EntityCues.titles, at: first))
    }

    /// Whether the words before `first` are a title and its complement's function word: the
    /// capitalised word at `first` is the complement ("ministre des Armées", "degli Esteri").
    private func followsTitleComplement(_ first: Int, _ words: [TextWords.Word], _ functionWords: WordSet?) -> Bool {
        guard first >= 2, let functionWords, words.follows(functionWords, at: first) else { return false }
        let before = words[max(0, first - 3)..<(first - 1)]
        return before.contains { EntityCues.titles.contains($0.key) }
    }

    /// Whether a title, then a capitalised word, come right at `end` ("economist Jan").
    private func precedesTitledName(_ end: Int, _ words: [TextWords.Word]) -> Bool {
        end < words.count && words[end].followsWord && words.follows(EntityCues.titles, at: end + 1)
            && Self.isCapitalised(words[end + 1])
    }

    private func isPlace(_ word: TextWords.Word) -> Bool {
        !gazetteer.entry(Gazetteer.key(of: CollectionOfOne(word))).isDisjoint(with: .place)
    }

    private enum Cue {
        case title, placeNoun, placePreposition, none
    }

    /// What the few lower-case words before a name say of it ("le président russe", "à").
    private func cue(before first: Int, _ words: [TextWords.Word], _ functionWords: WordSet?) -> Cue {
        var position = first - 1
        var seen = 0
        var adjacent = first > 0 && words[first].followsWord
        var afterFunctionWord = false
        while position >= 0, seen < 3, adjacent {
            let word = words[position]
            // "ministre des Transports", "Sprecherin des Gerichts": a title's own complement.
            if EntityCues.titles.contains(word.key) { return afterFunctionWord ? .none : .title }
            // "le cosmodrome de Vostochny", "the city of Ghent".
            if EntityCues.placeWords.contains(word.key) { return .placeNoun }
            if seen == 0, EntityCues.placePrepositions.contains(word.key) { return .placePreposition }
            if Self.isCapitalised(word) { return .none }
            if functionWords?.contains(word.key) == true { afterFunctionWord = true }
            adjacent = word.followsWord
            (position, seen) = (position - 1, seen + 1)
        }
        return .none
    }

    /// A title ("Präsidentin") or a place's noun ("Stadt"): a cue to a name, not part of it.
    private static func isCue(_ word: TextWords.Word) -> Bool {
        EntityCues.titles.contains(word.key) || EntityCues.placeWords.contains(word.key)
    }

    static func isCapitalised(_ word: TextWords.Word) -> Bool {
        switch word.shape {
        case .titled, .capitals, .mixed: word.letters >= 1
        default: false
        }
    }
}

/// How the text writes each word: in lower case anywhere, capitalised inside a sentence.
struct WordUsage {
    private let lowerCase: KeyIndex
    private let capitalisedInside: KeyIndex

    init(_ words: [TextWords.Word]) {
        (lowerCase, capitalisedInside) = (KeyIndex(capacity: words.count / 2), KeyIndex(capacity: 64))
        for word in words {
            if word.shape == .lower {
                _ = lowerCase.number(of: word.key)
            } else if !word.startsSentence, EntityFinder.isCapitalised(word) {
                _ = capitalisedInside.number(of: word.key)
            }
        }
    }

    func isLowerCaseElsewhere(_ key: UInt64) -> Bool { lowerCase.find(key) != nil }
    func isCapitalisedInside(_ key: UInt64) -> Bool { capitalisedInside.find(key) != nil }
}

/// What a language does to names: which particles stand inside them, and whether it
/// capitalises every noun (German), so that capitals alone say less.
struct LanguageRules {
    let particles: WordSet
    let capitalisesNouns: Bool
    /// Whether names take case endings ("Лавров", "Лаврова"): grouped by their stems.
    let declinesNames: Bool

    init(_ language: String?) {
        capitalisesNouns = language == "de"
        declinesNames = language == "ru"
        particles = Self.particles[language ?? ""] ?? Self.other
    }

    /// German's articles: a noun with one after it has a complement ("Angaben eines
    /// Sprechers"), which a place's name seldom has.
    private static let articles = WordSet("der die das des dem den ein eine einer eines einem einen")
    /// Endings of German's abstract and derived nouns ("Zukunft" aside, what "in" and "nach"
    /// most often meet that is no place: "Wirklichkeit", "Richtung", "Gemeinschaft").
    private static let nounEndings = ["ung", "heit", "keit", "schaft", "tion", "tät", "ismus", "nis", "kunft"]

    /// Whether the capitalised word at `index` is, by its shape and what follows it, a common
    /// noun: only said in a language that capitalises its nouns.
    func isCommonNoun(_ index: Int, _ words: [TextWords.Word], _ text: ScalarText) -> Bool {
        guard capitalisesNouns else { return false }
        if index + 1 < words.count, words[index + 1].followsWord, Self.articles.contains(words[index + 1].key) {
            return true
        }
        let word = words[index]
        let scalars = text.scalars[Int(word.start)..<Int(word.end)]
        return Self.nounEndings.contains { ending in
            let tail = ending.unicodeScalars
            return scalars.count > tail.count + 2 && scalars.suffix(tail.count).elementsEqual(tail)
        }
    }

    private static let other = WordSet(
        "de du des la le del della di da do dos das van von der den ten ter of al el bin ibn")
    private static let particles: [String: WordSet] = [
        "en": WordSet("of de van von al el bin ibn da di"),
        "fr": WordSet("de du des la le"),
        "de": WordSet("von zu van de"),
        "es": WordSet("de del la los las"),
        "it": WordSet("di da de del della dei degli"),
        "pt": WordSet("de do da dos das"),
        "nl": WordSet("van de der den ten ter het"),
        "ru": WordSet("де фон ван"),
    ]
}
