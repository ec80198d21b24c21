import Foundation

/// A set of generated pages that could not be written.
public struct GeneratorError: Error, CustomStringConvertible, Sendable {
    /// The file concerned.
    public let path: String
    public var description: String { "cannot write \(path)" }
}

extension ScrapedSiteGenerator {
    /// Writes pages `0..<count` into `folder` (which must exist), one `.txt` file each, and their
    /// truth in `ground-truth.json`, keyed by file name without its extension, as
    /// `../shared/tools/score-extraction` reads a set of text pages.
    public func write(pages count: Int, to folder: String) throws(GeneratorError) {
        var truth: [String: Truth] = [:]
        for index in 0..<count {
            let page = page(index)
            let path = folder + "/" + page.fileName
            guard FileManager.default.createFile(atPath: path, contents: Data(page.text.utf8)) else {
                throw GeneratorError(path: path)
            }
            truth[String(page.fileName.dropLast(4))] = Truth(page)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let path = folder + "/ground-truth.json"
        guard let data = try? encoder.encode(truth), FileManager.default.createFile(atPath: path, contents: data) else {
            throw GeneratorError(path: path)
        }
    }

    /// One page's truth as the scorer reads it.
    private struct Truth: Encodable {
        let title: String
        let author: String?
        let published: String?
        let body: String
        let tags: [String]
        let language: String

        init(_ page: ScrapedPage) {
            title = page.title
            author = page.author
            published = page.published
            body = page.body.joined(separator: "\n\n")
            tags = page.tags
            language = page.language
        }
    }
}
