import Foundation
import PageModel
import Testing

/// The one JSON codec's rules, tested once for every reader of the product (records, wire
/// headers, JSON Lines input).
@Suite struct JSONCodecTests {
    private func readString(_ json: String) throws(PageModelError) -> String {
        var reader = JSONReader(Array(json.utf8))
        let value = try reader.readString()
        try reader.expectEnd()
        return value
    }

    @Test(arguments: [
        (#""a\"b""#, "a\"b"), (#""\\""#, "\\"), (#""end\\""#, "end\\"), (#""\u00e9\n""#, "é\n"),
        (#""x\ud83c\udf0ay""#, "x🌊y"), (#""\/\b\f\r\t""#, "/\u{8}\u{C}\r\t"), (#""\u0000""#, "\u{0}"),
        ("\"raw\ttab\"", "raw\ttab"),
    ])
    func decodesEveryEscape(written: String, meant: String) throws {
        #expect(try readString(written) == meant)
    }

    /// Text that cannot be held as Unicode costs the character, not the value.
    @Test(arguments: [
        (#""\ud800 lone high""#, "\u{FFFD} lone high"), (#""\udc00 lone low""#, "\u{FFFD} lone low"),
        (#""\ud83c\u0041""#, "\u{FFFD}A"), (#""\ud83c""#, "\u{FFFD}"), (#""\ud83c\n""#, "\u{FFFD}\n"),
    ])
    func replacesLoneSurrogates(written: String, meant: String) throws {
        #expect(try readString(written) == meant)
    }

    @Test func replacesInvalidUTF8() throws {
        var reader = JSONReader([0x22, 0x61, 0xFF, 0x62, 0x22])
        #expect(try reader.readString() == "a\u{FFFD}b")
    }

    /// What breaks the grammar is refused, with where it broke.
    @Test(arguments: [
        #""\q""#, #""\u12""#, #""\u12G4""#, #""unterminated"#, #""ends with \""#, #""x" trailing"#,
    ])
    func refusesMalformedStrings(json: String) {
        #expect(throws: PageModelError.self) { try readString(json) }
    }

    @Test(arguments: ["01", "1.", "-", "1e", ".5", "+1", "1.5e+", "--1"])
    func refusesMalformedNumbers(json: String) {
        var reader = JSONReader(Array(#"{"n": \#(json)}"#.utf8))
        #expect(throws: PageModelError.self) { try reader.readObject { _, _ in } }
    }

    @Test func readsEveryKindOfValue() throws {
        let json =
            #"{"s": "x", "n": -1.5e3, "i": 7, "t": true, "f": false, "z": null, "a": ["p", "q"], "#
            + #""m": [1, "p"], "o": {"k": [{}]}, "s": "later"}"#
        var values: [(String, JSONValue)] = []
        var reader = JSONReader(Array(json.utf8))
        try reader.readObject { values.append(($0, $1)) }
        #expect(values.map(\.0) == ["s", "n", "i", "t", "f", "z", "a", "m", "o", "s"])
        #expect(values[1].1 == .number("-1.5e3"))
        #expect(values[2].1.integer == 7)
        #expect(values[6].1 == .strings(["p", "q"]))
        #expect(values[7].1 == .array(#"[1, "p"]"#))
        #expect(values[8].1 == .object(#"{"k": [{}]}"#))
        #expect(values[9].1 == .string("later"))
    }

    @Test func refusesNestingBeyondTheLimit() {
        let deep = #"{"a": "# + String(repeating: "[", count: 100_000) + "}"
        var reader = JSONReader(Array(deep.utf8))
        #expect(throws: PageModelError.self) { try reader.readObject { _, _ in } }
        let shallowEnough = #"{"a": "# + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "}"
        var accepted = JSONReader(Array(shallowEnough.utf8))
        #expect(throws: Never.self) { try accepted.readObject { _, _ in } }
    }

    @Test func writesWhatItReads() throws {
        let texts = ["plain", "quote \" back \\ slash", "controls \u{0}\u{1}\u{1F}\n\r\t", "emoji 🌊 é 東京", ""]
        var writer = JSONWriter()
        writer.beginObject()
        for (index, text) in texts.enumerated() { writer.field("k\(index)", text) }
        writer.field("list", texts)
        writer.field("count", -42)
        writer.endObject()
        var read: [String: JSONValue] = [:]
        var reader = JSONReader(writer.bytes)
        try reader.readObject { read[$0] = $1 }
        for (index, text) in texts.enumerated() { #expect(read["k\(index)"] == .string(text)) }
        #expect(read["list"] == .strings(texts))
        #expect(read["count"]?.integer == -42)
        // And Foundation, another implementation, reads it the same.
        let foundation = try #require(try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any])
        #expect(foundation["k1"] as? String == texts[1])
        #expect(foundation["list"] as? [String] == texts)
    }
}

/// The codec checked against another implementation of JSON: Python's `json` module reads
/// what the writer writes, and the reader reads what Python writes, for strings of every
/// awkward kind.
@Suite struct JSONConformanceTests {
    static let samples: [String] = {
        var samples = ["", "a", "\"", "\\", "/", "\u{7F}", "\u{2028}\u{2029}", "🌊", "é", "\u{FEFF}", "東京"]
        samples += (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab \"\\\n\t\u{0}\u{1F}é🌊東/\u{FFFD}")
        for _ in 0..<200 {
            samples.append(
                String((0..<Int.random(in: 1...24, using: &generator)).map { _ in alphabet.randomElement()! }))
        }
        return samples
    }()

    @Test func pythonReadsWhatWeWriteAndWeReadWhatPythonWrites() throws {
        guard let python = Self.python() else {
            print("skipped: python3 is not installed, so the codec is not checked against Python's json")
            return
        }
        var writer = JSONWriter()
        writer.strings(Self.samples)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("json-conformance-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("ours.json"), output = folder.appendingPathComponent("theirs.json")
        try Data(writer.bytes).write(to: input)
        // Python reads our array and writes it back with every non-ASCII character escaped
        // (surrogate pairs included), the way most JSON libraries can be asked to.
        let script = """
            import json, sys
            values = json.load(open(sys.argv[1], encoding="utf-8"))
            json.dump({"values": values}, open(sys.argv[2], "w"), ensure_ascii=True)
            """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, input.path, output.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "Python could not read what the writer wrote")
        var reader = JSONReader(Array(try Data(contentsOf: output)))
        var values: JSONValue?
        try reader.readObject { _, value in values = value }
        #expect(values == .strings(Self.samples))
    }

    private static func python() -> URL? {
        for folder in ["/usr/bin", "/usr/local/bin", "/bin"] {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
