import Foundation
import Store
import Testing

/// `pagemill run`: the whole cluster from one command, bad inputs included.
extension EndToEndTests {
    @Suite(.serialized) struct RunCommandTests {
        @Test func badInputsBecomeFailuresAndTheRunStillSucceeds() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(300, into: "pages")
            func write(_ name: String, _ bytes: [UInt8]) throws {
                try Data(bytes).write(to: URL(fileURLWithPath: pages + "/" + name))
            }
            try write("bad-empty.html", [])
            try write(
                "bad-binary.html",
                [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D] + (0..<4000).map { UInt8(truthy: $0 % 7 == 0) })
            try write(
                "good-invalid-utf8.txt",
                Array("Title line\n\nA café that sells ".utf8) + [0xFF, 0xFE, 0xC3]
                    + Array(" good bread every morning.\n".utf8))
            try write("bad-huge.html", Array(repeating: UInt8(ascii: "a"), count: 50 << 20))
            try write(
                "mixed.jsonl",
                Array(
                    """
                    {"id": "good-jsonl", "html": "<p>A good page sent as JSON Lines, with enough words in it.</p>"}
                    {this is not json
                    """.utf8))
            let database = folder.file("run.sqlite")
            let run = try RoleProcess(["run", pages, "--db", database, "--workers", "2"], log: folder.file("run.log"))
            let status = run.waitForExit(timeout: .seconds(300))
            #expect(status == 0, "run: \(run.log)")
            let counts = storedCounts(database)
            #expect(counts?.pages == 302, "\(run.log)")
            #expect(counts?.failures == 4, "\(run.log)")
            let ids = try storedIDs(database)
            #expect(ids.contains("good-invalid-utf8.txt") && ids.contains("good-jsonl"))
            #expect(run.log.contains("pages stored:   302"))
            #expect(run.log.contains("pages failed:   4"))
        }

