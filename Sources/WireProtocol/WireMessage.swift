import PageModel
import ZeroMQ

/// The messages of pagemill's wire protocol, version 1 (see docs/PROTOCOL.md).
///
/// Every message is a ZeroMQ multipart message whose first frame is the protocol tag
/// `pagemill/1` and whose second frame is the command; the rest are the command's arguments.
/// Numbers travel as decimal ASCII so that a client in any language can speak it.
public enum WireMessage: Sendable, Equatable {
    /// A worker or the collector introduces itself to the producer; a worker grants its first
    /// credit, and says how many pages it takes in one `pages` message (1: `page` messages only);
    /// the collector says which database it writes (`database`), so that the producer's
    /// journal is only used with the database it describes; a worker that reads crawl-archive
    /// records as stored (`warc-record` pages) says so (`readsArchivedRecords`), and the others
    /// are sent those pages decoded.
    case hello(
        role: PeerRole, name: String, credit: Int, pagesPerMessage: Int = 1, database: String? = nil,
        readsArchivedRecords: Bool = false)
    /// A worker can take `credit` more pages; `finished` are the tickets it has just passed on.
    case credit(Int, finished: [UInt64])
    /// The producer leases a page to a worker.
    case page(ticket: UInt64, attempt: Int, page: RawPage)
    /// The producer leases several pages to a worker in one message (a worker that said in its
    /// `hello` it takes them): for small pages, one message instead of one each.
    case pages([LeasedPage])
    /// A worker hands back pages it will not process (it is draining).
    case handBack(tickets: [UInt64])
    /// A worker's record for a page, sent to the collector.
    case result(ticket: UInt64, worker: String, extractionMilliseconds: Double, record: PageRecord)
    /// Several of a worker's records in one message, sent to the collector.
    case results(worker: String, [WorkerResult])
    /// A page that cannot be processed, sent to the collector by a worker or by the producer.
    case failed(ticket: UInt64, pageID: String, reporter: String, attempts: Int, error: String)
    /// The collector has committed these pages; the producer may forget them.
    case acknowledge([Acknowledgement])
    /// Keeps a peer known to be alive. The collector adds why it is holding back, while its
    /// commits fail (`holdingBack`: the store's error), so that the producer neither charges
    /// nor gives up pages for it and `pagemill status` can say so.
    case heartbeat(holdingBack: String? = nil)
    /// The producer does not know this peer: it must send `hello` again.
    case reset
    /// The producer will not take this peer's `HELLO`, and says why (another protocol version,
    /// a malformed introduction): an answer rather than silence.
    case refused(reason: String)
    /// A worker is leaving; anything it still holds must go to another.
    case goodbye
    /// Anyone asks the producer how the run stands (`pagemill status`).
    case statusRequest
    /// The producer's answer: a JSON object (see `ClusterStatus`).
    case status(json: [UInt8])

    /// Who is introducing itself.
    public enum PeerRole: String, Sendable {
        case worker, collector
    }

    /// A page leased in a `pages` message.
    public struct LeasedPage: Sendable, Equatable {
        public var ticket: UInt64
        /// 1 on first delivery.
        public var attempt: Int
        public var page: RawPage

        public init(ticket: UInt64, attempt: Int, page: RawPage) {
            self.ticket = ticket
            self.attempt = attempt
            self.page = page
        }
    }

    /// One record in a `results` message.
    public struct WorkerResult: Sendable, Equatable {
        public var ticket: UInt64
        public var extractionMilliseconds: Double
        public var record: PageRecord

        public init(ticket: UInt64, extractionMilliseconds: Double, record: PageRecord) {
            self.ticket = ticket
            self.extractionMilliseconds = extractionMilliseconds
            self.record = record
        }
    }

    /// One committed page: its ticket, its id and what became of it.
    public struct Acknowledgement: Sendable, Equatable {
        /// What the commit did with the page.
        public enum Status: String, Sendable {
            /// A new row in `pages`.
            case stored
            /// A row in `failures`.
            case failed
            /// The database already held a page with this id: nothing written.
            case duplicate
        }

        public var ticket: UInt64
        public var pageID: String
        public var status: Status

        public init(ticket: UInt64, pageID: String, status: Status) {
            self.ticket = ticket
            self.pageID = pageID
            self.status = status
        }
    }

    /// In `PAGES` and `RESULTS`, bodies and texts smaller than this share frames; larger ones
    /// have a frame each.
    static let sharedBodyLimit = 32 * 1024

    /// The protocol tag every message starts with.
    public static let protocolTag = "pagemill/1"
    static let protocolTagBytes = Array(protocolTag.utf8)
    static let tagPrefix = Array("pagemill/".utf8)
}
