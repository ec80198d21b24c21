/// A page as it arrives from a crawl: bytes plus what the input said about them.
public struct RawPage: Sendable, Equatable {
    /// What kind of document the bytes hold, as far as the input tells.
    public enum Format: String, Sendable, Codable {
        /// HTML markup.
        case html
        /// Scraped plain text, one paragraph a line or block.
        case text
        /// Not declared: the extractor sniffs the bytes.
        case unknown
        /// A crawl archive's record as the archive stores it (a gzip member, say), to be read
        /// into a page (`ArchivedRecord.page(from:)`) before extraction.
        case warcRecord = "warc-record"
    }

    /// The page's stable identity: a path relative to its input root, or a JSON Lines `id`.
    public var id: String
    /// The address the page was fetched from, when known.
    public var url: String?
    /// The raw bytes, in whatever encoding the page used.
    public var body: [UInt8]
    /// The declared format.
    public var format: Format
    /// When the page was fetched, as the input gave it (ISO 8601), if it did.
    public var fetchedAt: String?

    /// The identity of this fetch of the page: its id, and its fetch time when known. What the
    /// producer's journal remembers, so that a later crawl of the same page (a new fetch time)
    /// is sent again for the collector to weigh (`--on-existing`), while the same fetch is not.
    public var fetchKey: String {
        guard let fetchedAt else { return id }
        return id + "\u{1F}" + fetchedAt
    }
    /// The character encoding the input declared for the bytes (an HTTP header's, say), if any.
    public var charset: String?
    /// Where the page lies in a crawl archive (the file, and the offset of its record), so
    /// that a user can find the record again; nil for pages that are not from one.
    public var origin: ArchiveOrigin?

    /// Creates a raw page.
    public init(
        id: String, url: String? = nil, body: [UInt8], format: Format = .unknown, fetchedAt: String? = nil,
        charset: String? = nil, origin: ArchiveOrigin? = nil
    ) {
        self.id = id
        self.url = url
        self.body = body
        self.format = format
        self.fetchedAt = fetchedAt
        self.charset = charset
        self.origin = origin
    }
}

/// A record's place in a crawl archive: the file as the input named it, and the byte offset
/// where the record begins (its gzip member's or zstd frame's offset, in a compressed file).
public struct ArchiveOrigin: Sendable, Equatable, Hashable {
    /// The archive's path, as given to pagemill.
    public var archive: String
    /// The offset of the record in the file, in bytes.
    public var offset: Int

    /// Creates an origin.
    public init(archive: String, offset: Int) {
        self.archive = archive
        self.offset = offset
    }
}
