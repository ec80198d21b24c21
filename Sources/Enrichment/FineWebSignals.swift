/// The numbers behind FineWeb's own rules (Penedo et al., 2024), as datatrove's
/// `FineWebQualityFilter` computes them with its defaults, over the text's non-blank lines
/// (split at `\n`, not stripped): a page is kept when at least 12 % of them end in terminal
/// punctuation, at most 67 % are 30 characters or shorter, the lines repeating an earlier one
/// hold at most 1 % of the text's characters (newlines left out), and it has at most 0.3
/// newlines a word (a list, not prose).
public struct FineWebSignals: Sendable, Equatable {
    public var lines = 0
    public var punctuatedLineShare = 0.0
    public var shortLineShare = 0.0
    public var duplicateLineCharacterShare = 0.0
    public var newlinesPerWord = 0.0
    /// The first rule broken (`empty`, `line_punct_ratio`, `short_line_ratio`, `char_dup_ratio`,
    /// `list_ratio`), or nil.
    public var failure: String?

    /// `pieces` are the text split at runs of newlines, with their hashes.
    init(_ text: ScalarText, pieces: (ranges: [Range<Int>], hashes: [UInt64]), tokens: [WordToken]) {
        // `split("\n")` gives an empty piece between two breaks: blank either way.
        let kept = pieces.ranges.indices.filter { !text.trimmed(pieces.ranges[$0]).isEmpty }
        let nonBlank = kept.map { pieces.ranges[$0] }
        lines = nonBlank.count
        guard lines > 0 else {
            failure = "empty"
            return
        }
        var (punctuated, short) = (0, 0)
        for line in nonBlank {
            if text.traits[line.upperBound - 1].contains(.terminal) { punctuated += 1 }
            if line.count <= 30 { short += 1 }
        }
        let newlines = text.marks.newlines
        punctuatedLineShare = Double(punctuated) / Double(lines)
        shortLineShare = Double(short) / Double(lines)
        duplicateLineCharacterShare =
            Double(text.repeats(nonBlank, hashes: kept.map { pieces.hashes[$0] }).characters)
            / Double(max(text.count - newlines, 1))
        newlinesPerWord = Double(newlines) / Double(max(tokens.count, 1))
        failure = Self.failure(self)
    }

    static func failure(_ signals: FineWebSignals) -> String? {
        if signals.punctuatedLineShare < 0.12 { return "line_punct_ratio" }
        if signals.shortLineShare > 0.67 { return "short_line_ratio" }
        if signals.duplicateLineCharacterShare > 0.01 { return "char_dup_ratio" }
        if signals.newlinesPerWord > 0.3 { return "list_ratio" }
        return nil
    }

    /// The signals by name, and `fineweb_pass`.
    public var named: [String: Double] {
        Dictionary(uniqueKeysWithValues: namedValues)
    }

    var namedValues: [(String, Double)] {
        [
            ("fineweb_lines", Double(lines)), ("fineweb_punct_lines", punctuatedLineShare),
            ("fineweb_short_lines", shortLineShare), ("fineweb_dup_line_chars", duplicateLineCharacterShare),
            ("fineweb_newlines_per_word", newlinesPerWord), ("fineweb_pass", failure == nil ? 1 : 0),
        ]
    }
}
