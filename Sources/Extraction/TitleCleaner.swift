import Foundation
import PageModel

/// Takes the site's name off a page title: "Healthy Eating Plate • The Nutrition Source" →
/// "Healthy Eating Plate".
enum TitleCleaner {
    /// The visible headline is what readers call the title, but the first `<h1>` is sometimes
    /// the site's logo: take the `<h1>` that agrees with the meta title, else the meta title
    /// without the site's name, else the first `<h1>`.
    static func choose(headings: [String], metaTitle: String?, siteName: String?) -> String? {
        guard let metaTitle else { return headings.first }
        let cleaned = clean(metaTitle, siteName: siteName)
        let scored = headings.map { ($0, overlap($0, metaTitle)) }
        if let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 0.5 {
            // A headline that repeats the title's site suffix ("… - Japan Forum") loses it too.
            if metaTitle.hasPrefix(cleaned), cleaned.count < metaTitle.count {
                let suffix = metaTitle.dropFirst(cleaned.count)
                if best.0.hasSuffix(suffix), best.0.count > suffix.count {
                    return String(best.0.dropLast(suffix.count))
                }
            }
            return withoutTagline(best.0)
        }
        return cleaned
    }

    /// "Best Movers in NYC 2025 | Top 19 Companies" → "Best Movers in NYC 2025": a bar sets off
    /// a tagline, even in a headline.
    static func withoutTagline(_ headline: String) -> String {
        let parts = ByteSearch.split(headline, separator: " | ")
        guard parts.count > 1 else { return headline }
        return TextMeasures.wordCount(parts[0]) >= 3 ? parts[0] : headline
    }

    /// Bag-of-words F1 between two short texts, case-insensitive.
    static func overlap(_ first: String, _ second: String) -> Double {
        let a = words(first), b = words(second)
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for word in b { counts[word, default: 0] += 1 }
        var common = 0
        for word in a where counts[word, default: 0] > 0 {
            counts[word]! -= 1
            common += 1
        }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(a.count), recall = Double(common) / Double(b.count)
        return 2 * precision * recall / (precision + recall)
    }

    /// The lower-cased words of a text: runs of letters and digits, scalar by scalar, with a
    /// fast path for ASCII (Character-by-Character splitting cost more than the rest of a page's
    /// title handling).
    private static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isWordScalar: Bool
            if value < 0x80 {
                isWordScalar = (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
                if isWordScalar {
                    word.unicodeScalars.append(
                        Unicode.Scalar(UInt8(value >= 0x41 && value <= 0x5A ? value | 0x20 : value)))
                }
            } else {
                let properties = scalar.properties
                switch properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                    isWordScalar = true
                default: isWordScalar = properties.numericType != nil
                }
                if isWordScalar { word += properties.lowercaseMapping }
            }
            if !isWordScalar, !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    private static let separators = [" | ", " - ", " – ", " — ", " • ", " · ", " :: ", " « ", " » "]

    /// "University of Wisconsin-Stevens Point": a few words, each long one capitalised.
    private static func looksLikeAName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count) else { return false }
        return words.allSatisfy { $0.count < 4 || $0.first?.isUppercase == true }
    }

    static func clean(_ title: String, siteName: String?) -> String {
        // "Topic - Overview | Site Name": a bar before the last part sets off the site's name.
        let bars = ByteSearch.split(title, separator: " | ")
        if let last = bars.last, bars.count > 1 {
            let before = bars.dropLast().joined(separator: " | ")
            if TextMeasures.wordCount(last) <= 6 && TextMeasures.wordCount(before) >= 2 {
                return clean(before, siteName: siteName)
            }
        }
        for separator in separators where separator != " | " {
            let parts = ByteSearch.split(title, separator: separator)
            guard parts.count >= 2 else { continue }
            let first = parts[0].trimmingCharacters(in: .whitespaces)
            let rest = parts.dropFirst().joined(separator: separator)
            // Keep the longer side unless it is the site's name; the site's name is usually last.
            if let siteName,
                rest.localizedCaseInsensitiveContains(siteName) || siteName.localizedCaseInsensitiveContains(rest)
            {
                return first
            }
            if TextMeasures.wordCount(first) >= 2 && TextMeasures.wordCount(first) >= TextMeasures.wordCount(rest) {
                return first
            }
            if TextMeasures.wordCount(rest) <= 4 || looksLikeAName(rest) { return first }
        }
        return title
    }
}
