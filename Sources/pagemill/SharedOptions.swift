import Enrichment
import ArgumentParser
import Cluster
import Foundation
import Logging
import PageModel
import PageInput
import Store
import WireProtocol

/// The two endpoints every role takes, so one pair of settings configures a deployment.
struct EndpointOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Where the producer hands pages out: it binds here, workers and the collector connect. (env: "
                + "PAGEMILL_PRODUCER)",
            valueName: "endpoint"))
    var producer: String = ProcessInfo.processInfo.environment["PAGEMILL_PRODUCER"] ?? "tcp://127.0.0.1:5557"

    @Option(
        help: ArgumentHelp(
            "Where the collector takes results: it binds here, workers connect. (env: PAGEMILL_COLLECTOR)",
            valueName: "endpoint"))
    var collector: String = ProcessInfo.processInfo.environment["PAGEMILL_COLLECTOR"] ?? "tcp://127.0.0.1:5558"

    func validate() throws {
        for endpoint in [producer, collector] {
            if let problem = Endpoint.problem(with: endpoint) { throw ValidationError(problem) }
        }
    }
}

/// Settings of the delivery protocol, shared by the roles.
struct TimingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Seconds a page may stay with a worker, then with the collector, before it goes to another.",
            valueName: "seconds"))
    var lease: Double = 60

    @Option(help: ArgumentHelp("Seconds of silence after which a peer is taken for dead.", valueName: "seconds"))
    var peerTimeout: Double = 5

    @Option(
        help: ArgumentHelp(
            "Seconds a role may take to drain after SIGTERM before it stops regardless.", valueName: "seconds"))
    var drainGrace: Double = 20

    @Option(help: ArgumentHelp("Times a page is handed out before it is recorded as failed.", valueName: "count"))
    var maxAttempts: Int = 3

    var timing: ClusterTiming {
        var timing = ClusterTiming()
        timing.lease = .milliseconds(Int(lease * 1000))
        timing.peerTimeout = .milliseconds(Int(peerTimeout * 1000))
        timing.heartbeatInterval = .milliseconds(max(50, Int(peerTimeout * 1000) / 5))
        timing.drainGrace = .milliseconds(Int(drainGrace * 1000))
        timing.maximumAttempts = max(1, maxAttempts)
        return timing
    }

    func validate() throws {
        guard lease > 0, peerTimeout > 0, drainGrace >= 0 else { throw ValidationError("timings must be positive") }
    }
}

/// Logging to standard error.
struct LoggingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "trace, debug, info, notice, warning, error or critical (default: info; warning for run).",
            valueName: "level"))
    var logLevel: Logger.Level?

    func makeLogger(_ label: String, defaultLevel: Logger.Level = .info) -> Logger {
        let level = logLevel ?? defaultLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: label)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// The page size limit, shared by the roles that read or accept pages.
struct PageLimitOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Pages larger than this many bytes are recorded as failures, not processed.", valueName: "bytes"))
    var maxPageBytes: Int = 16 << 20
}

/// Opens the database a collector writes, refusing one that vanishes on close or is damaged;
/// exits 2 with the reason.
func openCheckedStore(
    _ path: String, deduplication: PageStore.Deduplication = .standard, existingPages: PageStore.ExistingPages = .keep,
    storedLinks: Set<PageLink.Kind> = PageStore.defaultStoredLinks
) throws -> PageStore {
    do {
        let store = try PageStore(
            path: path, deduplication: deduplication, existingPages: existingPages, storedLinks: storedLinks)
        try store.verifyIntegrity()
        return store
    } catch {
        throw failBeforeStart("cannot use --db \(path.debugDescription): \(error)")
    }
}

/// Prints `pagemill: error: …` and exits with code 2: for problems found before anything starts.
func failBeforeStart(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("pagemill: error: \(message)\n".utf8))
    return ExitCode(2)
}

/// The value `body` returns; what it throws, said as `failBeforeStart` says it.
func failingBeforeStart<Value, Failure: Error>(_ body: () throws(Failure) -> Value) throws -> Value {
    do {
        return try body()
    } catch {
        throw failBeforeStart("\(error)")
    }
}

