import PageModel

/// Writes a page's links into `links`, those of the kinds the store keeps: the rows of a page
/// replaced by a later fetch are replaced with it.
final class LinkWriter {
    private let kinds: Set<PageLink.Kind>
    private let insertLink: Statement
    private let deleteLinks: Statement

    init(_ database: Database, kinds: Set<PageLink.Kind>) throws(StoreError) {
        self.kinds = kinds
        insertLink = try database.prepare(
            "INSERT OR REPLACE INTO links (page_id, position, url, anchor_text, kind) VALUES (?1, ?2, ?3, ?4, ?5)")
        deleteLinks = try database.prepare("DELETE FROM links WHERE page_id = ?1")
    }

    /// Writes `record`'s links; `replacing`: the page's earlier links go first.
    func write(_ record: PageRecord, replacing: Bool = false) throws(StoreError) {
        if replacing {
            try deleteLinks.bind(record.id, at: 1)
            defer { deleteLinks.reset() }
            try deleteLinks.step()
        }
        guard !kinds.isEmpty else { return }
        var position = 0
        for link in record.links where kinds.contains(link.kind) {
            try insertLink.bind(record.id, at: 1)
            try insertLink.bind(position, at: 2)
            try insertLink.bind(link.url, at: 3)
            try insertLink.bind(link.text, at: 4)
            try insertLink.bind(link.kind.rawValue, at: 5)
            defer { insertLink.reset() }
            try insertLink.step()
            position += 1
        }
    }
}
