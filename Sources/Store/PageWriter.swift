import PageModel

/// Writes one record's row inside the store's transaction: a new page with its duplicate group,
/// or a page whose id is already stored, as the `ExistingPages` policy says.
final class PageWriter {
    /// What writing a record did.
    enum Written: Equatable {
        /// A new row.
        case new
        /// The stored row was replaced by a newer fetch (`replace`, or `version` with the stored
        /// one moved to `page_versions`).
        case replaced
        /// An older fetch went into `page_versions`; `pages` is unchanged.
        case versioned
        /// Nothing written: the same fetch again (a redelivery), the same content again, an older
        /// fetch under `replace`, or any stored id under `keep`.
        case alreadyStored
    }

    private let database: Database
    private let policy: PageStore.ExistingPages
    private let duplicates: DuplicateIndex
    private let insertPage: Statement
    private let replacePage: Statement
    private let storedFetch: Statement
    private let archiveCurrent: Statement
    private let insertVersion: Statement
    private let links: LinkWriter
    private let annotations: AnnotationWriter

    init(
        _ database: Database, duplicates: DuplicateIndex, policy: PageStore.ExistingPages,
        storedLinks: Set<PageLink.Kind>
    ) throws(StoreError) {
        (self.database, self.duplicates, self.policy) = (database, duplicates, policy)
        links = try LinkWriter(database, kinds: storedLinks)
        annotations = try AnnotationWriter(database)
        insertPage = try database.prepare(PageStore.insertSQL + " ON CONFLICT(id) DO NOTHING RETURNING number")
        replacePage = try database.prepare(
            """
            UPDATE pages SET url = ?2, canonical_url = ?3, title = ?4, authors = ?5, published = ?6,
                language = ?7, description = ?8, site_name = ?9, tags = ?10, image = ?11, text = ?12,
                word_count = ?13, content_hash = ?14, worker = ?15, extraction_ms = ?16, stored_at = ?17,
                fetched_at = ?18, archive = ?19, archive_offset = ?20, group_id = ?21, quality = ?22,
                pii = ?23, pii_spans = ?24
            WHERE id = ?1
            """)
        storedFetch = try database.prepare("SELECT fetched_at, content_hash, title, number FROM pages WHERE id = ?1")
        archiveCurrent = try database.prepare(
            "INSERT INTO page_versions (\(Self.columns)) SELECT \(Self.columns) FROM pages WHERE id = ?1")
        insertVersion = try database.prepare(
            """
            INSERT INTO page_versions (\(Self.columns))
            SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?22,
                ?23, ?24
            WHERE NOT EXISTS (SELECT 1 FROM page_versions WHERE id = ?1 AND fetched_at IS ?18)
            """)
    }

    /// The columns `pages` and `page_versions` share, in order.
    static let columns = """
        id, url, canonical_url, title, authors, published, language, description, site_name, tags, image, \
        text, word_count, content_hash, worker, extraction_ms, stored_at, fetched_at, archive, archive_offset, \
        quality, pii, pii_spans
        """

    /// Writes a record's row; `storedAt` is the batch's time.
    func write(
        _ record: PageRecord, worker: String?, milliseconds: Double, storedAt: String
    ) throws(StoreError)
        -> Written
    {
        let row = Row(record: record, worker: worker, milliseconds: milliseconds, storedAt: storedAt)
        // Without duplicates to place nor versions to weigh, the insert alone says whether the id is new.
        if duplicates.mode == .off, policy == .keep {
            guard let number = try insertNew(row, placement: .init()) else { return .alreadyStored }
            try writeRows(of: record, page: number)
            return .new
        }
        // Placed first, so that the row is written once with its group; a redelivery wastes
        // the placing, but new pages are spared a lookup of their id.
        let placement = try duplicates.place(record)
        if let number = try insertNew(row, placement: placement) {
            try duplicates.commit(record, placement)
            try writeRows(of: record, page: number)
            return .new
        }
        guard policy != .keep, let stored = try storedRow(record.id) else { return .alreadyStored }
        return try writeOver(stored, with: row)
    }

    /// A row to write: the record and what the collector adds to it.
    private struct Row {
        var record: PageRecord
        var worker: String?
        var milliseconds: Double
        var storedAt: String
    }

