import Foundation
import PageModel

/// Reads JSON-LD (schema.org) blocks: Article, NewsArticle, BlogPosting and friends, `@graph` included.
enum StructuredData {
    private static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "techarticle", "scholarlyarticle", "webpage", "liveblogposting", "socialmediaposting", "discussionforumposting",
        "review", "product", "recipe",
    ]

    /// The metadata in one JSON-LD block; empty when it is not valid JSON.
    static func metadata(fromJSONLD json: String) -> PageMetadata {
        guard let root = parse(json) else { return PageMetadata() }
        var result = PageMetadata()
        let (found, isDiscussion) = candidates(root)
        for object in found {
            result.fillGaps(from: metadata(from: object))
        }
        result.isDiscussion = result.isDiscussion || isDiscussion
        return result
    }

    /// The block's JSON, read as lenient readers of JSON-LD read it: a byte-order mark and
    /// trailing commas pass; raw line breaks, tabs and other control characters (which JSON
    /// forbids in strings, and many pages put there) are read as spaces, which changes nothing
    /// a reader of the metadata cares about. Nil when it is not JSON even so.
    private static func parse(_ json: String) -> JSONTree? {
        var bytes = Array(json.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        for index in bytes.indices where bytes[index] < 0x20 { bytes[index] = 0x20 }
        do {
            return try JSONTree.read(bytes, allowingTrailingCommas: true)
        } catch {
            // Not JSON: the page's metadata comes from its other sources.
            return nil
        }
    }

    /// Types that make a page a discussion, wherever they appear in a block.
    private static let discussionTypes: Set<String> = ["discussionforumposting", "qapage", "socialmediaposting"]

    /// The objects of an article-like type, best first, anywhere in the block; and whether the
    /// block describes a discussion.
    private static func candidates(_ root: JSONTree) -> (found: [[String: JSONTree]], isDiscussion: Bool) {
        var found: [[String: JSONTree]] = []
        var isDiscussion = false
        var pending: [JSONTree] = [root]
        var visited = 0
        while let next = pending.popLast(), visited < 1000 {
            visited += 1
            if let array = next.array { pending.append(contentsOf: array.reversed()); continue }
            guard let object = next.object else { continue }
            if let graph = object["@graph"] { pending.append(graph) }
            let objectTypes = types(of: object)
            if objectTypes.contains(where: articleTypes.contains) { found.append(object) }
            if objectTypes.contains(where: discussionTypes.contains) { isDiscussion = true }
        }
        // Prefer real articles to a surrounding WebPage.
        return (found.sorted { !types(of: $0).contains("webpage") && types(of: $1).contains("webpage") }, isDiscussion)
    }

    /// The object's `@type`, lower-cased: one string, or an array of strings only.
    private static func types(of object: [String: JSONTree]) -> [String] {
        switch object["@type"] {
        case let .string(type): return [type.lowercased()]
        case let .array(items):
            let types = items.compactMap(\.string)
            return types.count == items.count ? types.map { $0.lowercased() } : []
        default: return []
        }
    }

    private static func metadata(from object: [String: JSONTree]) -> PageMetadata {
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
        if let publisher = object["publisher"]?.object { result.siteName = string(publisher["name"]) }
        switch object["keywords"] {
        case let .string(keywords):
            result.tags = keywords.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
        case let .array(keywords): result.tags = keywords.compactMap { string($0) }
        default: break
        }
        return result
    }

    private static func string(_ value: JSONTree?) -> String? {
        value?.string.flatMap(string)
    }

    private static func string(_ text: String) -> String? {
        let collapsed = TextNormalizer.collapseWhitespace(text)
        return collapsed.isEmpty ? nil : collapsed
    }

    private static func names(_ value: JSONTree?) -> [String]? {
        switch value {
        case let .string(text): return string(text).map { [$0] }
        case let .object(object):
            // An organisation "wrote" many a page; the byline names the people.
            if let type = object["@type"]?.string, type.lowercased() == "organization" { return nil }
            return string(object["name"]).map { [$0] }
        case let .array(array):
            let all = array.flatMap { names($0) ?? [] }
            return all.isEmpty ? nil : all
        default: return nil
        }
    }

    private static func url(_ value: JSONTree?) -> String? {
        switch value {
        case let .string(text): return string(text)
        case let .object(object): return string(object["url"]) ?? string(object["contentUrl"])
        case let .array(array): return array.lazy.compactMap { url($0) }.first
        default: return nil
        }
    }
}
