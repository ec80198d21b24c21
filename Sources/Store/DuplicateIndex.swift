import Enrichment
import PageModel

/// Groups of pages with the same content, across the whole database, kept as pages are stored:
/// exact duplicates by the hash of their normalised text, near duplicates by their MinHash
/// signatures (kept in `page_signatures` under a number), banded into LSH buckets of numbers
/// held in memory (rebuilt from the signatures when the store opens, before the collector takes
/// its first result) and checked against the threshold. A bucket entry left by a transaction
/// that rolled back, or by a page whose text was replaced, only costs a lookup: its signature
/// is missing or no longer the page's.
///
/// A group is the connected set of pages joined by the pairs found (`duplicate_pairs`), and its
/// representative the member fetched earliest, then the smallest id: each pair is found
/// whichever page arrives first, so the same pages give the same groups and representatives
/// whatever the order and however many workers. Every member's `group_id` names the
/// representative; a page in no group has none. A page is placed before its row is written, so
/// that the row is written once with its group; only the groups it joins are rewritten.
final class DuplicateIndex {
    /// What to look for.
    enum Mode: String, Sendable {
        case off, exact, near
    }

    /// A duplicate found: the other page, the estimated similarity, `exact` or `near`.
    struct Match: Equatable {
        var id: String
        var similarity: Double
        var kind: String
    }

    /// Where a page goes: the pages it duplicates, the groups they are in (named by their
    /// representatives) and the representative of the group they make with the page.
    struct Placement {
        var matches: [Match] = []
        var groups: Set<String> = []
        /// The groups among them of one page, not yet named in its row.
        var singletons: Set<String> = []
        /// nil when the page duplicates nothing.
        var representative: String?
        /// The page's LSH buckets, one a band; empty without near duplicates to look for.
        var buckets: [UInt64] = []
    }

    let mode: Mode
    private let threshold: Double
    private let hasher: MinHasher
    /// Whether a page that is not its group's representative keeps its text.
    private let keepsEveryText: Bool
    /// Signature numbers by the key of each (band, bucket) they fall in.
    private var buckets = BandBuckets()
    private let statements: DuplicateStatements

    init(
        _ database: Database, mode: Mode, threshold: Double, keepsEveryText: Bool = true,
        hasher: MinHasher = .standard
    ) throws(StoreError) {
        (self.mode, self.threshold, self.hasher) = (mode, threshold, hasher)
        self.keepsEveryText = keepsEveryText
        statements = try DuplicateStatements(database, valuesPerSignature: hasher.bands * hasher.rows)
        if mode == .near { try loadBuckets() }
    }

    /// Bytes the LSH buckets take in memory.
    var memoryBytes: Int { buckets.bytes }

    /// Whether a page placed with `placement` keeps its text.
    func keepsText(of id: String, _ placement: Placement) -> Bool {
        keepsEveryText || placement.representative == nil || placement.representative == id
    }

    /// Finds what a record duplicates and the representative of its group, writing nothing.
    func place(_ record: PageRecord) throws(StoreError) -> Placement {
        var placement = Placement()
        guard mode != .off, !record.text.isEmpty else { return placement }
        if mode == .near, record.minhash.count == hasher.bands * hasher.rows {
            // The same text has the same signature, so its pages share every bucket: the buckets
            // find exact duplicates too, told apart by the hash of their text.
            let values = Self.lowHalves(record.minhash)
            placement.buckets = hasher.bandKeys(values).enumerated().map { Self.bucket(band: $0, key: $1) }
            placement.matches = try nearMatches(record, values, in: placement.buckets)
        } else {
            placement.matches = try statements.sameText(record.contentHash, excluding: record.id)
                .map { Match(id: $0, similarity: 1, kind: "exact") }
        }
        guard !placement.matches.isEmpty else { return placement }
        var best = GroupOrder(id: record.id, fetchedAt: record.fetchedAt)
        for match in placement.matches {
            let representative = try statements.representative(of: match.id)
            placement.groups.insert(representative.id)
            if representative.alone { placement.singletons.insert(representative.id) }
            if representative.precedes(best) { best = representative }
        }
        placement.representative = best.id
        return placement
    }

    /// Records what `place` found once the record's row is written: its signature and buckets,
    /// the pairs, and the other groups merged under the representative.
    func commit(_ record: PageRecord, _ placement: Placement) throws(StoreError) {
        guard mode != .off, !record.text.isEmpty else { return }
        if !placement.buckets.isEmpty {
            let number = try statements.addSignature(record)
            if let number = UInt32(exactly: number) {
                for bucket in placement.buckets { buckets.insert(bucket, number) }
            }
        }
        guard let representative = placement.representative else { return }
        for match in placement.matches { try statements.addPair(record.id, match) }
        for group in placement.groups {
            let alone = placement.singletons.contains(group)
            if group == representative {
                if alone { try statements.setGroup(representative, of: group) }
            } else if alone {
                // One row to name, found by its key alone.
                try statements.setGroup(representative, of: group, droppingText: !keepsEveryText)
            } else {
                try statements.regroup(group, under: representative, droppingText: !keepsEveryText)
            }
        }
    }

