import Enrichment
import Foundation
import PageModel
import Testing

@testable import Store

/// A second crawl into the same database: `--on-existing keep|replace|version`, with groups of
/// duplicates kept right as pages change.
@Suite struct ExistingPagesTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("existing-\(UUID()).sqlite").path

    static let story = (0..<200).map { "word\($0 * 7919 % 997)" }
    static let other = (0..<200).map { "other\($0 * 31 % 991)" }

    static func record(_ id: String, _ words: [String], fetchedAt: String?, title: String = "T") -> PageRecord {
        let text = words.joined(separator: " ")
        var record = PageRecord(
            id: id, title: title, text: text, wordCount: words.count, contentHash: TextMeasures.contentHash(text),
            fetchedAt: fetchedAt)
        record.minhash = MinHasher.standard.signature(of: text)
        return record
    }

    func store(_ policy: PageStore.ExistingPages, keepsEveryText: Bool = true) throws -> PageStore {
        try PageStore(
            path: path, deduplication: .init(mode: "near", threshold: 0.75, keepsEveryText: keepsEveryText),
            existingPages: policy)
    }

    func cleanUp() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    @discardableResult
    func stored(_ records: [PageRecord], in store: PageStore) throws -> PageStore.BatchReport {
        try store.storeReporting(records.map { .stored($0, worker: nil, extractionMilliseconds: 0) })
    }

    func rows(_ store: PageStore, _ sql: String) throws -> [String] {
        let statement = try store.database.prepare(sql)
        var values: [String] = []
        while try statement.step() { values.append(statement.string(at: 0) ?? "NULL") }
        return values
    }

    @Test func keepStoresTheFirstAndReplaceTheLater() throws {
        defer { cleanUp() }
        let first = Self.record("p", Self.story, fetchedAt: "2024-01-01T00:00:00Z")
        let later = Self.record("p", Self.other, fetchedAt: "2024-02-01T00:00:00Z")
        let earlier = Self.record("p", Self.other + ["x"], fetchedAt: "2023-12-01T00:00:00Z")
        let keeping = try store(.keep)
        #expect(try stored([first], in: keeping).newRows == 1)
        #expect(try stored([later], in: keeping).duplicates == [0])
        #expect(try rows(keeping, "SELECT fetched_at FROM pages") == ["2024-01-01T00:00:00Z"])
        let replacing = try store(.replace)
        #expect(try stored([later], in: replacing).replaced == 1)
        // An older fetch does not replace a newer one; the same fetch again is one row.
        #expect(try stored([earlier, later], in: replacing).duplicates == [0, 1])
        #expect(
            try rows(replacing, "SELECT fetched_at || ' ' || text FROM pages") == [
                "2024-02-01T00:00:00Z " + later.text
            ])
        #expect(try rows(replacing, "SELECT count(*) FROM page_versions") == ["0"])
    }

    /// A page's links go in `links`, of the kinds the store keeps, in the page's order; a later
    /// fetch that replaces the page replaces them; a fetch that writes nothing writes none.
    @Test func linksAreStoredWithTheirPageAndReplacedWithIt() throws {
        defer { cleanUp() }
        var first = Self.record("p", Self.story, fetchedAt: "2024-01-01T00:00:00Z")
        first.links = [
            PageLink(url: "https://a.example/1", text: "one", kind: .content),
            PageLink(url: "https://a.example/menu", text: "Menu", kind: .navigation),
            PageLink(url: "https://a.example/2", text: "two", kind: .content),
        ]
        var later = Self.record("p", Self.other, fetchedAt: "2024-02-01T00:00:00Z")
        later.links = [PageLink(url: "https://b.example/3", text: "three", kind: .content)]
        let store = try PageStore(path: path, existingPages: .replace)
        try stored([first], in: store)
        let query = "SELECT position || ' ' || url || ' ' || anchor_text || ' ' || kind FROM links ORDER BY position"
        #expect(
            try rows(store, query) == ["0 https://a.example/1 one content", "1 https://a.example/2 two content"])
        try stored([first], in: store)
        #expect(try rows(store, "SELECT count(*) FROM links") == ["2"])
        try stored([later], in: store)
        #expect(try rows(store, query) == ["0 https://b.example/3 three content"])
        let everything = try PageStore(path: path, existingPages: .replace, storedLinks: Set(PageLink.Kind.allCases))
        var third = Self.record("q", Self.story + ["z"], fetchedAt: "2024-03-01T00:00:00Z")
        third.links = first.links
        try stored([third], in: everything)
        #expect(try rows(everything, "SELECT count(*) FROM links WHERE page_id = 'q'") == ["3"])
    }

    /// A page's key phrases go in `keywords` in their order, and are replaced with the page.
    @Test func keywordsAreStoredWithTheirPageAndReplacedWithIt() throws {
        defer { cleanUp() }
        var first = Self.record("p", Self.story, fetchedAt: "2024-01-01T00:00:00Z")
        first.keywords = [PageKeyword(phrase: "harbour", score: 0.5), PageKeyword(phrase: "terminal", score: 0.75)]
        var later = Self.record("p", Self.other, fetchedAt: "2024-02-01T00:00:00Z")
        later.keywords = [PageKeyword(phrase: "fishermen", score: 0.25)]
        let store = try PageStore(path: path, existingPages: .replace)
        try stored([first], in: store)
        let query =
            "SELECT position || ' ' || phrase || ' ' || score FROM keywords WHERE page_id = 'p' ORDER BY position"
        #expect(try rows(store, query) == ["0 harbour 0.5", "1 terminal 0.75"])
        try stored([first], in: store)
        #expect(try rows(store, "SELECT count(*) FROM keywords") == ["2"])
        try stored([later], in: store)
        #expect(try rows(store, query) == ["0 fishermen 0.25"])
    }

    /// Entities and quotations go in their tables, joined on page_id, and are replaced with the page.
    @Test func entitiesAndQuotesAreStoredWithTheirPageAndReplacedWithIt() throws {
        defer { cleanUp() }
        var first = Self.record("p", Self.story, fetchedAt: "2024-01-01T00:00:00Z")
        first.entities = [
            PageEntity(name: "Rosa Delgado", kind: .person, forms: ["Rosa Delgado", "Delgado"], count: 3)
        ]
        first.quotes = [
            PageQuote(text: "We did not give up", speaker: "Rosa Delgado"), PageQuote(text: "a b c", speaker: nil),
        ]
        var later = Self.record("p", Self.other, fetchedAt: "2024-02-01T00:00:00Z")
        later.entities = [PageEntity(name: "Ghent", kind: .place, forms: ["Ghent"], count: 1)]
        let store = try PageStore(path: path, existingPages: .replace)
        try stored([first], in: store)
        #expect(
            try rows(store, "SELECT name || ' ' || kind || ' ' || forms || ' ' || mentions FROM entities")
                == [#"Rosa Delgado person ["Rosa Delgado","Delgado"] 3"#])
        #expect(
            try rows(
                store, "SELECT position || ' ' || quote || ' ' || coalesce(speaker, '-') FROM quotes ORDER BY position")
                == ["0 We did not give up Rosa Delgado", "1 a b c -"])
        try stored([later], in: store)
        #expect(try rows(store, "SELECT name FROM entities") == ["Ghent"])
        #expect(try rows(store, "SELECT count(*) FROM quotes") == ["0"])
    }

    @Test func versionKeepsEveryFetchAndTheLatestInPages() throws {
        defer { cleanUp() }
        let versions = [
            Self.record("p", Self.story, fetchedAt: "2024-01-01T00:00:00Z"),
            Self.record("p", Self.other, fetchedAt: "2024-03-01T00:00:00Z"),
            Self.record("p", Self.story + ["edited"], fetchedAt: "2024-02-01T00:00:00Z"),
        ]
        let store = try store(.version)
        let report = try stored(versions, in: store)
        #expect(report.newRows == 1 && report.replaced == 1 && report.versioned == 1)
        #expect(try rows(store, "SELECT fetched_at FROM pages") == ["2024-03-01T00:00:00Z"])
        #expect(
            try rows(store, "SELECT fetched_at FROM page_versions ORDER BY fetched_at") == [
                "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z",
            ])
        // Redelivered, every one of them: nothing more.
        let again = try stored(versions, in: store)
        #expect(again.duplicates == [0, 1, 2] && again.newRows == 0 && again.versioned == 0)
        #expect(try rows(store, "SELECT count(*) FROM page_versions") == ["2"])
    }

    @Test func anUnchangedPageFetchedAgainWritesNothing() throws {
        defer { cleanUp() }
        let store = try store(.version)
        try stored([Self.record("p", Self.story, fetchedAt: "2024-01-01T00:00:00Z")], in: store)
        let before = store.database.totalChanges
        let report = try stored([Self.record("p", Self.story, fetchedAt: "2024-05-01T00:00:00Z")], in: store)
        #expect(report.duplicates == [0])
        #expect(store.database.totalChanges == before, "no row written")
        // A new title is a change, even with the same text.
        let retitled = Self.record("p", Self.story, fetchedAt: "2024-06-01T00:00:00Z", title: "New")
        #expect(try stored([retitled], in: store).replaced == 1)
    }

    @Test func aReplacedPageLeavesItsGroupWhichRegroups() throws {
        defer { cleanUp() }
        let store = try store(.replace)
        var edited = Self.story
        edited[100] = "changed"
        try stored(
            [
                Self.record("a", Self.story, fetchedAt: "2024-01-01T00:00:00Z"),
                Self.record("b", Self.story, fetchedAt: "2024-01-02T00:00:00Z"),
                Self.record("c", edited, fetchedAt: "2024-01-03T00:00:00Z"),
            ], in: store)
        #expect(try rows(store, "SELECT group_id FROM pages ORDER BY id") == ["a", "a", "a"])
        // The representative's page now holds another text: b and c stay together, under b.
        try stored([Self.record("a", Self.other, fetchedAt: "2024-02-01T00:00:00Z")], in: store)
        #expect(
            try rows(store, "SELECT id || '=' || coalesce(group_id, '-') FROM pages ORDER BY id") == [
                "a=-", "b=b", "c=b",
            ])
        #expect(try rows(store, "SELECT a || ' ' || b FROM duplicate_pairs ORDER BY 1") == ["b c"])
        // Its old signature no longer matches it: a copy of the old text joins b's group only.
        try stored([Self.record("d", Self.story, fetchedAt: "2024-03-01T00:00:00Z")], in: store)
        #expect(
            try rows(store, "SELECT id || '=' || coalesce(group_id, '-') FROM pages ORDER BY id") == [
                "a=-", "b=b", "c=b", "d=b",
            ])
    }

    @Test func onlyRepresentativesKeepTheirTextWhenAsked() throws {
        defer { cleanUp() }
        let store = try store(.keep, keepsEveryText: false)
        try stored([Self.record("late", Self.story, fetchedAt: "2024-05-01T00:00:00Z")], in: store)
        try stored([Self.record("later", Self.story, fetchedAt: "2024-06-01T00:00:00Z")], in: store)
        #expect(
            try rows(store, "SELECT id || ':' || length(text) FROM pages ORDER BY id") == [
                "late:\(Self.record("late", Self.story, fetchedAt: nil).text.utf8.count)", "later:0",
            ])
        // An earlier copy arrives: it represents the group now, and the old representative's text goes.
        try stored([Self.record("early", Self.story, fetchedAt: "2024-01-01T00:00:00Z")], in: store)
        let kept = try rows(store, "SELECT id || ':' || (length(text) > 0) || ':' || group_id FROM pages ORDER BY id")
        #expect(kept == ["early:1:early", "late:0:early", "later:0:early"])
        #expect(try rows(store, "SELECT count(*) FROM distinct_pages") == ["1"])
    }
}
