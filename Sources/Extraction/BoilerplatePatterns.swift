/// Words in class names and ids that say what an element is for. A word matches a class or id
/// token (the name split at anything not a letter or digit) that starts with it, so that
/// "comment" finds `comments-list` but utility classes such as `overflow-hidden` or
/// `md:block` do not trip a pattern by accident; a word written `=ad` must match a token whole.
enum BoilerplatePatterns {
    /// Elements whose class or id says they are not content: removed before anything is scored.
    static let unlikely = [
        "=ad", "=ads", "adbox", "advert", "agegate", "banner", "breadcrumb", "combx", "comment", "community",
        "cookie", "consent", "disqus", "extra", "footer", "gdpr", "legends", "menu", "modal", "navbar",
        "newsletter", "pager", "pagination", "popup", "related", "remark", "replies", "rss", "share", "sharing",
        "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "subscribe", "supplemental", "taboola", "outbrain",
        "signup", "promo", "recommend", "byline", "tags", "toolbar",
        "masthead", "readmore", "popular", "trending", "=sr", "screen", "visually",
    ]
    /// Words that rescue an element from `unlikely` (a "main-content comment-free" wrapper, say).
    static let maybeContent = ["article", "body", "column", "content", "main", "shadow", "story", "post", "entry", "text"]
    /// Words that make an element more likely to be the content.
    static let positive = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story",
        "prose", "richtext",
    ]
    /// Words that make it less likely.
    static let negative = [
        "=ad", "=ads", "banner", "combx", "comment", "contact", "foot", "footer", "footnote", "gdpr",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "caption", "credit", "byline", "newsletter",
        "subscribe", "social", "nav", "menu", "breadcrumb",
    ]

    /// What a class-and-id string says, worked out once per element.
    struct Verdict: OptionSet, Sendable {
        let rawValue: UInt8
        static let unlikely = Verdict(rawValue: 1)
        static let maybeContent = Verdict(rawValue: 2)
        static let positive = Verdict(rawValue: 4)
        static let negative = Verdict(rawValue: 8)

        /// readability's class weight: +25 for a positive word, −25 for a negative one.
        var weight: Double { (contains(.positive) ? 25 : 0) - (contains(.negative) ? 25 : 0) }
    }

    /// A pattern word as bytes, and whether it must match a token whole.
    private struct Word {
        let bytes: [UInt8]
        let whole: Bool
        init(_ text: String) {
            whole = text.hasPrefix("=")
            bytes = Array((whole ? String(text.dropFirst()) : text).utf8)
        }
    }

    /// Every pattern word with its verdict, filed under its first byte: a token is compared
    /// only with the few words that start as it does.
    private static let wordsByFirstByte: [[(Verdict, Word)]] = {
        var table = [[(Verdict, Word)]](repeating: [], count: 256)
        for (flag, list) in [(Verdict.unlikely, unlikely), (.maybeContent, maybeContent), (.positive, positive), (.negative, negative)] {
            for text in list {
                let word = Word(text)
                table[Int(word.bytes[0])].append((flag, word))
            }
        }
        return table
    }()

    /// Classifies a lower-cased class-and-id string, token by token, on its bytes.
    static func verdict(_ hint: String) -> Verdict {
        guard !hint.isEmpty else { return [] }
        var verdict: Verdict = []
        var hint = hint
        hint.withUTF8 { bytes in
            var start = 0
            func isTokenByte(_ byte: UInt8) -> Bool {
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
            }
            while start < bytes.count {
                while start < bytes.count, !isTokenByte(bytes[start]) { start += 1 }
                var end = start
                while end < bytes.count, isTokenByte(bytes[end]) { end += 1 }
                if end > start {
                    let token = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    for (flag, word) in wordsByFirstByte[Int(token[0])] where !verdict.contains(flag) {
                        guard word.bytes.count <= token.count, !word.whole || word.bytes.count == token.count else { continue }
                        if token.starts(with: word.bytes) { verdict.insert(flag) }
                    }
                }
                start = end
            }
        }
        return verdict
    }
}
