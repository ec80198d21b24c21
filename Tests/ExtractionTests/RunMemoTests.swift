import Testing

@testable import Extraction

/// Values of byte runs, each distinct run worked out once, read as each worked out afresh.
@Suite struct RunMemoTests {
    /// The given class values one after another, and where each lies.
    static func store(classes: [String]) -> ([UInt8], [Range<Int>]) {
        var store: [UInt8] = []
        var runs: [Range<Int>] = []
        for value in classes {
            let start = store.count
            store += Array(value.utf8)
            runs.append(start..<store.count)
        }
        return (store, runs)
    }

    static func verdicts(_ classes: [String], rounds: Int = 1) -> [BoilerplatePatterns.Verdict] {
        let (store, runs) = Self.store(classes: classes)
        var memo = RunMemo<BoilerplatePatterns.Verdict>()
        return store.withUnsafeBufferPointer { buffer in
            (0..<rounds).flatMap { _ in
                runs.map { memo.value(of: $0, in: buffer, BoilerplatePatterns.verdict) }
            }
        }
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
        let fresh = classes.map { BoilerplatePatterns.verdict(Array($0.utf8)[...]) }
        let memoised = Self.verdicts(classes, rounds: 2)
        #expect(memoised == fresh + fresh)
    }

    /// Runs of the same length, one byte apart, keep their own values.
    @Test func hintsDifferingInOneByteKeepTheirOwnVerdicts() {
        let verdicts = Self.verdicts(["sidebar", "sidebaz", "sidebar", "sidebaz"])
        #expect(verdicts[0].contains(.unlikely))
        #expect(!verdicts[1].contains(.unlikely))
        #expect(verdicts[2] == verdicts[0] && verdicts[3] == verdicts[1])
    }

    @Test func hashIsNeverTheEmptySlotsMark() {
        var random = RandomBytes(Array("ab -_09".utf8) + [0x00, 0xFF])
        for _ in 0..<2_000 {
            let bytes = random.next(lengths: 0...40)
            #expect(bytes.withUnsafeBufferPointer(ByteHash.hash) != 0)
        }
    }
}

extension RunMemoTests {
    /// Each distinct run is worked out once, however often and wherever it comes again.
    @Test func eachDistinctRunIsWorkedOutOnce() {
        let classes = (0..<5_000).map { "c\($0 % 700)" }
        let (store, runs) = Self.store(classes: classes)
        var memo = RunMemo<Int>()
        var computed = 0
        let values = store.withUnsafeBufferPointer { buffer in
            runs.map { run in
                memo.value(of: run, in: buffer) { bytes in
                    computed += 1
                    return bytes.count
                }
            }
        }
        #expect(computed == 700)
        #expect(values == runs.map(\.count))
    }
}
