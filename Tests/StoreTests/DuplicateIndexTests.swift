import Enrichment
import Foundation
import PageModel
import Testing

@testable import Store

/// Duplicate groups as the collector keeps them: the same groups and representatives whatever
/// the order pages arrive in and however they are batched.
@Suite struct DuplicateIndexTests {
    static let story = (0..<300).map { "word\($0 * 7919 % 997)" }

    static func record(_ id: String, words: [String], fetchedAt: String?) -> PageRecord {
        let text = words.joined(separator: " ")
        var record = PageRecord(
            id: id, text: text, wordCount: words.count, contentHash: TextMeasures.contentHash(text),
            fetchedAt: fetchedAt)
        record.minhash = MinHasher.standard.signature(of: text)
        return record
    }

    /// The same story syndicated (a copy, an edited copy, a copy with a footer), a second copy
    /// of it under another id, and unrelated pages.
    static let records: [PageRecord] = {
        var edited = story
        for index in stride(from: 0, to: 300, by: 60) { edited[index] = "changed\(index)" }
        let other = (0..<300).map { "other\($0 * 31 % 991)" }
        return [
            record("site-a/story", words: story, fetchedAt: "2024-03-02T10:00:00Z"),
            record("site-b/story", words: edited, fetchedAt: "2024-03-01T09:00:00Z"),
            record("site-c/story", words: story + ["share", "this", "article"], fetchedAt: nil),
            record("site-d/copy", words: story, fetchedAt: "2024-03-05T00:00:00Z"),
            record("site-a/other", words: other, fetchedAt: "2024-03-01T00:00:00Z"),
            record("site-e/short", words: Array(story.prefix(40)), fetchedAt: "2024-02-01T00:00:00Z"),
        ]
    }()

    func groups(storing order: [Int], batch: Int, mode: String) throws -> (groups: [String: String?], pairs: [String]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dedup-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let outcomes = order.map { PageOutcome.stored(Self.records[$0], worker: nil, extractionMilliseconds: 0) }
        for start in stride(from: 0, to: outcomes.count, by: batch) {
            // A store opened afresh for every batch: the LSH index is rebuilt from the signatures.
            let store = try PageStore(path: path, deduplication: .init(mode: mode, threshold: 0.75))
            try store.store(Array(outcomes[start..<min(outcomes.count, start + batch)]))
        }
        let store = try PageStore(path: path, deduplication: .init(mode: mode, threshold: 0.75))
        // Stored again, as a redelivered result would be: nothing changes.
        try store.store(outcomes)
        var groups: [String: String?] = [:]
        let rows = try store.database.prepare("SELECT id, group_id FROM pages")
        while try rows.step() { groups[rows.string(at: 0) ?? ""] = rows.string(at: 1) }
        var pairs: [String] = []
        let found = try store.database.prepare("SELECT a || ' ' || b || ' ' || kind FROM duplicate_pairs ORDER BY 1")
        while try found.step() { pairs.append(found.string(at: 0) ?? "") }
        return (groups, pairs)
    }

    @Test func groupsAndRepresentativesDoNotDependOnArrivalOrder() throws {
        let forward = try groups(storing: Array(0..<6), batch: 6, mode: "near")
        // The story's copies form one group under the earliest fetched (site-b); the page
        // without a fetch time and the unrelated ones are not representatives.
        #expect(forward.groups["site-a/story"] == "site-b/story")
        #expect(forward.groups["site-b/story"] == "site-b/story")
        #expect(forward.groups["site-c/story"] == "site-b/story")
        #expect(forward.groups["site-d/copy"] == "site-b/story")
        #expect(forward.groups["site-a/other"] == .some(nil))
        #expect(forward.groups["site-e/short"] == .some(nil), "a fragment is not a near duplicate")
        #expect(forward.pairs.contains("site-a/story site-d/copy exact"), "\(forward.pairs)")
        for (order, batch) in [([5, 4, 3, 2, 1, 0], 1), ([3, 1, 5, 0, 2, 4], 2), ([2, 0, 4, 1, 3, 5], 4)] {
            let other = try groups(storing: order, batch: batch, mode: "near")
            #expect(other.groups == forward.groups, "order \(order)")
            #expect(other.pairs == forward.pairs, "order \(order)")
        }
    }

    @Test func exactModeGroupsOnlyTheSameTextAndOffGroupsNothing() throws {
        let exact = try groups(storing: Array(0..<6), batch: 3, mode: "exact")
        #expect(exact.groups["site-a/story"] == "site-a/story" && exact.groups["site-d/copy"] == "site-a/story")
        #expect(exact.groups["site-b/story"] == .some(nil))
        #expect(exact.pairs == ["site-a/story site-d/copy exact"])
        let off = try groups(storing: Array(0..<6), batch: 3, mode: "off")
        #expect(off.groups.values.allSatisfy { $0 == nil } && off.pairs.isEmpty)
    }

    @Test func bucketsKeepTheirPagesInOrderAsTheTableGrowsAndCapABucket() {
        var buckets = BandBuckets(limit: 64, initialBits: 4)
        for number in 0..<5_000 { buckets.insert(UInt64(number) &* 0x9E37_79B9_7F4A_7C15, UInt32(number)) }
        for number in 0..<100 { buckets.insert(42, UInt32(10_000 + number)) }
        for number in stride(from: 0, to: 5_000, by: 97) {
            var found: [UInt32] = []
            buckets.forEach(in: UInt64(number) &* 0x9E37_79B9_7F4A_7C15) { found.append($0) }
            #expect(found == [UInt32(number)])
        }
        var template: [UInt32] = []
        buckets.forEach(in: 42) { template.append($0) }
        #expect(template == (0..<64).map { UInt32(10_000 + $0) }, "the first 64, in order")
        #expect(buckets.count == 5_064)
        var none: [UInt32] = []
        buckets.forEach(in: 7) { none.append($0) }
        #expect(none.isEmpty)
    }

