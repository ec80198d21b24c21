import PageModel

/// What a worker adds to a record after extraction, from its text alone: the MinHash signature
/// the collector groups near duplicates by, and, when asked, the quality signals of Gopher's
/// rule sets (not yet by default: they cost about as much as extraction itself so far).
/// Pure: record in, record out.
public struct Enricher: Sendable {
    public var minHasher: MinHasher
    /// Whether to compute the Gopher quality and repetition signals (`GopherSignals`).
    public var computesQuality = false

    public init(minHasher: MinHasher = .standard) {
        self.minHasher = minHasher
    }

    /// `record` with its enrichment fields filled in.
    public func enrich(_ record: PageRecord) -> PageRecord {
        var enriched = record
        enriched.minhash = minHasher.signature(of: record.text)
        if computesQuality {
            enriched.quality = GopherSignals(text: record.text).named
        }
        return enriched
    }
}
