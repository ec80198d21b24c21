/// Where a piece of personal data lies in a record's stored text: its kind and its Unicode
/// scalar offsets (SQLite's `substr` counts the same), the replacement's when it was redacted.
public struct PIISpan: Sendable, Equatable {
    public var kind: PIIKind
    public var start: Int
    public var end: Int

    public init(kind: PIIKind, start: Int, end: Int) {
        (self.kind, self.start, self.end) = (kind, start, end)
    }

    /// As a record keeps it: `kind start end`.
    public var text: String { "\(kind.rawValue) \(start) \(end)" }
}

/// Counts the personal data in a text and, when asked, replaces it the way datatrove's
/// `PIIFormatter` does: each kind's replacement strings in turn (`PIIKind.replacements`),
/// starting over on every page.
public enum PIIRedactor {
    /// The count of each kind found in `text`, by name (`email`, `phone`, …; kinds not found
    /// left out), the text to store (`text` itself unless `redact`), and where each piece
    /// lies in it.
    public static func apply(
        to text: String, redact: Bool
    ) -> (counts: [String: Double], text: String, spans: [PIISpan]) {
        let matches = PIIScanner.matches(in: text)
        guard !matches.isEmpty else { return ([:], text, []) }
        var counts: [String: Double] = [:]
        for match in matches { counts[match.kind.rawValue, default: 0] += 1 }
        let utf8 = Array(text.utf8)
        var spans: [PIISpan] = []
        var output: [UInt8] = []
        // Only a redacted text is written out; without redaction the spans are all there is.
        if redact { output.reserveCapacity(utf8.count) }
        var (copied, scalars) = (0, 0)
        var turns: [PIIKind: Int] = [:]
        for match in matches {
            scalars += ScalarText.scalarCount(utf8[copied..<match.bytes.lowerBound])
            if redact { output.append(contentsOf: utf8[copied..<match.bytes.lowerBound]) }
            let replacement: [UInt8]
            if redact {
                let choices = match.kind.replacements
                let turn = turns[match.kind, default: 0]
                turns[match.kind] = turn + 1
                replacement = Array(choices[turn % choices.count].utf8)
            } else {
                replacement = Array(utf8[match.bytes])
            }
            let length = ScalarText.scalarCount(replacement[...])
            spans.append(PIISpan(kind: match.kind, start: scalars, end: scalars + length))
            if redact { output.append(contentsOf: replacement) }
            scalars += length
            copied = match.bytes.upperBound
        }
        guard redact else { return (counts, text, spans) }
        output.append(contentsOf: utf8[copied...])
        return (counts, String(decoding: output, as: UTF8.self), spans)
    }

}
