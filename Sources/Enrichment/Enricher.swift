import PageModel

/// What a worker adds to a record after extraction, from its text alone: the MinHash signature
/// the collector groups near duplicates by, and the quality signals of the Gopher, C4 and
/// FineWeb rule sets in the record's language, and the personal data in the text, counted and,
/// when asked, replaced (the signature and the signals are then of the text as stored).
/// Pure: record in, record out.
public struct Enricher: Sendable {
    public var minHasher: MinHasher
    /// Whether to compute the quality signals (`QualitySignals`).
    public var computesQuality: Bool
    /// Whether to look for personal data (`PIIScanner`), and to replace what is found
    /// (`PIIRedactor`), not only count it.
    public var findsPII = true
    public var redactsPII = false
    /// How to find the text's key phrases (`KeywordExtractor`); nil leaves them out.
    public var keywords: KeywordExtractor? = KeywordExtractor()
    /// Whether to find the people, organisations and places the text names (`entities`).
    public var findsEntities = true
    /// Whether to find the text's quotations and their speakers (`quotes`; needs the entities).
    public var findsQuotes = true
    /// Whether to compute the MinHash signature (`minhash`): only a collector that groups near
    /// duplicates reads it.
    public var signs = true

    /// Whether any annotation is asked for.
    private var annotates: Bool { keywords != nil || findsEntities || findsQuotes }

    public init(minHasher: MinHasher = .standard, computesQuality: Bool = true) {
        (self.minHasher, self.computesQuality) = (minHasher, computesQuality)
    }

    /// `record` with its enrichment fields filled in.
    public func enrich(_ record: PageRecord) -> PageRecord {
        var enriched = record
        if findsPII {
            let (counts, text, spans) = PIIRedactor.apply(to: record.text, redact: redactsPII)
            (enriched.pii, enriched.piiSpans) = (counts, spans.map(\.text))
            if redactsPII, !spans.isEmpty {
                enriched.text = text
                enriched.wordCount = TextMeasures.wordCount(text)
                enriched.contentHash = TextMeasures.contentHash(text)
            }
        }
        guard computesQuality || annotates else {
            if signs { enriched.minhash = minHasher.signature(of: enriched.text) }
            return enriched
        }
        // The text decoded once for all: the signature's words from the same scalars.
        let scalars = ScalarText(enriched.text)
        if signs { enriched.minhash = minHasher.signature(ofWords: scalars.minHashWords()) }
        if computesQuality { enriched.quality = QualitySignals(scalars, language: record.language).named }
        annotate(&enriched, scalars)
        return enriched
    }

    /// `record` with what a reader asks of it (key phrases, entities, quotations) and none of the rest: what
    /// `pagemill extract` prints.
    public func annotate(_ record: PageRecord) -> PageRecord {
        var annotated = record
        guard annotates else { return annotated }
        annotate(&annotated, ScalarText(record.text))
        return annotated
    }

    private func annotate(_ record: inout PageRecord, _ scalars: ScalarText) {
        guard annotates else { return }
        let words = TextWords(scalars, language: record.language)
        if let keywords { record.keywords = keywords.keywords(of: scalars, words: words, language: record.language) }
        guard findsEntities || findsQuotes else { return }
        let found = EntityFinder().find(in: scalars, words: words, language: record.language)
        if findsEntities { record.entities = found.entities }
        if findsQuotes {
            record.quotes = QuoteFinder().quotes(in: scalars, words: words, entities: found, language: record.language)
        }
    }
}