    /// Inserts a new page and returns its number; nil when its id is stored already.
    private func insertNew(_ row: Row, placement: DuplicateIndex.Placement) throws(StoreError) -> Int? {
        try bind(row, to: insertPage, keepingText: duplicates.keepsText(of: row.record.id, placement))
        try insertPage.bind(placement.representative, at: 21)
        defer { insertPage.reset() }
        guard try insertPage.step() else { return nil }
        return insertPage.int(at: 0)
    }

    /// What is stored under an id: enough to tell the same fetch and the same content.
    private struct StoredRow {
        var fetchedAt: String?
        var contentHash: String
        var title: String?
        var number: Int
    }

    private func storedRow(_ id: String) throws(StoreError) -> StoredRow? {
        try storedFetch.bind(id, at: 1)
        defer { storedFetch.reset() }
        guard try storedFetch.step() else { return nil }
        return StoredRow(
            fetchedAt: storedFetch.string(at: 0), contentHash: storedFetch.string(at: 1) ?? "",
            title: storedFetch.string(at: 2), number: storedFetch.int(at: 3))
    }

    private func writeOver(_ stored: StoredRow, with row: Row) throws(StoreError) -> Written {
        let record = row.record
        guard policy != .keep, record.fetchedAt != stored.fetchedAt,
            record.contentHash != stored.contentHash || record.title != stored.title
        else { return .alreadyStored }
        let newer = Self.isLater(record.fetchedAt, than: stored.fetchedAt)
        switch (policy, newer) {
        case (.version, false):
            try bind(row, to: insertVersion, keepingText: true)
            defer { insertVersion.reset() }
            try insertVersion.step()
            return database.changes > 0 ? .versioned : .alreadyStored
        case (.version, true):
            try archiveCurrent.bind(record.id, at: 1)
            defer { archiveCurrent.reset() }
            try archiveCurrent.step()
        case (_, false):
            return .alreadyStored
        default:
            break
        }
        try duplicates.forget(record.id)
        let placement = try duplicates.place(record)
        try bind(row, to: replacePage, keepingText: duplicates.keepsText(of: record.id, placement))
        try replacePage.bind(placement.representative, at: 21)
        defer { replacePage.reset() }
        try replacePage.step()
        try duplicates.commit(record, placement)
        try writeRows(of: record, page: stored.number, replacing: true)
        return .replaced
    }

    /// The rows a page has in other tables, under its number: its links, keywords, entities
    /// and quotes.
    private func writeRows(of record: PageRecord, page: Int, replacing: Bool = false) throws(StoreError) {
        try links.write(record, page: page, replacing: replacing)
        try annotations.write(record, page: page, replacing: replacing)
    }

    /// Whether fetch time `new` is later than `old`; a known time is later than an unknown one.
    static func isLater(_ new: String?, than old: String?) -> Bool {
        guard let new else { return false }
        guard let old else { return true }
        return old.utf8.lexicographicallyPrecedes(new.utf8)
    }

    /// Binds a row's 20 values in table order (`?17` is `stored_at`).
    private func bind(_ row: Row, to statement: Statement, keepingText: Bool) throws(StoreError) {
        let record = row.record
        try statement.bind(record.id, at: 1)
        try statement.bind(record.url, at: 2)
        try statement.bind(record.canonicalURL, at: 3)
        try statement.bind(record.title, at: 4)
        try statement.bind(PageRecord.jsonArray(record.authors), at: 5)
        try statement.bind(record.published, at: 6)
        try statement.bind(record.language, at: 7)
        try statement.bind(record.description, at: 8)
        try statement.bind(record.siteName, at: 9)
        try statement.bind(PageRecord.jsonArray(record.tags), at: 10)
        try statement.bind(record.image, at: 11)
        try statement.bind(keepingText ? record.text : "", at: 12)
        try statement.bind(record.wordCount, at: 13)
        try statement.bind(record.contentHash, at: 14)
        try statement.bind(row.worker, at: 15)
        try statement.bind(row.milliseconds, at: 16)
        try statement.bind(row.storedAt, at: 17)
        try statement.bind(record.fetchedAt, at: 18)
        try statement.bind(record.origin?.archive, at: 19)
        try statement.bind(record.origin?.offset, at: 20)
        try statement.bind(PageRecord.jsonObject(record.quality), at: 22)
        try statement.bind(PageRecord.jsonObject(record.pii), at: 23)
        try statement.bind(record.piiSpans.isEmpty ? nil : PageRecord.jsonArray(record.piiSpans), at: 24)
    }
}
