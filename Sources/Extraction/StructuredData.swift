import Foundation

/// Reads JSON-LD (schema.org) blocks: Article, NewsArticle, BlogPosting and friends, `@graph` included.
enum StructuredData {
    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "techarticle", "scholarlyarticle", "webpage", "liveblogposting", "socialmediaposting", "discussionforumposting",
        "review", "product", "recipe",
    ]

    /// The metadata in one JSON-LD block; empty when it is not valid JSON.
    static func metadata(fromJSONLD json: String) -> PageMetadata {
        func parse(_ text: String) -> Any? {
            try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        }
        // Many pages put raw line breaks and tabs inside JSON strings, which JSON forbids;
        // as whitespace, they change nothing a reader of the metadata cares about.
        guard let root = parse(json) ?? parse(String(json.unicodeScalars.map { $0.value < 0x20 ? " " : Character($0) }))
        else {
            return PageMetadata()
        }
        var result = PageMetadata()
        let (found, isDiscussion) = candidates(root)
        for object in found {
            result.fillGaps(from: metadata(from: object))
        }
        result.isDiscussion = result.isDiscussion || isDiscussion
        return result
    }

    /// Types that make a page a discussion, wherever they appear in a block.
    private static let discussionTypes: Set<String> = ["discussionforumposting", "qapage", "socialmediaposting"]

    /// The objects of an article-like type, best first, anywhere in the block; and whether the
    /// block describes a discussion.
    private static func candidates(_ root: Any) -> (found: [[String: Any]], isDiscussion: Bool) {
        var found: [[String: Any]] = []
        var isDiscussion = false
        var pending: [Any] = [root]
        var visited = 0
        while let next = pending.popLast(), visited < 1000 {
            visited += 1
            if let array = next as? [Any] { pending.append(contentsOf: array.reversed()); continue }
            guard let object = next as? [String: Any] else { continue }
            if let graph = object["@graph"] { pending.append(graph) }
            let objectTypes = types(of: object)
            if objectTypes.contains(where: articleTypes.contains) { found.append(object) }
            if objectTypes.contains(where: discussionTypes.contains) { isDiscussion = true }
        }
        // Prefer real articles to a surrounding WebPage.
        return (found.sorted { !types(of: $0).contains("webpage") && types(of: $1).contains("webpage") }, isDiscussion)
    }

    private static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [String] { return types.map { $0.lowercased() } }
        return []
    }

    private static func metadata(from object: [String: Any]) -> PageMetadata {
        var result = PageMetadata()
        result.isArticle = types(of: object).contains { $0.hasSuffix("article") || $0 == "blogposting" }
        result.isProduct = types(of: object).contains("product")
        result.title = string(object["headline"]) ?? string(object["name"])
        result.authors = names(object["author"]) ?? []
        result.published = string(object["datePublished"]) ?? string(object["dateCreated"])
        result.modified = string(object["dateModified"])
        result.description = string(object["description"])
        result.image = url(object["image"]) ?? url(object["thumbnailUrl"])
        result.declaredLanguage = string(object["inLanguage"])
        if let publisher = object["publisher"] as? [String: Any] { result.siteName = string(publisher["name"]) }
        if let keywords = object["keywords"] as? String {
            result.tags = keywords.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
        } else if let keywords = object["keywords"] as? [Any] {
            result.tags = keywords.compactMap(string)
        }
        return result
    }

    private static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let collapsed = TextNormalizer.collapseWhitespace(text)
        return collapsed.isEmpty ? nil : collapsed
    }

    private static func names(_ value: Any?) -> [String]? {
        switch value {
        case let text as String: return string(text).map { [$0] }
        case let object as [String: Any]:
            // An organisation "wrote" many a page; the byline names the people.
            if let type = object["@type"] as? String, type.lowercased() == "organization" { return nil }
            return string(object["name"]).map { [$0] }
        case let array as [Any]:
            let all = array.flatMap { names($0) ?? [] }
            return all.isEmpty ? nil : all
        default: return nil
        }
    }

    private static func url(_ value: Any?) -> String? {
        switch value {
        case let text as String: return string(text)
        case let object as [String: Any]: return string(object["url"]) ?? string(object["contentUrl"])
        case let array as [Any]: return array.lazy.compactMap { url($0) }.first
        default: return nil
        }
    }
}
