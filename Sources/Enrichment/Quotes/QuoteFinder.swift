import PageModel

/// A text's direct quotations (`QuoteMarks`) of three words or more, not titles of works (every
/// word capitalised), each with its speaker when the text says it: the person or organisation
/// next to a reporting verb after the quote ("…”, said Miller") or before it ("Poutine a déclaré
/// que « … »", "selon le Kremlin"); a verb with no name beside it ("he said", "affirmant que")
/// points to the last person named before who is not the object of a preposition ("au
/// président", "of Putin"); a quote with no verb of its own that follows another goes on in the
/// same voice.
struct QuoteFinder: Sendable {
    /// Words a quotation holds at least: fewer are scare quotes or names.
    var shortest = 3

    func quotes(in text: ScalarText, words: TextWords, entities: EntityFinder.Found, language: String?) -> [PageQuote] {
        let context = QuoteContext(text: text, words: words.words, mentions: entities.mentions)
        let functionWords = FunctionWords.of(language)
        var quotes: [PageQuote] = []
        var previous: (speaker: Int?, end: Int, sentence: Int32)?
        for span in QuoteMarks.spans(in: text.scalars) {
            let inside = context.words(in: span.inner)
            guard inside.count >= shortest, !context.isTitle(inside), !context.isCode(span) else { continue }
            var speaker = context.speaker(of: span, inside: inside, functionWords: functionWords)
            if speaker == nil, let previous, let first = context.words(in: span.outer).first,
                !context.hasReportingVerb(around: span), previous.end <= span.outer.lowerBound,
                context.words[first].sentence - previous.sentence <= 2
            {
                speaker = previous.speaker
            }
            let quoted = text.collapsedText(span.inner)
            quotes.append(PageQuote(text: quoted, speaker: speaker.map { entities.entities[$0].name }))
            previous = (speaker, span.outer.upperBound, context.words[inside.upperBound - 1].sentence)
        }
        return quotes
    }
}

/// The words and mentions around a quotation.
struct QuoteContext {
    let text: ScalarText
    let words: [TextWords.Word]
    let mentions: [EntityFinder.Mention]
    /// The mention each word starts, or -1.
    private let mentionStarting: [Int32]

    init(text: ScalarText, words: [TextWords.Word], mentions: [EntityFinder.Mention]) {
        (self.text, self.words, self.mentions) = (text, words, mentions)
        var starting = [Int32](repeating: -1, count: words.count)
        for (index, mention) in mentions.enumerated() { starting[mention.first] = Int32(index) }
        mentionStarting = starting
    }

    /// The words inside a range of scalars.
    func words(in range: Range<Int>) -> Range<Int> {
        let first = firstWord(startingAtOrAfter: range.lowerBound)
        var end = first
        while end < words.count, Int(words[end].end) <= range.upperBound { end += 1 }
        return first..<end
    }