    /// Takes a page out of its group before its text is replaced: its pairs go, and the rest of
    /// its group is grouped again from the pairs left (it may fall apart).
    func forget(_ id: String) throws(StoreError) {
        guard mode != .off else { return }
        let representative = try statements.representative(of: id).id
        let members = try statements.members(of: representative)
        try statements.deletePairs(of: id)
        guard !members.isEmpty else { return }
        var groups = UnionFind(members.map(\.id))
        for member in members where member.id != id {
            for other in try statements.pairedPages(of: member.id) { groups.join(member.id, other) }
        }
        for component in groups.components() {
            let ordered = members.filter { component.contains($0.id) }.sorted { $0.precedes($1) }
            let groupID = ordered.count > 1 ? ordered.first?.id : nil
            for member in ordered { try statements.setGroup(groupID, of: member.id) }
        }
    }

    /// Pages sharing an LSH bucket with the record whose signatures agree on at least the
    /// threshold's share of values, and which still hold the text signed: `exact` when it is
    /// the record's text.
    private func nearMatches(
        _ record: PageRecord, _ values: [UInt32], in recordBuckets: [UInt64]
    ) throws(StoreError) -> [Match] {
        // Few pages share a bucket: an array is cheaper than a set.
        var candidates: [UInt32] = []
        for bucket in recordBuckets {
            buckets.forEach(in: bucket) { number in if !candidates.contains(number) { candidates.append(number) } }
        }
        var matches: [Match] = []
        for number in candidates {
            guard let signed = try statements.signature(number: Int(number)), signed.id != record.id else { continue }
            let exact = signed.contentHash == record.contentHash
            let similarity = exact ? 1 : MinHasher.similarity(values, signed.values)
            guard similarity >= threshold, !matches.contains(where: { $0.id == signed.id }),
                try statements.contentHash(of: signed.id) == signed.contentHash
            else { continue }
            matches.append(Match(id: signed.id, similarity: similarity, kind: exact ? "exact" : "near"))
        }
        return matches.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
    }

    /// The values as the index keeps them: their low 16 bits, half the bytes on disk. Two
    /// different values agree there once in 65,536 times, which raises an estimated similarity
    /// by less than 0.0001 and leaves the bands' keys (128 bits a band) as good as unique.
    static func lowHalves(_ values: [UInt32]) -> [UInt32] {
        values.map { $0 & 0xFFFF }
    }

    /// One key for a band's bucket: the band mixed into the bucket's hash.
    private static func bucket(band: Int, key: Int64) -> UInt64 {
        UInt64(bitPattern: key) ^ (UInt64(band + 1) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Rebuilds the buckets from the signatures stored.
    private func loadBuckets() throws(StoreError) {
        try statements.everySignature { number, values in
            guard let number = UInt32(exactly: number) else { return }
            for (band, key) in hasher.bandKeys(values).enumerated() {
                buckets.insert(Self.bucket(band: band, key: key), number)
            }
        }
    }
}

/// A page as groups order them: fetched earliest first (pages without a fetch time last),
/// then the smallest id, compared as SQLite compares text (bytes).
struct GroupOrder {
    var id: String
    var fetchedAt: String?
    /// Whether the page is in no group yet.
    var alone = false

    func precedes(_ other: GroupOrder) -> Bool {
        switch (fetchedAt, other.fetchedAt) {
        case let (mine?, theirs?) where mine != theirs: return mine.utf8.lexicographicallyPrecedes(theirs.utf8)
        case (.some, nil): return true
        case (nil, .some): return false
        default: return id.utf8.lexicographicallyPrecedes(other.id.utf8)
        }
    }
}

/// Connected sets of ids, joined pair by pair.
struct UnionFind {
    private var parent: [String: String]

    init(_ ids: [String]) {
        parent = Dictionary(ids.map { ($0, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func root(_ id: String) -> String {
        var current = id
        while let up = parent[current], up != current { current = up }
        parent[id] = current
        return current
    }

    /// Joins two ids' sets; an id not given at the start is ignored.
    mutating func join(_ first: String, _ second: String) {
        guard parent[first] != nil, parent[second] != nil else { return }
        let (a, b) = (root(first), root(second))
        if a != b { parent[a] = b }
    }

    mutating func components() -> [Set<String>] {
        var sets: [String: Set<String>] = [:]
        for id in parent.keys { sets[root(id), default: []].insert(id) }
        return Array(sets.values)
    }
}
