import Foundation
import Testing
@testable import Extraction

/// Runs the html5lib tokenizer test suite (../shared/conformance/html5lib-tokenizer) against
/// pagemill's tokenizer and holds its pass rate. The tokenizer is built for extraction: it does
/// not report parse errors, keeps only the named character references that matter for text,
/// and reads doctypes for their name only, so it does not pass every test; the rate it reaches
/// is stated in the README.
@Suite struct HTML5LibConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
            "shared/conformance/html5lib-tokenizer")
    static var available: Bool { FileManager.default.fileExists(atPath: folder.path) }
    /// The pass rate the README reports (4,790 of 6,976, 68.7%), rounded down.
    static let minimumPassRate = 0.68

    @Test(.enabled(if: available, "needs ../shared/conformance/html5lib-tokenizer beside the repository"))
    func passRateHolds() throws {
        var passed = 0, run = 0
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0.hasSuffix(".test")
        }.sorted()
        for file in files {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(file))
            guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                let tests = root["tests"] as? [[String: Any]]
            else { continue }
            for test in tests {
                let doubleEscaped = test["doubleEscaped"] as? Bool ?? false
                guard var input = test["input"] as? String, let expected = test["output"] as? [[Any]] else { continue }
                if doubleEscaped { input = Self.unescape(input) }
                let states = test["initialStates"] as? [String] ?? ["Data state"]
                for state in states {
                    let rawText: String?
                    switch state {
                    case "Data state": rawText = nil
                    case "PLAINTEXT state": rawText = "plaintext"
                    case "RCDATA state", "RAWTEXT state", "Script data state":
                        rawText = test["lastStartTag"] as? String ?? "xmp"
                    default: continue
                    }
                    run += 1
                    let actual = Self.tokens(input, rawTextElement: rawText, decodeRawText: state == "RCDATA state")
                    let wanted = Self.normalise(expected, doubleEscaped: doubleEscaped)
                    if actual == wanted { passed += 1 }
                }
            }
        }
        let rate = Double(passed) / Double(max(1, run))
        print("html5lib tokenizer tests: \(passed) of \(run) passed (\(String(format: "%.1f", rate * 100))%)")
        #expect(rate >= Self.minimumPassRate)
    }

    /// Our tokens in the suite's notation, adjacent characters merged.
    static func tokens(_ input: String, rawTextElement: String?, decodeRawText: Bool) -> [String] {
        let bytes = Array(input.utf8)
        var tokenizer = HTMLTokenizer(bytes, rawTextElement: rawTextElement)
        var output: [String] = []
        var characters = ""
        func flush() {
            if !characters.isEmpty { output.append("Character:" + characters); characters = "" }
        }
        while let token = tokenizer.next() {
            switch token {
            case let .text(range): characters += CharacterReferences.decode(bytes[range])
            case let .rawText(number, range):
                let name = tokenizer.string(of: number)
                characters +=
                    decodeRawText || name == "title" || name == "textarea"
                    ? CharacterReferences.decode(bytes[range]) : String(decoding: bytes[range], as: UTF8.self)
            case let .startTag(number, _, attributes, selfClosing):
                let name = tokenizer.string(of: number)
                flush()
                let attributeText = attributes.map { "\(attributes.name($0))=\(attributes.value($0))" }.sorted().joined(
                    separator: ",")
                output.append("StartTag:\(name)[\(attributeText)]" + (selfClosing ? "/" : ""))
            case let .endTag(number): flush(); output.append("EndTag:\(tokenizer.string(of: number))")
            case let .comment(range): flush(); output.append("Comment:" + String(decoding: bytes[range], as: UTF8.self))
            case let .doctype(name): flush(); output.append("DOCTYPE:\(name)")
            }
        }
        flush()
        return output
    }

    /// The suite's expected tokens in the same notation.
    static func normalise(_ expected: [[Any]], doubleEscaped: Bool) -> [String] {
        var output: [String] = []
        var characters = ""
        func text(_ value: Any?) -> String {
            let string = value as? String ?? ""
            return doubleEscaped ? unescape(string) : string
        }
        for token in expected {
            guard let kind = token.first as? String else { continue }
            if kind == "Character" { characters += text(token[1]); continue }
            if !characters.isEmpty { output.append("Character:" + characters); characters = "" }
            switch kind {
            case "StartTag":
                let attributes = (token.count > 2 ? token[2] as? [String: String] : nil) ?? [:]
                let attributeText = attributes.map { "\($0.key)=\(doubleEscaped ? unescape($0.value) : $0.value)" }
                    .sorted().joined(separator: ",")
                let selfClosing = token.count > 3 && (token[3] as? Bool ?? false)
                output.append("StartTag:\(text(token[1]))[\(attributeText)]" + (selfClosing ? "/" : ""))
            case "EndTag": output.append("EndTag:\(text(token[1]))")
            case "Comment": output.append("Comment:" + text(token[1]))
            case "DOCTYPE": output.append("DOCTYPE:" + text(token[1]))
            default: output.append(kind)
            }
        }
        if !characters.isEmpty { output.append("Character:" + characters) }
        return output
    }

    /// "\\u0000" escapes, as the suite's doubleEscaped tests write them.
    static func unescape(_ text: String) -> String {
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\" else { result.unicodeScalars.append(scalar); continue }
            guard let u = scalars.next() else { break }
            guard u == "u" else { result.unicodeScalars.append(u); continue }
            var hex = ""
            for _ in 0..<4 { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
            if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) {
                result.unicodeScalars.append(decoded)
            } else {
                result += "\u{FFFD}"
            }
        }
        return result
    }
}
