import Foundation
import PageModel
import Testing

/// `JSONReader.readTree` as the reader of pages' JSON-LD uses it (trailing commas let pass),
/// checked against Foundation's `JSONSerialization`, the reader it replaced: the same inputs
/// are accepted, and they give the same tree.
@Suite struct JSONTreeTests {
    private func tree(_ json: String) -> JSONTree? {
        try? JSONTree.read(Array(json.utf8), allowingTrailingCommas: true)
    }

    /// Foundation's value as a tree: numbers compared by value, not by how they are written.
    private func foundationTree(_ json: String) -> JSONTree? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        else { return nil }
        return convert(value)
    }

    private func convert(_ value: Any) -> JSONTree {
        switch value {
        case let text as String: .string(text)
        case let array as [Any]: .array(array.map(convert))
        case let object as [String: Any]: .object(object.mapValues(convert))
        case is NSNull: .null
        case let number as NSNumber: .number("\(number.doubleValue)")
        default: .null
        }
    }

    /// Numbers as their value, so `1E5` and `100000.0` compare equal; booleans as 1 and 0, as
    /// Foundation's numbers hold them.
    private func normalised(_ tree: JSONTree) -> JSONTree {
        switch tree {
        case let .number(text): .number("\((Double(text) ?? .nan) + 0.0)")  // -0 and 0 alike
        case let .bool(value): .number("\(value ? 1.0 : 0.0)")
        case let .array(items): .array(items.map(normalised))
        case let .object(members): .object(members.mapValues(normalised))
        default: tree
        }
    }

    @Test(arguments: [
        #"{"@type": "NewsArticle", "headline": "A \"quoted\" title", "author": [{"name": "Ann"}, "Bo"]}"#,
        #"{"a": "x", "a": "y"}"#, #"[1, 2,]"#, #"{"a": 1,}"#, #"["a",]"#, "[,]", "{,}", "[1,,2]", #"{"a":1,,}"#,
        "[]", "{}", "[1 2]", #"{"a" 1}"#, "tru", "-0", "1E5", "2.5e-3", "[01]", "[1.]", #"{"a":"b"} x"#,
        #"{"a":"\q"}"#, #""\u00e9\ud83c\udf0a""#, " [true, false, null] ", #"{"@graph": [{"@type": ["A", 1]}]}"#,
        #"{"nested": {"deeper": {"deepest": [[[]]]}}}"#, #"{"a": "b""#, "",
    ])
    func readsAsFoundationDoes(json: String) {
        let ours = tree(json).map(normalised)
        let theirs = foundationTree(json).map(normalised)
        #expect(ours == theirs, "\(json)")
    }

    @Test func refusesNestingPastTheLimit() {
        let deep =
            String(repeating: "[", count: JSONReader.maximumDepth + 2)
            + String(repeating: "]", count: JSONReader.maximumDepth + 2)
        #expect(tree(deep) == nil)
        let limit =
            String(repeating: "[", count: JSONReader.maximumDepth)
            + String(repeating: "]", count: JSONReader.maximumDepth)
        #expect(tree(limit) != nil)
    }

    @Test func refusesTrailingCommasUnlessAsked() {
        var reader = JSONReader(Array("[1,]".utf8))
        #expect(throws: PageModelError.self) { try reader.readTree() }
    }
}
