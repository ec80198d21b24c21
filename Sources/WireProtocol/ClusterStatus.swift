import Foundation

/// How a run stands, as the producer tells `pagemill status`: its counts, and each worker's.
public struct ClusterStatus: Codable, Sendable, Equatable {
    /// One connected worker.
    public struct WorkerStatus: Codable, Sendable, Equatable {
        public var name: String
        /// Pages it has finished since it joined.
        public var finished: Int
        /// Pages it holds now.
        public var holding: Int
        /// Seconds since it was last heard from.
        public var silentSeconds: Double

        public init(name: String, finished: Int, holding: Int, silentSeconds: Double) {
            self.name = name
            self.finished = finished
            self.holding = holding
            self.silentSeconds = silentSeconds
        }
    }

    public var read: Int
    public var stored: Int
    public var failed: Int
    public var resumed: Int
    public var redelivered: Int
    public var inFlight: Int
    public var queued: Int
    /// Pages the inputs hold, when the producer has counted them.
    public var total: Int?
    public var inputExhausted: Bool
    public var uptimeSeconds: Double
    public var workers: [WorkerStatus]
    /// Pages whose id the database already held.
    public var duplicates: Int?
    /// Why the collector is holding back (its commits fail), or nil.
    public var collectorHoldingBack: String?
    /// Acknowledgements ignored because they did not come from the collector.
    public var forgedAcknowledgements: Int?
    /// Crawl-archive records that were not pages, by reason.
    public var skippedRecords: [String: Int]?

    /// Pages committed either way, in this run or an earlier one.
    public var done: Int { stored + failed + resumed + (duplicates ?? 0) }

    public init(
        read: Int, stored: Int, failed: Int, resumed: Int, redelivered: Int, inFlight: Int, queued: Int,
        total: Int?, inputExhausted: Bool, uptimeSeconds: Double, workers: [WorkerStatus]
    ) {
        self.read = read
        self.stored = stored
        self.failed = failed
        self.resumed = resumed
        self.redelivered = redelivered
        self.inFlight = inFlight
        self.queued = queued
        self.total = total
        self.inputExhausted = inputExhausted
        self.uptimeSeconds = uptimeSeconds
        self.workers = workers
    }

    /// The status as JSON, for the wire. Throws only if a number cannot be written as JSON
    /// (a non-finite uptime), with the encoder's reason.
    public func encoded() throws(WireError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            return Array(try encoder.encode(self))
        } catch {
            throw WireError(.malformedMessage, "cannot write the status as JSON: \(error)")
        }
    }

    /// Reads a status from the wire.
    public init(json: [UInt8]) throws(WireError) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            self = try decoder.decode(ClusterStatus.self, from: Data(json))
        } catch {
            throw WireError(.malformedMessage, "STATUS carries no status: \(error)")
        }
    }
}