        /// Workers put the links in their records, the collector in the links table: the
        /// content's by default, every kind with `--links all`, resolved against each page's URL.
        @Test func linksAndKeywordsReachTheirTables() throws {
            let folder = try TemporaryFolder()
            let story =
                "<p>The council met on Tuesday and, <a href=\\\"minutes.html#vote\\\">its minutes say</a>, voted to "
                + "open the new bridge in spring, after two years of work on the river banks and the old roads.</p>"
            let lines = (0..<3).map { index in
                #"{"id": "page-\#(index)", "url": "https://news.example.com/town/\#(index)/story.html", "html": ""#
                    + #"<html><body><nav><a href=\"/\">Home</a></nav><main><article>\#(story)</article></main>"#
                    + #"<footer><a href=\"/about\">About</a></footer></body></html>"}"#
            }
            try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder.file("dump.jsonl")))
            func rows(_ database: String, _ query: String) throws -> [String] {
                let statement = try Database(path: database, readOnly: true).prepare(query)
                var rows: [String] = []
                while try statement.step() { rows.append(statement.string(at: 0) ?? "") }
                return rows
            }
            func links(_ options: [String], _ name: String) throws -> [String] {
                let database = folder.file("\(name).sqlite")
                let run = try RoleProcess(
                    ["run", folder.file("dump.jsonl"), "--db", database, "--workers", "1", "--no-journal"] + options,
                    log: folder.file("\(name).log"))
                #expect(run.waitForExit(timeout: .seconds(120)) == 0, "\(run.log)")
                return try rows(
                    database, "SELECT page_id || ' ' || url || ' ' || kind FROM links ORDER BY page_id, position")
            }
            #expect(
                try links([], "content")
                    == (0..<3).map {
                        "page-\($0) https://news.example.com/town/\($0)/minutes.html content"
                    })
            let every = try links(["--links", "all"], "all")
            #expect(every.count == 9, "\(every)")
            #expect(every.contains("page-0 https://news.example.com/ navigation"))
            #expect(every.contains("page-2 https://news.example.com/about navigation"))
            #expect(try links(["--links", "none", "--no-keywords"], "none").isEmpty)
            // The workers' key phrases reach the keywords table too, ten a page at most, but not
            // with --no-keywords.
            let keywords = try rows(
                folder.file("content.sqlite"),
                "SELECT page_id || ' ' || phrase FROM keywords ORDER BY page_id, position")
            #expect(keywords.contains("page-0 river banks"), "\(keywords)")
            #expect(Set(keywords.map { $0.prefix(6) }).count == 3)
            #expect(try rows(folder.file("none.sqlite"), "SELECT count(*) FROM keywords") == ["0"])
            // The run loaded empty tables without their name indexes and built them at the end.
            #expect(
                try rows(
                    folder.file("content.sqlite"),
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN "
                        + "('entities_name', 'keywords_phrase', 'quotes_speaker') ORDER BY name")
                    == ["entities_name", "keywords_phrase", "quotes_speaker"])
        }

        @Test func repeatedIdsAreCountedAsDuplicatesNotAsStored() throws {
            let folder = try TemporaryFolder()
            let lines = (0..<150).map {
                #"{"id": "page-\#($0 % 50)", "html": "<p>Copy \#($0 / 50) of page \#($0 % 50), with a few words.</p>"}"#
            }
            try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder.file("dump.jsonl")))
            let database = folder.file("run.sqlite")
            let run = try RoleProcess(
                ["run", folder.file("dump.jsonl"), "--db", database, "--workers", "2", "--no-journal"],
                log: folder.file("run.log"))
            #expect(run.waitForExit(timeout: .seconds(120)) == 0, "\(run.log)")
            #expect(storedCounts(database)?.pages == 50)
            #expect(run.log.contains("pages stored:   50\n"), "\(run.log)")
            #expect(run.log.contains("duplicate ids:  100 "), "\(run.log)")
            // With a journal, a repeat read after its first copy was committed is passed over instead.
            let journaled = folder.file("journaled.sqlite")
            let again = try RoleProcess(
                ["run", folder.file("dump.jsonl"), "--db", journaled, "--workers", "2"], log: folder.file("again.log"))
            #expect(again.waitForExit(timeout: .seconds(120)) == 0, "\(again.log)")
            #expect(storedCounts(journaled)?.pages == 50)
            func count(_ label: String) -> Int {
                guard let line = again.log.split(separator: "\n").first(where: { $0.hasPrefix(label) }) else {
                    return 0
                }
                return Int(line.dropFirst(label.count).trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }) ?? 0
            }
            #expect(count("duplicate ids:") + count("already stored:") == 100, "\(again.log)")
        }

        @Test func aSecondCrawlIntoTheSameDatabaseVersionsTheChangedPages() throws {
            let folder = try TemporaryFolder()
            func crawl(_ name: String, date: String, changed: Range<Int>) throws -> String {
                let lines = (0..<40).map { index in
                    let words = changed.contains(index) ? "rewritten with other words entirely" : "as first written"
                    return #"{"id": "page-\#(index)", "fetched_at": "\#(date)", "html": "<article><p>Page "#
                        + #"\#(index), \#(words), with enough words to be a page of its own.</p></article>"}"#
                }
                try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: folder.file(name)))
                return folder.file(name)
            }
            let database = folder.file("crawls.sqlite")
            let first = try crawl("first.jsonl", date: "2024-01-01T00:00:00Z", changed: 0..<0)
            let second = try crawl("second.jsonl", date: "2024-02-01T00:00:00Z", changed: 0..<10)
            for (input, name) in [(first, "first"), (second, "second"), (second, "again")] {
                // The default journal is kept: it must not pass over the second crawl's new fetches.
                let run = try RoleProcess(
                    ["run", input, "--db", database, "--workers", "2", "--on-existing", "version", "--dedup", "off"],
                    log: folder.file(name + ".log"))
                #expect(run.waitForExit(timeout: .seconds(120)) == 0, "\(run.log)")
                if name == "second" {
                    #expect(run.log.contains("replaced:       10 stored pages by a later fetch"), "\(run.log)")
                    #expect(run.log.contains("duplicate ids:  30 "), "unchanged pages: \(run.log)")
                }
                if name == "again" { #expect(run.log.contains("already stored: 40 "), "\(run.log)") }
            }
            let store = try PageStore(path: database, deduplication: .off)
            #expect(try store.counts().pages == 40)
            let versions = try store.database.prepare(
                "SELECT count(*), min(fetched_at), max(fetched_at) FROM page_versions")
            #expect(try versions.step())
            #expect(versions.int(at: 0) == 10 && versions.string(at: 1) == "2024-01-01T00:00:00Z")
            let latest = try store.database.prepare(
                "SELECT count(*) FROM pages WHERE fetched_at = '2024-02-01T00:00:00Z' AND text LIKE '%rewritten%'")
            #expect(try latest.step() && latest.int(at: 0) == 10)
        }

        @Test func aMissingInputIsAOneLineErrorWithExitCodeTwo() throws {
            let folder = try TemporaryFolder()
            let run = try RoleProcess(
                ["run", folder.file("nowhere"), "--db", folder.file("x.sqlite")], log: folder.file("run.log"))
            #expect(run.waitForExit(timeout: .seconds(30)) == 2)
            #expect(run.log.contains("nowhere: no such file or folder"))
            #expect(run.log.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: folder.file("x.sqlite")))
        }

        @Test func anUnusableDatabaseIsAOneLineErrorWithExitCodeTwo() throws {
            let folder = try TemporaryFolder()
            let pages = try folder.generatePages(3, into: "pages")
            let run = try RoleProcess(
                ["run", pages, "--db", folder.file("no/such/folder/x.sqlite")], log: folder.file("run.log"))
            #expect(run.waitForExit(timeout: .seconds(30)) == 2)
            #expect(run.log.hasPrefix("pagemill: error: cannot use --db"))
        }
    }
}