/// Where the producer remembers what was committed, so that a restart resumes.
struct JournalOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The producer's journal of committed pages: restarted with the same inputs, it sends only what is not "
                + "stored yet.",
            valueName: "path"))
    var journal: String?

    @Flag(help: "Start over: forget the journal's record of committed pages.")
    var fresh = false

    @Flag(help: "Keep no journal: a restarted producer sends every page again (storing stays idempotent).")
    var noJournal = false

    /// Opens the journal at `journal` or `defaultPath`; exits 2 when it cannot.
    func open(defaultPath: String) throws -> ProducerJournal? {
        guard !noJournal else { return nil }
        let path = journal ?? defaultPath
        if fresh {
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                do {
                    try FileManager.default.removeItem(atPath: path + suffix)
                } catch {
                    throw failBeforeStart(
                        "--fresh: cannot remove the journal \(path + suffix): \(error.localizedDescription)")
                }
            }
        }
        do {
            return try ProducerJournal(path: path)
        } catch {
            throw failBeforeStart("cannot use the journal \(path): \(error)")
        }
    }

    /// The journal's path, or nil with --no-journal.
    func path(defaultPath: String) -> String? {
        noJournal ? nil : (journal ?? defaultPath)
    }
}

/// How the producer hands out the pages of crawl archives.
struct ArchiveOptions: ParsableArguments {
    enum ArchivePages: String, ExpressibleByArgument, CaseIterable {
        case stored, decoded
    }

    @Option(
        help: ArgumentHelp(
            "How pages of .warc.gz archives (a gzip member a record) go to the workers: stored (the member as it "
                + "is, inflated by the worker: the producer reads only each record's head, and the wire carries "
                + "about a sixth of the bytes; workers that do not say they read them get them decoded) or "
                + "decoded (inflated by the producer, for every worker).",
            valueName: "how"))
    var archivePages: ArchivePages = .stored

    /// The producer's page source for `inputs`, reading archives as asked.
    func source(inputs: [String], maximumPageBytes: Int) throws(InputError) -> PageSource {
        let source = try PageSource(inputs: inputs, maximumPageBytes: maximumPageBytes)
        source.pagesAsStored = archivePages == .stored
        return source
    }
}

/// How the collector merges what it stores: duplicates grouped, pages already stored.
struct DeduplicationOptions: ParsableArguments {
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case off, exact, near
    }

    enum TextKept: String, ExpressibleByArgument, CaseIterable {
        case all, representative
    }

    enum OnExisting: String, ExpressibleByArgument, CaseIterable {
        case keep, replace, version

        var policy: PageStore.ExistingPages { PageStore.ExistingPages(rawValue: rawValue) ?? .keep }
    }

    @Option(
        help: ArgumentHelp(
            "Group duplicates as pages are stored: off, exact (the same normalised text) or near (MinHash "
                + "signatures of 5-word shingles too, in 14 LSH bands of 8). Each page's group_id names its group's "
                + "representative (fetched earliest, then the smallest id); duplicate_pairs lists the pairs found; "
                + "the distinct_pages view holds one page a group.",
            valueName: "mode"))
    var dedup: Mode = .near

    @Option(
        help: ArgumentHelp(
            "With --dedup near: the share of signature values (about the Jaccard similarity of the shingles) "
                + "two pages sharing an LSH band must also agree on. The bands set the curve (14 bands of 8: half "
                + "the pairs at a similarity of about 0.7, nearly all from 0.8); this rules out pages sharing a band "
                + "by chance.", valueName: "share"))
    var dedupThreshold: Double = PageStore.Deduplication.defaultThreshold

    @Option(
        help: ArgumentHelp(
            "Whose text to store: all pages', or only each group's representative's (the others keep their "
                + "metadata, content_hash and group_id, and an empty text), for users short of disk.",
            valueName: "pages"))
    var dedupText: TextKept = .all

    @Option(
        help: ArgumentHelp(
            "For a page whose id is already stored (a second crawl into the same database): keep the first; "
                + "replace it when the new one was fetched later (fetched_at); or version: the latest in pages, "
                + "every other fetch in page_versions. The same fetch again, or the same content, writes nothing.",
            valueName: "policy"))
    var onExisting: OnExisting = .keep

    func validate() throws {
        guard dedupThreshold > 0, dedupThreshold <= 1 else {
            throw ValidationError("--dedup-threshold must be above 0 and at most 1")
        }
    }

    /// The store's settings, with the signatures' parameters the workers use.
    func deduplication(_ minhash: MinHashOptions) -> PageStore.Deduplication {
        var deduplication = PageStore.Deduplication(
            mode: dedup.rawValue, threshold: dedupThreshold, keepsEveryText: dedupText == .all)
        deduplication.minHasher = minhash.hasher
        return deduplication
    }
}

