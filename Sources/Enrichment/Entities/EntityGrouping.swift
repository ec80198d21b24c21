import PageModel

/// The runs of name words of a text grouped into entities: a person's surname or given name
/// alone joins the person named in full; other runs with the same words are one entity, of
/// the kind most of their mentions were taken for; runs nothing told the kind of, and that no
/// full name explains, are left out.
struct EntityGrouping {
    private(set) var found = EntityFinder.Found(entities: [], mentions: [])

    private struct Group {
        /// Mentions taken for a person, an organisation, a place.
        var kindVotes = [0, 0, 0]
        var forms: [String] = []
        var formKeys: [UInt64] = []
        var longest = (words: 0, form: "")
        var count = 0
        var firstMention: Int
    }

    /// With `declinesNames`, names are grouped by their stems ("Фидан", "Фиданом" one name).
    init(spans: [EntityFinder.Span], words: [TextWords.Word], text: ScalarText, declinesNames: Bool) {
        var groups: [Group] = []
        var groupOfKey: [UInt64: Int] = [:]
        func key(of span: EntityFinder.Span) -> UInt64 {
            declinesNames ? NameStem.key(of: words[span.first..<span.end], in: text) : span.key
        }
        func nameKey(_ word: Int) -> UInt64 {
            declinesNames ? NameStem.key(of: words[word], in: text) : words[word].key
        }
        // Given and family names of the people named in full, to the person.
        var byName: [UInt64: Int] = [:]
        func group(for key: UInt64, at position: Int) -> Int {
            if let known = groupOfKey[key] { return known }
            groups.append(Group(firstMention: position))
            groupOfKey[key] = groups.count - 1
            return groups.count - 1
        }
        // Family names alone, to the person: these outweigh a place of the same name.
        var bySurname: [UInt64: Int] = [:]
        for span in spans where span.kind == .person && span.end - span.first > 1 {
            let person = group(for: key(of: span), at: span.first)
            let surname = nameKey(span.end - 1)
            bySurname[surname] = bySurname[surname] ?? person
            // Surname, given name and the names between ("Lula" of "Luiz Inácio Lula da Silva").
            for word in [span.end - 1, span.first] + Array(span.first + 1..<span.end - 1)
            where EntityFinder.isCapitalised(words[word]) {
                let name = nameKey(word)
                byName[name] = byName[name] ?? person
            }
        }
        for span in spans {
            let single = span.end - span.first == 1
            let index: Int
            var kind = span.kind
            let name = single ? nameKey(span.first) : 0
            if single, kind == nil || kind == .person, let person = byName[name] {
                (index, kind) = (person, .person)
            } else if single, kind == .place, let person = bySurname[name],
                !words.follows(EntityCues.placePrepositions, at: span.first)
            {
                // "Luís Montenegro" then "Montenegro": the person, unless "in Montenegro".
                (index, kind) = (person, .person)
            } else if kind != nil {
                index = group(for: key(of: span), at: span.first)
            } else {
                continue
            }
            if let kind { groups[index].kindVotes[Self.kinds.firstIndex(of: kind) ?? 0] += 1 }
            // A form is made into a string the first time it is seen, not at every mention.
            let formKey = Self.formKey(text, Int(words[span.first].start)..<Int(words[span.end - 1].end))
            if !groups[index].formKeys.contains(formKey) {
                let form = Self.surface(text, words[span.first], words[span.end - 1])
                groups[index].formKeys.append(formKey)
                groups[index].forms.append(form)
                if span.end - span.first > groups[index].longest.words {
                    groups[index].longest = (span.end - span.first, form)
                }
            }
            groups[index].count += 1
            found.mentions.append(.init(first: span.first, end: span.end, entity: index, kind: kind ?? .person))
        }
        let entities = groups.map { group in
            // The kind most mentions were taken for; person, then organisation, on a tie.
            let kind = Self.kinds[group.kindVotes.indices.max { group.kindVotes[$0] < group.kindVotes[$1] } ?? 0]
            return PageEntity(name: group.longest.form, kind: kind, forms: group.forms, count: group.count)
        }
        // Most named first; ties in the order of first mention. Mentions point into the new order.
        let order = entities.indices.sorted {
            (entities[$0].count, groups[$1].firstMention) > (entities[$1].count, groups[$0].firstMention)
        }
        var place = [Int](repeating: 0, count: order.count)
        for (rank, index) in order.enumerated() { place[index] = rank }
        found.entities = order.map { entities[$0] }
        for mention in found.mentions.indices { found.mentions[mention].entity = place[found.mentions[mention].entity] }
        for mention in found.mentions.indices {
            found.mentions[mention].kind = found.entities[found.mentions[mention].entity].kind
        }
    }

    private static let kinds: [PageEntity.Kind] = [.person, .organization, .place]

    /// A hash of a form as written, white space folded as `ScalarText.collapsedText` folds it.
    private static func formKey(_ text: ScalarText, _ range: Range<Int>) -> UInt64 {
        var (hash, afterSpace) = (TextMeasures.fnvOffset, false)
        for index in range {
            let space = text.traits[index].contains(.space)
            if space, afterSpace { continue }
            hash = TextMeasures.fnvMixed(hash, space ? 0x20 : UInt64(text.scalars[index].value))
            afterSpace = space
        }
        return hash
    }

    /// The text from one word's start to another's end, as written.
    static func surface(_ text: ScalarText, _ first: TextWords.Word, _ last: TextWords.Word) -> String {
        text.collapsedText(Int(first.start)..<Int(last.end))
    }
}