    @Test func signaturesOfAStepFourDatabaseAreNumberedAndStillMatch() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("step4-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            // A database as the first release of dedup left it: schema step 4, signatures by id.
            let database = try Database(path: path)
            for step in Migrations.steps.prefix(4) { try database.execute(step) }
            try database.execute("PRAGMA user_version = 4")
            let record = Self.records[0]
            try database.execute(
                "INSERT INTO pages (id, text, word_count, content_hash, fetched_at) VALUES ('\(record.id)', "
                    + "'\(record.text)', \(record.wordCount), '\(record.contentHash)', '\(record.fetchedAt ?? "")')")
            let signature = try database.prepare("INSERT INTO page_signatures (id, signature) VALUES (?1, ?2)")
            try signature.bind(record.id, at: 1)
            try signature.bind(values: record.minhash, at: 2)
            try signature.step()
        }
        let store = try PageStore(path: path)
        let migrated = try store.database.prepare("SELECT number, id, content_hash FROM page_signatures")
        #expect(try migrated.step())
        #expect(migrated.int(at: 0) == 1 && migrated.string(at: 1) == Self.records[0].id)
        #expect(migrated.string(at: 2) == Self.records[0].contentHash)
        try store.store([.stored(Self.records[1], worker: nil, extractionMilliseconds: 0)])
        let group = try store.database.prepare("SELECT group_id FROM pages WHERE id = 'site-a/story'")
        #expect(try group.step() && group.string(at: 0) == "site-b/story", "the edited copy found the migrated page")
    }

    @Test func otherBandsAndRowsBandTheSignaturesMadeWithThem() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bands-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let hasher = MinHasher(shingleWords: 3, bands: 20, rows: 5)
        var deduplication = PageStore.Deduplication(mode: "near", threshold: 0.6)
        deduplication.minHasher = hasher
        let store = try PageStore(path: path, deduplication: deduplication)
        var edited = Self.story
        for index in stride(from: 0, to: 300, by: 25) { edited[index] = "changed\(index)" }
        var records = [
            Self.record("a", words: Self.story, fetchedAt: nil), Self.record("b", words: edited, fetchedAt: nil),
        ]
        for index in records.indices { records[index].minhash = hasher.signature(of: records[index].text) }
        #expect(records[0].minhash.count == 100)
        // Signatures of the standard length do not fit these bands: that copy is not banded.
        let standardLength = Self.record("c", words: edited + ["tail"], fetchedAt: nil)
        try store.store((records + [standardLength]).map { .stored($0, worker: nil, extractionMilliseconds: 0) })
        let rows = try store.database.prepare("SELECT id || '=' || coalesce(group_id, '-') FROM pages ORDER BY id")
        var groups: [String] = []
        while try rows.step() { groups.append(rows.string(at: 0) ?? "") }
        #expect(groups == ["a=a", "b=a", "c=-"])
    }

    @Test func editedCopiesInOtherScriptsAreGroupedAndOtherArticlesAreNot() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scripts-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // Articles of 200 words in German, Russian and Greek (words made from each script's
        // letters), and Chinese written without spaces; each copied with a few words changed.
        // (With four of 200 changed, a true similarity of 0.81, one Russian pair shared no band:
        // one chance in ten there.)
        func words(_ letters: String, _ seed: Int) -> [String] {
            let alphabet = Array(letters)
            return (0..<200).map { index in
                let value = (index * 7919 + seed * 104_729) % 99_991
                return String((0..<5).map { alphabet[(value / (($0 + 1) * 3)) % alphabet.count] })
            }
        }
        let scripts = ["abcdefghijklmnopqrstuvwxyzäöüß", "абвгдеёжзийклмнопрстуфхцчшщыэюя", "αβγδεζηθικλμνξοπρστυφχψω"]
        var records: [PageRecord] = []
        for (number, letters) in scripts.enumerated() {
            let original = words(letters, number)
            var edited = original
            // Two words changed: a true similarity near 0.9, where a band in common is all but sure.
            for index in stride(from: 7, to: 200, by: 100) { edited[index] = "x\(index)" }
            records.append(Self.record("\(number)-a", words: original, fetchedAt: "2024-01-01T00:00:00Z"))
            records.append(Self.record("\(number)-b", words: edited, fetchedAt: "2024-02-01T00:00:00Z"))
            records.append(Self.record("\(number)-other", words: words(letters, number + 10), fetchedAt: nil))
        }
        let chinese = (0..<300).map { String(UnicodeScalar(0x4E00 + ($0 * 7919) % 20_000)!) }
        var changed = chinese
        for index in stride(from: 5, to: 300, by: 60) { changed[index] = "的" }
        records.append(Self.record("zh-a", words: [chinese.joined()], fetchedAt: "2024-01-01T00:00:00Z"))
        records.append(Self.record("zh-b", words: [changed.joined()], fetchedAt: "2024-02-01T00:00:00Z"))
        let store = try PageStore(path: path)
        try store.store(records.map { .stored($0, worker: nil, extractionMilliseconds: 0) })
        let rows = try store.database.prepare("SELECT id || '=' || coalesce(group_id, '-') FROM pages ORDER BY id")
        var groups: [String] = []
        while try rows.step() { groups.append(rows.string(at: 0) ?? "") }
        #expect(
            groups == [
                "0-a=0-a", "0-b=0-a", "0-other=-", "1-a=1-a", "1-b=1-a", "1-other=-", "2-a=2-a", "2-b=2-a", "2-other=-",
                "zh-a=zh-a", "zh-b=zh-a",
            ])
    }
}
