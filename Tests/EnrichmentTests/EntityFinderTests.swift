import Foundation
import PageModel
import Testing

@testable import Enrichment

struct EntityFinderTests {
    static func annotated(_ text: String, _ language: String) -> PageRecord {
        var record = PageRecord(id: "t", language: language, text: text, wordCount: 0, contentHash: "")
        record = Enricher().annotate(record)
        return record
    }

    static func kinds(_ record: PageRecord) -> [String: PageEntity.Kind] {
        Dictionary(record.entities.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
    }

    /// The seed page names the people, places and bodies it is about, and says who said what.
    @Test(.enabled(if: sharedCorpus != nil, "needs ../shared/corpus beside the repository"))
    func theSeedPageNamesItsPeoplePlacesAndBodies() throws {
        let seed = try String(
            contentsOf: try #require(sharedCorpus).appendingPathComponent("seed/kim-poutine.txt"), encoding: .utf8)
        let record = Self.annotated(seed, "fr")
        let kinds = Self.kinds(record)
        for (name, kind) in [
            ("Vladimir Poutine", PageEntity.Kind.person), ("Kim Jong-un", .person), ("Sergueï Choïgu", .person),
            ("Matthew Miller", .person), ("Moscou", .place), ("Pyongyang", .place), ("Vostochny", .place),
            ("ONU", .organization), ("Kremlin", .organization),
        ] {
            #expect(kinds[name] == kind, "\(name): \(kinds[name].map(\.rawValue) ?? "not found")")
        }
        #expect(
            Set(record.entities.first { $0.name == "Vladimir Poutine" }?.forms ?? []) == [
                "Vladimir Poutine", "Poutine",
            ])
        let speakers = Set(record.quotes.compactMap(\.speaker))
        #expect(speakers == ["Vladimir Poutine", "Kim Jong-un", "Matthew Miller"], "\(record.quotes)")
        #expect(!record.quotes.contains { ["mal", "un prix", "guerre sainte"].contains($0.text) })
    }

    @Test func namesAreToldApartByListsCuesAndShapeInEveryLanguage() {
        let cases: [(String, String, [(String, PageEntity.Kind)])] = [
            (
                "en",
                "Prime Minister Helena Varga met officials of the Ministry of Finance in Lisbon on Monday. "
                    + "Varga later flew to Nairobi with envoys of NATO.",
                [
                    ("Helena Varga", .person), ("Ministry of Finance", .organization), ("Lisbon", .place),
                    ("Nairobi", .place), ("NATO", .organization),
                ]
            ),
            (
                "de",
                "Bundeskanzlerin Greta Lindqvist besuchte am Montag die Stadt Dresden. Dort traf Lindqvist "
                    + "Vertreter der Deutschen Bank und des Bundestag.",
                [("Greta Lindqvist", .person), ("Dresden", .place), ("Deutschen Bank", .organization)]
            ),
            (
                "es",
                "El presidente Tomás Irigoyen viajó a Montevideo para reunirse con el Banco Central. Irigoyen "
                    + "habló también con la ONU.",
                [
                    ("Tomás Irigoyen", .person), ("Montevideo", .place), ("Banco Central", .organization),
                    ("ONU", .organization),
                ]
            ),
            (
                "ru",
                "Президент Олег Савченко прибыл в Новосибирск. Савченко встретился с представителями НАТО.",
                [("Олег Савченко", .person), ("Новосибирск", .place), ("НАТО", .organization)]
            ),
        ]
        for (language, text, expected) in cases {
            let record = Self.annotated(text, language)
            let kinds = Self.kinds(record)
            for (name, kind) in expected {
                #expect(kinds[name] == kind, "\(language) \(name): \(record.entities)")
            }
            // The surname alone is the person named in full.
            if let person = expected.first(where: { $0.1 == .person })?.0,
                let surname = person.split(separator: " ").last
            {
                #expect(record.entities.first { $0.name == person }?.count == 2, "\(language): \(record.entities)")
                #expect(!kinds.keys.contains(String(surname)))
            }
        }
    }

    /// A person's name is the whole of it, wherever a role, a title's complement or a place
    /// stands around it; a surname alone is the person even where a place bears it; and where
    /// nouns are capitalised, a noun after "nach" or "in" is no place.
    @Test func aNameIsAllOfItsWordsAndItsSurnameOutweighsAPlace() {
        let cases: [(String, String, [(String, PageEntity.Kind?, Int)])] = [
            (
                "it",
                "Il ministro degli Esteri Antonio Bellandi ha parlato a Trieste. Bellandi era soddisfatto.",
                [("Antonio Bellandi", .person, 2), ("Esteri Antonio Bellandi", nil, 0), ("Trieste", .place, 1)]
            ),
            (
                "pt",
                "O senador Luiz Fernando Couto chegou a Brasília. O presidente Luiz Inácio Lula da Silva "
                    + "recebeu-o. Lula sorriu e Couto falou depois.",
                [
                    ("Luiz Fernando Couto", .person, 2), ("Luiz Inácio Lula da Silva", .person, 2),
                    ("Lula da Silva", nil, 0),
                ]
            ),
            (
                "pt",
                "O deputado Carlos Montenegro falou em Lisboa. Depois, Montenegro viajou. A cimeira em "
                    + "Montenegro ficou para março.",
                [("Carlos Montenegro", .person, 2), ("Montenegro", .place, 1)]
            ),
            (
                "de",
                "Der Minister Jens Albrecht kam nach Angaben eines Sprechers nach Schwerin. In Wirklichkeit "
                    + "blieb er aber in Güstrow.",
                [("Jens Albrecht", .person, 1), ("Angaben", nil, 0), ("Wirklichkeit", nil, 0), ("Güstrow", .place, 1)]
            ),
        ]
        for (language, text, expected) in cases {
            let record = Self.annotated(text, language)
            for (name, kind, count) in expected {
                let entity = record.entities.first { $0.name == name }
                #expect(entity?.kind == kind, "\(language) \(name): \(record.entities)")
                #expect((entity?.count ?? 0) == count, "\(language) \(name): \(record.entities)")
            }
        }
    }

    /// Where names take case endings, a surname in another case is the same person, and a
    /// title's complement in the genitive is no part of the name after it.
    @Test func aDeclinedSurnameIsTheSamePerson() {
        let record = Self.annotated(
            "Губернатор Игорь Волков посетил в понедельник новый завод. По словам Волкова, производство "
                + "начнётся весной. Представитель Кремля Дмитрий Песков поддержал проект.", "ru")
        let governor = record.entities.first { $0.name == "Игорь Волков" }
        #expect(governor?.kind == .person && governor?.count == 2, "\(record.entities)")
        #expect(governor?.forms.contains("Волкова") == true, "\(record.entities)")
        #expect(Self.kinds(record)["Дмитрий Песков"] == .person, "\(record.entities)")
    }

    @Test func aCapitalThatOnlyStartsASentenceIsNoName() {
        let record = Self.annotated(
            "Yesterday the river rose. Flooding closed three roads, and yesterday the schools shut. "
                + "Officials in Ghent said the water would fall.", "en")
        let names = record.entities.map(\.name)
        #expect(!names.contains("Yesterday") && !names.contains("Flooding") && !names.contains("Officials"), "\(names)")
        #expect(Self.kinds(record)["Ghent"] == .place, "\(record.entities)")
        // A listed acronym written as a word, a listed place the text also writes in lower
        // case, an organisation's word alone: none is a name.
        let other = Self.annotated(
            "Who will pay? Man and beast suffered, and no man was spared. The Council met, and the WHO "
                + "sent doctors.", "en")
        let kinds = Self.kinds(other)
        #expect(kinds["Who"] == nil && kinds["Man"] == nil && kinds["Council"] == nil, "\(other.entities)")
        #expect(kinds["WHO"] == .organization, "\(other.entities)")
    }

    /// Texts made of the pieces the finders react to, in any order, end to end: every one is
    /// read to the end, and what is found lies in the text.
    @Test func anyArrangementOfMarksNamesAndWordsIsReadThrough() {
        let pieces = [
            "«", "»", "“", "”", "„", "‚", "‘", "’", "\"", "'", "— ", "– ", "\n", ".", ",", ":", " ", "  ", "l’", "d’",
            "Kim", "Jong-un", "de", "la", "Vladimir", "Poutine", "ONU", "said", "a déclaré", "selon", "he", "il",
            "Conseil", "Ministry", "of", "President", "Stadt", "March", "A.", "3.5", "x", "Ж", "日本",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement()! }.joined()
            let record = Self.annotated(text, ["en", "fr", "de", nil].randomElement()! ?? "xx")
            for entity in record.entities {
                #expect(entity.forms.allSatisfy { text.contains($0) || $0.contains(" ") }, "\(entity) in \(text)")
            }
            for quote in record.quotes { #expect(!quote.text.isEmpty) }
        }
    }
}
