/// What a database holds, for `pagemill stats`: pages, failures, duplicate groups and the share
/// of duplicates, overall and by site and by language.
public struct StoreStatistics: Sendable, Equatable {
    /// Pages and distinct pages (one a duplicate group) under one site or language.
    public struct Share: Sendable, Equatable {
        public var name: String
        public var pages: Int
        public var distinct: Int
        /// The share of pages that are another page's duplicate.
        public var duplicateShare: Double { pages > 0 ? Double(pages - distinct) / Double(pages) : 0 }
    }

    public var pages: Int
    public var failures: Int
    /// Duplicate groups, and the pages in them.
    public var groups: Int
    public var pagesInGroups: Int
    /// Pages with no duplicate, plus one a group: what `distinct_pages` holds.
    public var distinct: Int
    public var pairs: Int
    public var bySite: [Share]
    public var byLanguage: [Share]

    public var duplicateShare: Double { pages > 0 ? Double(pages - distinct) / Double(pages) : 0 }

    /// The site of a page: its URL's host, else its site name.
    static let siteExpression = """
        coalesce(CASE WHEN instr(url, '://') > 0 THEN substr(substr(url, instr(url, '://') + 3), 1,
            instr(substr(url, instr(url, '://') + 3) || '/', '/') - 1) END, nullif(site_name, ''), '(none)')
        """

    /// Reads the figures, the `top` sites and languages with the most pages.
    public static func read(_ store: PageStore, top: Int = 10) throws(StoreError) -> StoreStatistics {
        let database = store.database
        func integer(_ sql: String) throws(StoreError) -> Int {
            let statement = try database.prepare(sql)
            return try statement.step() ? statement.int(at: 0) : 0
        }
        func shares(_ expression: String) throws(StoreError) -> [Share] {
            let statement = try database.prepare(
                """
                SELECT \(expression) AS name, count(*), sum(group_id IS NULL OR group_id = id) FROM pages
                GROUP BY name ORDER BY count(*) DESC, name LIMIT ?1
                """)
            try statement.bind(top, at: 1)
            var rows: [Share] = []
            while try statement.step() {
                rows.append(
                    Share(
                        name: statement.string(at: 0) ?? "", pages: statement.int(at: 1), distinct: statement.int(at: 2)
                    ))
            }
            return rows
        }
        return StoreStatistics(
            pages: try integer("SELECT count(*) FROM pages"), failures: try integer("SELECT count(*) FROM failures"),
            groups: try integer("SELECT count(DISTINCT group_id) FROM pages WHERE group_id IS NOT NULL"),
            pagesInGroups: try integer("SELECT count(*) FROM pages WHERE group_id IS NOT NULL"),
            distinct: try integer("SELECT count(*) FROM distinct_pages"),
            pairs: try integer("SELECT count(*) FROM duplicate_pairs"),
            bySite: try shares(siteExpression), byLanguage: try shares("coalesce(language, '(none)')"))
    }
}
