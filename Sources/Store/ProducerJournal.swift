/// The producer's memory of what the collector has committed, kept in its own small SQLite
/// file so that a producer restarted after a crash sends only what is not yet stored.
///
/// Pages are numbered by their position in the inputs (their ticket). The journal keeps a
/// watermark, below which every ticket is committed, and the committed tickets above it: its
/// size stays bounded by the pages in flight, not by the input's size.
public final class ProducerJournal {
    private let database: Database
    private let insertTicket: Statement
    private let setWatermark: Statement
    private let pruneBelow: Statement
    /// Every ticket up to this one is committed.
    public private(set) var watermark: UInt64
    /// Committed tickets above the watermark.
    public private(set) var committedAbove: Set<UInt64>

    /// Opens the journal at `path` for a run over `inputs`. A journal written for other inputs
    /// is started over, and `startedOver` says so.
    public init(path: String, inputs: [String]) throws(StoreError) {
        database = try Database(path: path)
        try database.execute("""
            CREATE TABLE IF NOT EXISTS run (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS committed (ticket INTEGER PRIMARY KEY);
            """)
        let identity = inputs.joined(separator: "\u{1F}")
        let read = try database.prepare("SELECT value FROM run WHERE key = ?1")
        try read.bind("inputs", at: 1)
        let recorded = try read.step() ? read.string(at: 0) : nil
        read.reset()
        startedOver = recorded != nil && recorded != identity
        if recorded != identity {
            try database.execute("DELETE FROM committed; DELETE FROM run;")
            let write = try database.prepare("INSERT INTO run (key, value) VALUES ('inputs', ?1), ('watermark', '0')")
            try write.bind(identity, at: 1)
            try write.step()
        }
        try read.bind("watermark", at: 1)
        watermark = try read.step() ? UInt64(read.string(at: 0) ?? "0") ?? 0 : 0
        let above = try database.prepare("SELECT ticket FROM committed")
        var tickets = Set<UInt64>()
        while try above.step() { tickets.insert(UInt64(above.int(at: 0))) }
        committedAbove = tickets
        insertTicket = try database.prepare("INSERT OR IGNORE INTO committed (ticket) VALUES (?1)")
        setWatermark = try database.prepare("UPDATE run SET value = ?1 WHERE key = 'watermark'")
        pruneBelow = try database.prepare("DELETE FROM committed WHERE ticket <= ?1")
    }

    /// True when the journal belonged to other inputs and was cleared.
    public let startedOver: Bool

    /// Whether `ticket` was committed in an earlier run.
    public func isCommitted(_ ticket: UInt64) -> Bool {
        ticket <= watermark || committedAbove.contains(ticket)
    }

    /// How many pages the journal knows to be committed.
    public var committedCount: Int { Int(watermark) + committedAbove.count }

    /// Records committed tickets, in one transaction.
    public func record(_ tickets: [UInt64]) throws(StoreError) {
        guard !tickets.isEmpty else { return }
        try database.transaction { () throws(StoreError) in
            for ticket in tickets where ticket > watermark {
                committedAbove.insert(ticket)
                try insertTicket.bind(Int(ticket), at: 1)
                try insertTicket.step()
                insertTicket.reset()
            }
            let before = watermark
            while committedAbove.remove(watermark + 1) != nil { watermark += 1 }
            if watermark != before {
                try setWatermark.bind(String(watermark), at: 1)
                try setWatermark.step()
                setWatermark.reset()
                try pruneBelow.bind(Int(watermark), at: 1)
                try pruneBelow.step()
                pruneBelow.reset()
            }
        }
    }
}
