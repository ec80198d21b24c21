import PageModel

/// What a worker adds to a record after extraction, from its text alone: for now, the MinHash
/// signature the collector groups near duplicates by. Pure: record in, record out.
public struct Enricher: Sendable {
    public var minHasher: MinHasher

    public init(minHasher: MinHasher = .standard) {
        self.minHasher = minHasher
    }

    /// `record` with its enrichment fields filled in.
    public func enrich(_ record: PageRecord) -> PageRecord {
        var enriched = record
        enriched.minhash = minHasher.signature(of: record.text)
        return enriched
    }
}
