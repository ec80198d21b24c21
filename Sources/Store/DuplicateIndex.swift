import Enrichment
import PageModel

/// Groups of pages with the same content, across the whole database, kept as pages are stored:
/// exact duplicates by the hash of their normalised text, near duplicates by their MinHash
/// signatures (kept in `page_signatures`), banded into LSH buckets held in memory (rebuilt from
/// the signatures when the store opens) and checked against the threshold. A bucket entry left
/// by a transaction that rolled back only costs a lookup: its signature is not there to match.
///
/// A group is the connected set of pages joined by the pairs found (`duplicate_pairs`), and its
/// representative the member fetched earliest, then the smallest id: each pair is found
/// whichever page arrives first, so the same pages give the same groups and representatives
/// whatever the order and however many workers. Every member's `group_id` names the
/// representative; a page in no group has none. All within the store's transaction.
final class DuplicateIndex {
    /// What to look for.
    enum Mode: String, Sendable {
        case off, exact, near
    }

    private let mode: Mode
    private let threshold: Double
    private let hasher: MinHasher
    private let sameText: Statement
    /// Pages by the key of each (band, bucket) they fall in; pages as numbers into `pageIDs`.
    private var buckets: [UInt64: [Int32]] = [:]
    private var pageIDs: [String] = []
    private var bucketsLoaded = false
    private let allSignatures: Statement
    private let signature: Statement
    private let addSignature: Statement
    private let addPair: Statement
    private let groupOf: Statement
    private let earliest: Statement
    private let regroup: Statement

    init(_ database: Database, mode: Mode, threshold: Double, hasher: MinHasher = .standard) throws(StoreError) {
        (self.mode, self.threshold, self.hasher) = (mode, threshold, hasher)
        sameText = try database.prepare("SELECT id FROM pages WHERE content_hash = ?1 AND id <> ?2 LIMIT 64")
        allSignatures = try database.prepare("SELECT id, signature FROM page_signatures")
        signature = try database.prepare("SELECT signature FROM page_signatures WHERE id = ?1")
        addSignature = try database.prepare("INSERT OR REPLACE INTO page_signatures (id, signature) VALUES (?1, ?2)")
        addPair = try database.prepare(
            "INSERT OR IGNORE INTO duplicate_pairs (a, b, similarity, kind) VALUES (?1, ?2, ?3, ?4)")
        groupOf = try database.prepare("SELECT coalesce(group_id, id) FROM pages WHERE id = ?1")
        earliest = try database.prepare(
            "SELECT id FROM pages WHERE id IN (?1, ?2) ORDER BY fetched_at IS NULL, fetched_at, id LIMIT 1")
        regroup = try database.prepare(
            "UPDATE pages SET group_id = ?1 WHERE id IN (?2, ?3) OR group_id IN (?2, ?3)")
    }

    /// Finds the duplicates of a record just stored, records the pairs and joins the groups.
    func add(_ record: PageRecord) throws(StoreError) {
        guard mode != .off, !record.text.isEmpty else { return }
        var matches: [(id: String, similarity: Double, kind: String)] = []
        try sameText.bind(record.contentHash, at: 1)
        try sameText.bind(record.id, at: 2)
        while try sameText.step() { if let id = sameText.string(at: 0) { matches.append((id, 1, "exact")) } }
        sameText.reset()
        if mode == .near, record.minhash.count == hasher.bands * hasher.rows {
            matches += try nearMatches(record, excluding: Set(matches.map(\.id)))
        }
        for match in matches {
            let (first, second) = record.id < match.id ? (record.id, match.id) : (match.id, record.id)
            try addPair.bind(first, at: 1)
            try addPair.bind(second, at: 2)
            try addPair.bind(match.similarity, at: 3)
            try addPair.bind(match.kind, at: 4)
            try addPair.step()
            addPair.reset()
            try join(record.id, match.id)
        }
    }

    /// Pages sharing an LSH bucket with the record whose signatures agree on at least the
    /// threshold's share of values; the record's buckets and signature are added.
    private func nearMatches(
        _ record: PageRecord, excluding known: Set<String>
    ) throws(StoreError) -> [(id: String, similarity: Double, kind: String)] {
        if !bucketsLoaded { try loadBuckets() }
        var candidates: Set<String> = []
        let page = Int32(pageIDs.count)
        pageIDs.append(record.id)
        for (band, key) in hasher.bandKeys(record.minhash).enumerated() {
            let bucket = Self.bucket(band: band, key: key)
            // A bucket everyone falls in (a page template) is not worth more than its first pages.
            for other in (buckets[bucket] ?? []).prefix(64) { candidates.insert(pageIDs[Int(other)]) }
            buckets[bucket, default: []].append(page)
        }
        try addSignature.bind(record.id, at: 1)
        try addSignature.bind(values: record.minhash, at: 2)
        try addSignature.step()
        addSignature.reset()
        var matches: [(id: String, similarity: Double, kind: String)] = []
        for candidate in candidates.subtracting(known).subtracting([record.id]).sorted() {
            try signature.bind(candidate, at: 1)
            let stored = try signature.step() ? signature.values(at: 0) : []
            signature.reset()
            let similarity = MinHasher.similarity(record.minhash, stored)
            if similarity >= threshold { matches.append((candidate, similarity, "near")) }
        }
        return matches
    }

    /// One key for a band's bucket: the band mixed into the bucket's hash.
    private static func bucket(band: Int, key: Int64) -> UInt64 {
        UInt64(bitPattern: key) ^ (UInt64(band + 1) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Rebuilds the buckets from the signatures stored.
    private func loadBuckets() throws(StoreError) {
        bucketsLoaded = true
        defer { allSignatures.reset() }
        while try allSignatures.step() {
            guard let id = allSignatures.string(at: 0) else { continue }
            let page = Int32(pageIDs.count)
            pageIDs.append(id)
            let values = allSignatures.values(at: 1)
            for (band, key) in hasher.bandKeys(values).enumerated() {
                buckets[Self.bucket(band: band, key: key), default: []].append(page)
            }
        }
    }

    /// Joins the groups of two pages under the earlier of their representatives.
    private func join(_ first: String, _ second: String) throws(StoreError) {
        let (firstGroup, secondGroup) = (try group(of: first), try group(of: second))
        guard firstGroup != secondGroup else { return }
        try earliest.bind(firstGroup, at: 1)
        try earliest.bind(secondGroup, at: 2)
        let representative = try earliest.step() ? earliest.string(at: 0) ?? firstGroup : firstGroup
        earliest.reset()
        try regroup.bind(representative, at: 1)
        try regroup.bind(firstGroup, at: 2)
        try regroup.bind(secondGroup, at: 3)
        try regroup.step()
        regroup.reset()
    }

    private func group(of id: String) throws(StoreError) -> String {
        try groupOf.bind(id, at: 1)
        defer { groupOf.reset() }
        return try groupOf.step() ? groupOf.string(at: 0) ?? id : id
    }
}
