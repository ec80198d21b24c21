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

    static func matches(_ hint: String, _ words: [String]) -> Bool {
        guard !hint.isEmpty else { return false }
        for token in hint.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            for word in words {
                if word.first == "=" {
                    if token == word.dropFirst() { return true }
                } else if token.hasPrefix(word) {
                    return true
                }
            }
        }
        return false
    }

    /// readability's class weight: +25 for a positive word, −25 for a negative one.
    static func weight(_ hint: String) -> Double {
        guard !hint.isEmpty else { return 0 }
        var weight = 0.0
        if matches(hint, negative) { weight -= 25 }
        if matches(hint, positive) { weight += 25 }
        return weight
    }
}
