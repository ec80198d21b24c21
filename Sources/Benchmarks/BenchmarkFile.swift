import Foundation

/// Files a benchmark reads its input from and writes its details to.
public enum BenchmarkFile {
    /// The bytes of the file at `path`.
    public static func read(_ path: String) throws(BenchmarkError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BenchmarkError(.input, "cannot read \(path)")
        }
        return Array(data)
    }

    /// Writes `text` to `path`, replacing it.
    public static func write(_ text: String, to path: String) throws(BenchmarkError) {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw BenchmarkError(.failed, "cannot write \(path)")
        }
    }

    /// `value` as one line of JSON, keys in snake case, with its line feed.
    public static func jsonLine(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    /// The encoder of every benchmark's JSON: snake-case keys, sorted.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
