import PageModel

/// Writes a page's links into `link_rows` (the view `links` to a reader), those of the kinds the store keeps: the rows of a page
/// replaced by a later fetch are replaced with it.
final class LinkWriter {
    private let kinds: Set<PageLink.Kind>
    private let links: PageRowTable

    init(_ database: Database, kinds: Set<PageLink.Kind>) throws(StoreError) {
        self.kinds = kinds
        links = try PageRowTable(database, table: "link_rows", columns: ["url", "anchor_text", "kind"])
    }

    /// Writes `record`'s links under `page`, its number; `replacing`: the page's earlier links go first.
    func write(_ record: PageRecord, page: Int, replacing: Bool = false) throws(StoreError) {
        if replacing { try links.deleteRows(of: page) }
        guard !kinds.isEmpty else { return }
        var position = 0
        for link in record.links where kinds.contains(link.kind) {
            try links.insertRow(of: page, at: position) { statement throws(StoreError) in
                try statement.bind(link.url, at: 3)
                try statement.bind(link.text, at: 4)
                try statement.bind(link.kind.rawValue, at: 5)
            }
            position += 1
        }
    }
}