    private func firstWord(startingAtOrAfter offset: Int) -> Int {
        var (low, high) = (0, words.count)
        while low < high {
            let middle = (low + high) / 2
            if Int(words[middle].start) < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Every word of some length capitalised: the title of a book, a film, a song.
    func isTitle(_ inside: Range<Int>) -> Bool {
        let long = inside.filter { words[$0].letters > 3 }
        return long.count >= 2 && long.allSatisfy { EntityFinder.isCapitalised(words[$0]) }
    }

    /// Whether a quoted span is code, a path or an address rather than speech: marks no one
    /// says (`<`, `>`, `{`, `}`, `=`, `_`, `\`), a leading `/`, or `://`, as in a tutorial's
    /// strings; or a string given to code (`= 'x'`, `f('x')`).
    func isCode(_ span: QuoteMarks.Span) -> Bool {
        let inner = span.inner
        if inner.first.map({ text.scalars[$0] == "/" }) == true { return true }
        let before = text.scalars[..<span.outer.lowerBound].reversed()
        if before.first(where: { $0 != " " }) == "=" { return true }
        if let opening = before.first, opening == "(" || opening == "[",
            let callee = before.dropFirst().first,
            callee.properties.isAlphabetic || callee.properties.numericType != nil
                || callee == "_" || callee == "]" || callee == ")"
        {
            return true
        }
        for index in inner {
            switch text.scalars[index].value {
            case 0x3C, 0x3E, 0x7B, 0x7D, 0x3D, 0x5F, 0x5C: return true  // < > { } = _ \
            case 0x3A where index + 1 < inner.upperBound && text.scalars[index + 1] == "/": return true
            default: continue
            }
        }
        return false
    }

    func hasReportingVerb(around span: QuoteMarks.Span) -> Bool {
        let (before, after) = (wordsBefore(span), wordsAfter(span))
        return before.contains { ReportingVerbs.verbs.contains(words[$0].key) }
            || after.contains { ReportingVerbs.verbs.contains(words[$0].key) }
    }

    /// The sentence's words before the quote (at most 30).
    private func wordsBefore(_ span: QuoteMarks.Span) -> Range<Int> {
        let end = firstWord(startingAtOrAfter: span.outer.lowerBound)
        guard end > 0 else { return 0..<0 }
        let sentence = words[end - 1].sentence
        var start = end - 1
        while start > 0, end - start < 30, words[start - 1].sentence == sentence { start -= 1 }
        return start..<end
    }

    /// The words after the quote up to its sentence's end (at most 14).
    private func wordsAfter(_ span: QuoteMarks.Span) -> Range<Int> {
        let start = firstWord(startingAtOrAfter: span.outer.upperBound)
        guard start < words.count else { return start..<start }
        var end = start
        let (sentence, lineEnd) = (words[start].sentence, nextLineBreak(after: span.outer.upperBound))
        while end < words.count, end - start < 14, words[end].sentence == sentence, Int(words[end].start) < lineEnd {
            end += 1
        }
        return start..<end
    }

    private func nextLineBreak(after offset: Int) -> Int {
        var index = offset
        while index < text.scalars.count, !text.traits[index].contains(.lineBreak) { index += 1 }
        return index
    }

    /// The entity who says the quote, by the rules `QuoteFinder` gives.
    func speaker(of span: QuoteMarks.Span, inside: Range<Int>, functionWords: WordSet?) -> Int? {
        var after = wordsAfter(span)
        // Words after the quote speak of it only in its own sentence ("…,” he said), not in
        // the next one ("… ». Vladimir Poutine a déclaré").
        if let first = after.first, !inside.isEmpty, words[first].sentence != words[inside.upperBound - 1].sentence {
            after = first..<first
        }
        if let verb = after.first(where: { ReportingVerbs.verbs.contains(words[$0].key) }), verb - after.lowerBound < 6
        {
            // "…,” she said in an interview with CNBC": the pronoun is who said it.
            if (after.lowerBound..<verb).contains(where: { ReportingVerbs.pronouns.contains(words[$0].key) }) {
                return lastPerson(before: span.outer.lowerBound)
            }
            if let named = mention(in: after.lowerBound..<min(after.upperBound, verb + 8), skippingObjects: true) {
                return named
            }
            return namesSomeoneUnnamed(after.lowerBound..<verb, functionWords)
                ? nil : lastPerson(before: span.outer.lowerBound)
        }
        let before = wordsBefore(span)
        if let verb = before.last(where: { ReportingVerbs.verbs.contains(words[$0].key) }) {
            if ReportingVerbs.accordingTo.contains(words[verb].key) {
                return mention(in: verb + 1..<before.upperBound) ?? lastPerson(before: span.outer.lowerBound)
            }
            return lastSubject(in: before.lowerBound..<verb) ?? lastPerson(before: Int(words[verb].start))
        }
        if span.outer.lowerBound > 0,
            text.scalars[..<span.outer.lowerBound].reversed().prefix(4).first(where: { $0 != " " }) == ":"
        {
            return lastSubject(in: before) ?? lastPerson(before: span.outer.lowerBound)
        }
        return nil
    }

    /// The first person named in `range`, or else the first organisation; with
    /// `skippingObjects`, not a preposition's object ("said in an interview with CNBC").
    private func mention(in range: Range<Int>, skippingObjects: Bool = false) -> Int? {
        var organization: Int?
        for position in range where mentionStarting[position] >= 0 {
            let mention = mentions[Int(mentionStarting[position])]
            if skippingObjects, isObject(mention) { continue }
            if mention.kind == .person { return mention.entity }
            if mention.kind == .organization, organization == nil { organization = mention.entity }
        }
        return organization
    }

    /// Whether the words before a verb after the quote name someone other than a person
    /// ("the doctor said"): content words, but no pronoun.
    private func namesSomeoneUnnamed(_ range: Range<Int>, _ functionWords: WordSet?) -> Bool {
        !range.contains { ReportingVerbs.pronouns.contains(words[$0].key) }
            && range.contains { words[$0].shape == .lower && functionWords?.contains(words[$0].key) == false }
    }

    /// The last person or organisation in `range` not after a preposition.
    private func lastSubject(in range: Range<Int>) -> Int? {
        for position in range.reversed() where mentionStarting[position] >= 0 {
            let mention = mentions[Int(mentionStarting[position])]
            if mention.kind != .place, !isObject(mention) { return mention.entity }
        }
        return nil
    }

    /// The last person named before `offset` who is not the object of a preposition.
    private func lastPerson(before offset: Int) -> Int? {
        mentions.last { Int(words[$0.end - 1].end) <= offset && $0.kind == .person && !isObject($0) }?.entity
    }

    private func isObject(_ mention: EntityFinder.Mention) -> Bool {
        words.follows(EntityCues.objectPrepositions, at: mention.first)
    }
}
