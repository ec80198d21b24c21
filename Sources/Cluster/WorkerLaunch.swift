import Foundation

/// How a local cluster starts a worker process: the settings as a value, and the `work`
/// command line made from it in this one place. `pagemill work … --print-launch` parses a
/// command line back into this value, so a test can check the round trip through `work`'s
/// own parser: an option renamed on one side fails that test instead of a run.
public struct WorkerLaunch: Codable, Equatable, Sendable {
    /// The producer's endpoint.
    public var producer: String
    /// The collector's endpoint.
    public var collector: String
    /// The worker's name in logs and status.
    public var name: String
    /// Pages the worker holds at most.
    public var credit: Int
    /// The largest page the worker takes.
    public var maximumPageBytes: Int
    /// Seconds a lease lasts, when not the default.
    public var lease: Double?
    /// Seconds of silence before a peer counts as gone, when not the default.
    public var peerTimeout: Double?
    /// Seconds the worker may take to drain, when not the default.
    public var drainGrace: Double?
    /// Seconds one page's extraction may take, when not the default.
    public var pageTimeout: Double?
    /// The log level's name.
    public var logLevel: String
    /// Whether the worker sends an empty record for each page instead of extracting it.
    public var noOp = false
    /// The process the worker must not outlive (the one starting it).
    public var parentPID: Int32?
    /// The near-duplicate signatures' words a shingle, bands and rows, when not the defaults.
    public var shingleWords: Int?
    public var minhashBands: Int?
    public var minhashRows: Int?
    /// Whether the worker leaves the signatures out (for a collector that groups no near duplicates).
    public var noSignature = false
    /// Whether the worker leaves out the quality signals, and whether it redacts personal data.
    public var noQuality = false
    public var redactPII = false
    /// Which links the worker puts in its records (`content`, `all`, `none`), when not the default.
    public var links: String?
    /// The flags leaving out what a reader asks of a page (`--no-keywords`), passed on as given.
    public var annotationFlags: [String] = []

    /// Creates a launch.
    public init(
        producer: String, collector: String, name: String, credit: Int, maximumPageBytes: Int,
        lease: Double? = nil, peerTimeout: Double? = nil, drainGrace: Double? = nil, pageTimeout: Double? = nil,
        logLevel: String, noOp: Bool = false, parentPID: Int32? = nil,
        minhash: (shingleWords: Int?, bands: Int?, rows: Int?) = (nil, nil, nil)
    ) {
        (shingleWords, minhashBands, minhashRows) = minhash
        self.producer = producer
        self.collector = collector
        self.name = name
        self.credit = credit
        self.maximumPageBytes = maximumPageBytes
        self.lease = lease
        self.peerTimeout = peerTimeout
        self.drainGrace = drainGrace
        self.pageTimeout = pageTimeout
        self.logLevel = logLevel
        self.noOp = noOp
        self.parentPID = parentPID
    }

    /// The arguments of `pagemill`, starting with `work`.
    public var arguments: [String] {
        var arguments = [
            "work", "--producer", producer, "--collector", collector, "--name", name,
            "--credit", String(credit), "--max-page-bytes", String(maximumPageBytes), "--log-level", logLevel,
        ]
        let timings: [(String, Double?)] = [
            ("--lease", lease), ("--peer-timeout", peerTimeout), ("--drain-grace", drainGrace),
            ("--page-timeout", pageTimeout),
        ]
        for (option, value) in timings {
            if let value { arguments += [option, String(value)] }
        }
        if noOp { arguments.append("--no-op") }
        if noQuality { arguments.append("--no-quality") }
        if noSignature { arguments.append("--no-signature") }
        if redactPII { arguments.append("--redact-pii") }
        if let links { arguments += ["--links", links] }
        arguments += annotationFlags
        if let parentPID { arguments += ["--parent-pid", String(parentPID)] }
        let minhash = [
            ("--shingle-words", shingleWords), ("--minhash-bands", minhashBands), ("--minhash-rows", minhashRows),
        ]
        for (option, value) in minhash {
            if let value { arguments += [option, String(value)] }
        }
        return arguments
    }

    /// The value as one line of JSON, keys sorted: what `--print-launch` prints.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
