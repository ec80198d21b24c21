import ArgumentParser
import Foundation
import Store

/// What a database holds: pages, duplicate groups and the share of duplicates, by site and language.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print what a database holds: pages, duplicate groups, the duplicate share, by site and language.",
        discussion: """
            A page is a duplicate when it is in a group (group_id) and not its representative; \
            distinct pages are the rest (the distinct_pages view). Sites are URL hosts.

            Example: pagemill stats --db pages.sqlite --top 20
            """
    )

    @Option(help: "The SQLite database to read.")
    var db: String

    @Option(help: "Sites and languages to list, the largest first.")
    var top: Int = 10

    func validate() throws {
        guard top >= 0 else { throw ValidationError("--top must not be negative") }
        guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no database at \(db)") }
    }

    func run() throws {
        let statistics = try failingBeforeStart { () throws(StoreError) in
            try StoreStatistics.read(try PageStore(path: db, deduplication: .off), top: top)
        }
        print(
            """
            pages:          \(statistics.pages) (\(statistics.failures) failures)
            distinct:       \(statistics.distinct) (\(percent(statistics.duplicateShare)) duplicates)
            groups:         \(statistics.groups), holding \(statistics.pagesInGroups) pages; \
            \(statistics.pairs) pairs found
            """)
        for (title, shares) in [("site", statistics.bySite), ("language", statistics.byLanguage)] where !shares.isEmpty
        {
            print("\n| \(title) | pages | distinct | duplicates |\n|---|---|---|---|")
            for share in shares {
                print("| \(share.name) | \(share.pages) | \(share.distinct) | \(percent(share.duplicateShare)) |")
            }
        }
    }

    private func percent(_ share: Double) -> String { String(format: "%.1f %%", share * 100) }
}