/// Which of a page's links the collector writes to the `links` table.
struct LinkOptions: ParsableArguments {
    enum Stored: String, ExpressibleByArgument, CaseIterable {
        case content, all, none

        var kinds: Set<PageLink.Kind> {
            switch self {
            case .content: [.content]
            case .all: Set(PageLink.Kind.allCases)
            case .none: []
            }
        }
    }

    @Option(
        name: .customLong("links"),
        help: ArgumentHelp(
            "Which links records carry, and the links table keeps (page_id, position, url, anchor_text, kind): "
                + "content (the links of the main content, resolved against the page's base), all (navigation "
                + "and boilerplate links too: a site's menus repeat on every page) or none.",
            valueName: "which"))
    var storedLinks: Stored = .content

    /// The value a worker is launched with: nil for the default.
    var launchValue: String? { storedLinks == .content ? nil : storedLinks.rawValue }
}

/// What a reader asks of a page besides its text: its key phrases, the people, organisations
/// and places it names, and whom it quotes.
struct AnnotationOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Leave out the text's key phrases (records' keywords, the keywords table: page_id, position, phrase, "
                + "score), ten a page by default, found YAKE's way in the page's language."))
    var noKeywords = false

    @Flag(
        help: ArgumentHelp(
            "Leave out the people, organisations and places the text names (records' entities, the entities "
                + "table: page_id, position, name, kind, forms, mentions); quotations still name their speakers."))
    var noEntities = false

    @Flag(
        help: ArgumentHelp(
            "Leave out the text's direct quotations and their speakers (records' quotes, the quotes table: "
                + "page_id, position, quote, speaker)."))
    var noQuotes = false

    /// The flags a worker is launched with for these options.
    var launchFlags: [String] {
        [("--no-keywords", noKeywords), ("--no-entities", noEntities), ("--no-quotes", noQuotes)]
            .filter(\.1).map(\.0)
    }

    /// The enricher's settings for these options.
    func configure(_ enricher: inout Enricher) {
        enricher.keywords = noKeywords ? nil : KeywordExtractor()
        (enricher.findsEntities, enricher.findsQuotes) = (!noEntities, !noQuotes)
    }
}

/// The near-duplicate signatures' parameters: workers compute the signatures with them, and the
/// collector bands them into LSH buckets with the same bands and rows.
struct MinHashOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Words a shingle of the near-duplicate signatures.", valueName: "count"))
    var shingleWords: Int = 5

    @Option(
        help: ArgumentHelp(
            "LSH bands of the signatures: more bands (or fewer rows) group pages of lower similarity. The "
                + "workers and the collector must agree; run sets both.", valueName: "count"))
    var minhashBands: Int = 14

    @Option(help: ArgumentHelp("Values a band (a signature has bands × rows values).", valueName: "count"))
    var minhashRows: Int = 8

    func validate() throws {
        guard (1...32).contains(shingleWords) else { throw ValidationError("--shingle-words must be 1 to 32") }
        guard (1...64).contains(minhashBands), (1...32).contains(minhashRows) else {
            throw ValidationError("--minhash-bands must be 1 to 64 and --minhash-rows 1 to 32")
        }
    }

    var hasher: MinHasher { MinHasher(shingleWords: shingleWords, bands: minhashBands, rows: minhashRows) }

    /// The values a worker's command line carries: nil where they are the defaults.
    var launchValues: (shingleWords: Int?, bands: Int?, rows: Int?) {
        let standard = MinHasher.standard
        return (
            shingleWords == standard.shingleWords ? nil : shingleWords,
            minhashBands == standard.bands ? nil : minhashBands, minhashRows == standard.rows ? nil : minhashRows
        )
    }
}

/// Whether workers compute the quality signals each record carries, and replace the personal
/// data they find.
struct QualityOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Leave out the signals for dataset builders: quality (Gopher, C4 and FineWeb rules: pages.quality, "
                + "gopher_pass, c4_pass, fineweb_pass) and personal data found (pages.pii, pii_spans)."))
    var noQuality = false

    @Flag(
        help: ArgumentHelp(
            "Replace the personal data found (e-mail, phone, IP addresses, card numbers, IBANs) in the stored text "
                + "with datatrove's PIIFormatter strings; pii_spans says where. Without it they are counted only."))
    var redactPii = false

    func validate() throws {
        if noQuality, redactPii { throw ValidationError("--redact-pii needs the scan --no-quality leaves out") }
    }
}
