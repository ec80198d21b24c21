/// Words in class names and ids that say what an element is for. A word matches a class or id
/// token (the name split at anything not a letter or digit) that starts with it, so that
/// "comment" finds `comments-list` but utility classes such as `overflow-hidden` or
/// `md:block` do not trip a pattern by accident; a word written `=ad` must match a token whole.
enum BoilerplatePatterns {
    /// Elements whose class or id says they are not content: removed before anything is scored.
    static let unlikely = [
        "=ad", "=ads", "adbox", "advert", "agegate", "banner", "breadcrumb", "combx", "community",
        "cookie", "consent", "disqus", "extra", "footer", "gdpr", "legends", "menu", "modal", "navbar",
        "newsletter", "pager", "pagination", "popup", "related", "rss", "share", "sharing",
        "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "subscribe", "supplemental", "taboola", "outbrain",
        "signup", "promo", "recommend", "byline", "tags", "toolbar",
        "masthead", "readmore", "popular", "trending",
        // A forum poster's card: rank, join date, post counts, signature.
        "userextras", "userbanner", "usertitle", "signature",
    ]
    /// Comments and replies: boilerplate beside an article, but the content of a discussion page.
    static let discussion = ["comment", "remark", "replies"]
    /// Words that rescue an element from `unlikely` (a "main-content comment-free" wrapper, say).
    static let maybeContent = [
        "article", "body", "column", "content", "main", "shadow", "story", "post", "entry", "text",
    ]
    /// Words that make an element more likely to be the content.
    static let positive = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story",
        "prose", "richtext",
    ]
    /// Words that make it less likely.
    static let negative = [
        "=ad", "=ads", "banner", "combx", "contact", "foot", "footer", "footnote", "gdpr",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
        "skyscraper", "sponsor", "shopping", "tags", "tool", "caption", "credit", "byline", "newsletter",
        "subscribe", "social", "nav", "menu", "breadcrumb",
    ]

    /// What a class-and-id string says, worked out once per element.
    struct Verdict: OptionSet, Sendable {
        let rawValue: UInt8
        static let unlikely = Verdict(rawValue: 1)
        static let maybeContent = Verdict(rawValue: 2)
        static let positive = Verdict(rawValue: 4)
        static let negative = Verdict(rawValue: 8)
        static let discussion = Verdict(rawValue: 16)

        /// readability's class weight: +25 for a positive word, −25 for a negative one.
        var weight: Double { (contains(.positive) ? 25 : 0) - (contains(.negative) ? 25 : 0) }
    }

    /// A pattern word: where its bytes sit in `wordBytes`, whether it must match a token whole,
    /// and the verdict it gives. Plain values, so the matching loop does no reference counting.
    private struct Word {
        let start: Int
        let count: Int
        let whole: Bool
        let flag: Verdict
    }

    /// Every pattern word's bytes, one after another.
    private static let wordBytes: [UInt8] = table.bytes
    /// The words filed under their first byte: a token is compared only with the few words that
    /// start as it does. `wordRanges[byte]` is the range of `words` holding them.
    private static let words: [Word] = table.words
    private static let wordRanges: [Range<Int>] = table.ranges

    private static let table: (bytes: [UInt8], words: [Word], ranges: [Range<Int>]) = {
        var bytes: [UInt8] = []
        var byFirstByte = [[Word]](repeating: [], count: 256)
        for (flag, list) in [
            (Verdict.unlikely, unlikely), (.discussion, discussion), (.maybeContent, maybeContent),
            (.positive, positive), (.negative, negative),
        ] {
            for text in list {
                let whole = text.hasPrefix("=")
                let word = Array((whole ? String(text.dropFirst()) : text).utf8)
                byFirstByte[Int(word[0])].append(Word(start: bytes.count, count: word.count, whole: whole, flag: flag))
                bytes += word
            }
        }
        var words: [Word] = []
        var ranges: [Range<Int>] = []
        for list in byFirstByte {
            ranges.append(words.count..<(words.count + list.count))
            words += list
        }
        return (bytes, words, ranges)
    }()

    /// Classifies a lower-cased class-and-id string's UTF-8 bytes, token by token.
    static func verdict(_ hint: ArraySlice<UInt8>) -> Verdict {
        hint.withUnsafeBufferPointer(verdict)
    }

    /// Classifies a hint's bytes, as the slice's form does.
    static func verdict(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        guard !bytes.isEmpty else { return [] }
        var verdict: Verdict = []
        wordBytes.withUnsafeBufferPointer { wordBytes in
            words.withUnsafeBufferPointer { words in
                var start = 0
                func isTokenByte(_ byte: UInt8) -> Bool {
                    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
                }
                while start < bytes.count {
                    while start < bytes.count, !isTokenByte(bytes[start]) { start += 1 }
                    var end = start
                    while end < bytes.count, isTokenByte(bytes[end]) { end += 1 }
                    if end > start {
                        let length = end - start
                        for index in wordRanges[Int(bytes[start])] {
                            let word = words[index]
                            guard !verdict.contains(word.flag), word.count <= length,
                                !word.whole || word.count == length
                            else { continue }
                            var offset = 1
                            while offset < word.count, bytes[start + offset] == wordBytes[word.start + offset] {
                                offset += 1
                            }
                            if offset == word.count { verdict.insert(word.flag) }
                        }
                    }
                    start = end
                }
            }
        }
        return verdict
    }
}
