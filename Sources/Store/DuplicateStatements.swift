import PageModel

/// The SQL behind `DuplicateIndex`, one prepared statement each, run inside the store's
/// transaction.
final class DuplicateStatements {
    private let database: Database
    private let sameTextStatement: Statement
    private let allSignatures: Statement
    private let signatureByNumber: Statement
    private let insertSignature: Statement
    private let currentHash: Statement
    private let insertPair: Statement
    private let representativeStatement: Statement
    private let regroupStatement: Statement
    private let regroupDroppingText: Statement
    private let membersStatement: Statement
    private let removePairs: Statement
    private let pairedStatement: Statement
    private let setGroupStatement: Statement
    private let setGroupDroppingText: Statement

    /// Values a signature.
    private let count: Int

    init(_ database: Database, valuesPerSignature: Int) throws(StoreError) {
        self.database = database
        count = valuesPerSignature
        sameTextStatement = try database.prepare(
            "SELECT id FROM pages WHERE content_hash = ?1 AND id <> ?2 ORDER BY id LIMIT 64")
        allSignatures = try database.prepare("SELECT number, signature FROM page_signatures")
        signatureByNumber = try database.prepare(
            "SELECT id, content_hash, signature FROM page_signatures WHERE number = ?1")
        insertSignature = try database.prepare(
            "INSERT INTO page_signatures (id, content_hash, signature) VALUES (?1, ?2, ?3)")
        currentHash = try database.prepare("SELECT content_hash FROM pages WHERE id = ?1")
        insertPair = try database.prepare(
            "INSERT OR IGNORE INTO duplicate_pairs (a, b, similarity, kind) VALUES (?1, ?2, ?3, ?4)")
        representativeStatement = try database.prepare(
            """
            SELECT id, fetched_at, group_id IS NULL FROM pages
            WHERE id = (SELECT coalesce(group_id, id) FROM pages WHERE id = ?1)
            """)
        regroupStatement = try database.prepare(
            "UPDATE pages SET group_id = ?1 WHERE group_id = ?2 OR id = ?2")
        regroupDroppingText = try database.prepare(
            "UPDATE pages SET group_id = ?1, text = '' WHERE group_id = ?2 OR id = ?2")
        membersStatement = try database.prepare("SELECT id, fetched_at FROM pages WHERE group_id = ?1")
        removePairs = try database.prepare("DELETE FROM duplicate_pairs WHERE a = ?1 OR b = ?1")
        pairedStatement = try database.prepare(
            "SELECT b FROM duplicate_pairs WHERE a = ?1 UNION ALL SELECT a FROM duplicate_pairs WHERE b = ?1")
        setGroupStatement = try database.prepare("UPDATE pages SET group_id = ?1 WHERE id = ?2")
        setGroupDroppingText = try database.prepare("UPDATE pages SET group_id = ?1, text = '' WHERE id = ?2")
    }

    /// Other pages whose normalised text hashes to `hash`, at most 64.
    func sameText(_ hash: String, excluding id: String) throws(StoreError) -> [String] {
        try sameTextStatement.bind(hash, at: 1)
        try sameTextStatement.bind(id, at: 2)
        defer { sameTextStatement.reset() }
        var ids: [String] = []
        while try sameTextStatement.step() { if let other = sameTextStatement.string(at: 0) { ids.append(other) } }
        return ids
    }

    /// Calls `body` with every stored signature and its number.
    func everySignature(_ body: (Int, [UInt32]) -> Void) throws(StoreError) {
        defer { allSignatures.reset() }
        while try allSignatures.step() {
            body(allSignatures.int(at: 0), allSignatures.lowHalves(at: 1, count: count))
        }
    }

    /// The signature stored under `number`: whose, of which text, and its values (their low halves).
    func signature(number: Int) throws(StoreError) -> (id: String, contentHash: String, values: [UInt32])? {
        try signatureByNumber.bind(number, at: 1)
        defer { signatureByNumber.reset() }
        guard try signatureByNumber.step(), let id = signatureByNumber.string(at: 0) else { return nil }
        return (id, signatureByNumber.string(at: 1) ?? "", signatureByNumber.lowHalves(at: 2, count: count))
    }

    /// Stores the low halves of a record's signature values (`DuplicateIndex`); returns its number.
    func addSignature(_ record: PageRecord) throws(StoreError) -> Int {
        try insertSignature.bind(record.id, at: 1)
        try insertSignature.bind(record.contentHash, at: 2)
        try insertSignature.bind(lowHalves: record.minhash, at: 3)
        defer { insertSignature.reset() }
        try insertSignature.step()
        return database.lastInsertedRowID
    }

    /// The hash of the text a page holds now, nil when there is no such page.
    func contentHash(of id: String) throws(StoreError) -> String? {
        try currentHash.bind(id, at: 1)
        defer { currentHash.reset() }
        return try currentHash.step() ? currentHash.string(at: 0) : nil
    }

    /// Records a pair, smaller id first.
    func addPair(_ id: String, _ match: DuplicateIndex.Match) throws(StoreError) {
        let ordered = id.utf8.lexicographicallyPrecedes(match.id.utf8)
        try insertPair.bind(ordered ? id : match.id, at: 1)
        try insertPair.bind(ordered ? match.id : id, at: 2)
        try insertPair.bind(match.similarity, at: 3)
        try insertPair.bind(match.kind, at: 4)
        defer { insertPair.reset() }
        try insertPair.step()
    }

    /// The representative of a page's group (the page itself when it is in none).
    func representative(of id: String) throws(StoreError) -> GroupOrder {
        try representativeStatement.bind(id, at: 1)
        defer { representativeStatement.reset() }
        guard try representativeStatement.step(), let found = representativeStatement.string(at: 0) else {
            return GroupOrder(id: id, fetchedAt: nil)
        }
        return GroupOrder(
            id: found, fetchedAt: representativeStatement.string(at: 1), alone: representativeStatement.int(at: 2) != 0)
    }

    /// Moves every page of the group `group` (its representative included) under `representative`.
    func regroup(_ group: String, under representative: String, droppingText: Bool) throws(StoreError) {
        let statement = droppingText ? regroupDroppingText : regroupStatement
        try statement.bind(representative, at: 1)
        try statement.bind(group, at: 2)
        defer { statement.reset() }
        try statement.step()
    }

    /// The pages whose group is named `group`.
    func members(of group: String) throws(StoreError) -> [GroupOrder] {
        try membersStatement.bind(group, at: 1)
        defer { membersStatement.reset() }
        var members: [GroupOrder] = []
        while try membersStatement.step() {
            guard let id = membersStatement.string(at: 0) else { continue }
            members.append(GroupOrder(id: id, fetchedAt: membersStatement.string(at: 1)))
        }
        return members
    }

    func deletePairs(of id: String) throws(StoreError) {
        try removePairs.bind(id, at: 1)
        defer { removePairs.reset() }
        try removePairs.step()
    }

    /// The pages paired with `id`.
    func pairedPages(of id: String) throws(StoreError) -> [String] {
        try pairedStatement.bind(id, at: 1)
        defer { pairedStatement.reset() }
        var ids: [String] = []
        while try pairedStatement.step() { if let other = pairedStatement.string(at: 0) { ids.append(other) } }
        return ids
    }

    /// Names one page's group, and drops its text when asked.
    func setGroup(_ group: String?, of id: String, droppingText: Bool = false) throws(StoreError) {
        let statement = droppingText ? setGroupDroppingText : setGroupStatement
        try statement.bind(group, at: 1)
        try statement.bind(id, at: 2)
        defer { statement.reset() }
        try statement.step()
    }
}
