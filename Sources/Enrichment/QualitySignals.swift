/// Every quality signal of a text, by the rule sets dataset builders filter web text with
/// (Gopher's quality and repetition rules, C4's, FineWeb's), computed in one pass over its
/// scalars and one split into words, in the text's language.
public struct QualitySignals: Sendable, Equatable {
    public var gopher: GopherSignals
    public var c4: C4Signals
    public var fineWeb: FineWebSignals

    /// The signals of `text`, written in `language` (ISO 639-1, nil when unknown).
    public init(text: String, language: String? = nil) {
        self.init(ScalarText(text), language: language)
    }

    init(_ scalars: ScalarText, language: String?) {
        let tokens = WordSplitter.tokens(scalars, language: language)
        let (lines, ranges) = scalars.linesAndPieces()
        let pieces = (ranges: ranges, hashes: ranges.map(scalars.hash))
        gopher = GopherSignals(
            scalars, lines: lines, pieces: pieces, tokens: tokens, stopWords: .forLanguage(language))
        c4 = C4Signals(scalars, lines: lines, tokens: tokens, language: language)
        fineWeb = FineWebSignals(scalars, pieces: pieces, tokens: tokens)
    }

    /// Every signal by the name a record keeps it under (`PageRecord.quality`), with each rule
    /// set's verdict (`gopher_quality_pass`, `gopher_repetition_pass`, `c4_pass`,
    /// `fineweb_pass`: 1 kept, 0 dropped), rounded to six decimals.
    public var named: [String: Double] {
        // Sized once for every signal: growing while filled would hash each key again.
        var named = [String: Double](minimumCapacity: 48)
        for values in [gopher.namedValues, c4.namedValues, fineWeb.namedValues] {
            for (name, value) in values { named[name] = (value * 1e6).rounded() / 1e6 }
        }
        return named
    }
}