private extension UInt8 {
    init(truthy: Bool) { self = truthy ? 0 : 0x41 }
}

/// The worker command line `run` builds, read back by `work`'s own parser: the same settings.
extension EndToEndTests.RunCommandTests {
    @Test func theWorkerCommandLineRunBuildsIsTheOneWorkReads() throws {
        let folder = try TemporaryFolder()
        let pages = try folder.generatePages(2, into: "pages")
        let settings = [
            "--credit", "7", "--lease", "9.5", "--peer-timeout", "2", "--drain-grace", "3", "--page-timeout", "11",
            "--max-page-bytes", "123456", "--log-level", "error", "--shingle-words", "4", "--minhash-bands", "20",
            "--minhash-rows", "5", "--links", "all", "--dedup", "exact",
        ]
        let run = try RoleProcess(
            ["run", pages, "--db", folder.file("x.sqlite"), "--print-worker-launch"] + settings,
            log: folder.file("run.log"))
        #expect(run.waitForExit(timeout: .seconds(30)) == 0, "\(run.log)")
        let lines = run.log.split(separator: "\n").map(String.init)
        try #require(lines.count == 2, "\(run.log)")
        let intended = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let arguments = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String])
        #expect(arguments.first == "work")
        let work = try RoleProcess(arguments + ["--print-launch"], log: folder.file("work.log"))
        #expect(work.waitForExit(timeout: .seconds(30)) == 0, "\(work.log)")
        // Both sides print the value with one encoder, keys sorted: equal values, equal text.
        let parsed = work.log.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(parsed == lines[0], "run meant \(lines[0]), work read \(parsed)")
        #expect(
            intended["credit"] as? Int == 7 && intended["lease"] as? Double == 9.5
                && intended["logLevel"] as? String == "error" && intended["shingleWords"] as? Int == 4
                && intended["minhashBands"] as? Int == 20 && intended["minhashRows"] as? Int == 5
                && intended["links"] as? String == "all" && intended["noSignature"] as? Bool == true)
    }
}
