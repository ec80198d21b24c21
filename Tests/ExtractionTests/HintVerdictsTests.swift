import Testing

@testable import Extraction

/// A page's verdicts, each distinct hint worked out once, read as each worked out afresh.
@Suite struct HintVerdictsTests {
    /// A tree of elements with the given class values, and its element ids in order.
    static func tree(classes: [String]) -> (DocumentTree, [DocumentTree.NodeID]) {
        var tree = DocumentTree()
        var nodes: [DocumentTree.NodeID] = []
        for value in classes {
            tree.appendToHint(separatedBySpace: true) { $0.append(contentsOf: value.utf8) }
            nodes.append(tree.appendNode(name: "div", traits: [], parent: tree.root, flags: []))
        }
        return (tree, nodes)
    }

    /// Hints drawn from pattern words and their near misses, many repeated, past the table's
    /// first size (so it grows while full of entries), each asked twice.
    @Test func memoisedVerdictsEqualFreshOnes() {
        let words = [
            "sidebar", "side", "comment", "comments-list", "ad", "ads", "adx", "content", "main", "footer", "foot",
            "post", "menu", "x", "entry-content", "nav", "share", "", "col-6", "article", "a", "text-center",
        ]
        var classes: [String] = []
        for index in 0..<3_000 {
            let count = index % 4 + 1
            classes.append(
                (0..<count).map { words[(index * 7 + $0 * 13 + index / 5) % words.count] }.joined(separator: " "))
            classes.append("unique-\(index) \(words[index % words.count])")
        }
        let (tree, nodes) = Self.tree(classes: classes)
        var memo = HintVerdicts()
        for round in 0..<2 {
            for node in nodes {
                #expect(
                    memo.verdict(of: node, in: tree) == BoilerplatePatterns.verdict(tree.hintBytes(node)),
                    "round \(round): \(tree.hint(node))")
            }
        }
    }

    /// Hints of the same hash-length and bytes but one are told apart by their bytes.
    @Test func hintsDifferingInOneByteKeepTheirOwnVerdicts() {
        let (tree, nodes) = Self.tree(classes: ["sidebar", "sidebaz", "sidebar", "sidebaz"])
        var memo = HintVerdicts()
        let verdicts = nodes.map { memo.verdict(of: $0, in: tree) }
        #expect(verdicts[0].contains(.unlikely))
        #expect(!verdicts[1].contains(.unlikely))
        #expect(verdicts[2] == verdicts[0] && verdicts[3] == verdicts[1])
    }

    @Test func hashIsNeverTheEmptySlotsMark() {
        var random = RandomBytes(Array("ab -_09".utf8) + [0x00, 0xFF])
        for _ in 0..<2_000 {
            #expect(HintVerdicts.hash(random.next(lengths: 0...40)[...]) != 0)
        }
    }
}
