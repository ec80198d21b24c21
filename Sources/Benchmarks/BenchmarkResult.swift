import Foundation

/// What a benchmark measured, as a value: the command prints it as text for people or, with
/// `--json`, as one JSON object with snake-case keys for scripts (`Benchmarks/suite.py`).
public protocol BenchmarkResult: Codable, Sendable {
    /// The figures for people: a few lines.
    var text: String { get }
}

extension BenchmarkResult {
    /// The figures as one line of JSON, keys in snake case and sorted.
    public func json() throws -> String {
        String(decoding: try BenchmarkFile.encoder.encode(self), as: UTF8.self)
    }
}

/// `value` with `decimals` digits after the point, as the figures are printed.
func format(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

/// Why a benchmark could not run or finish.
public struct BenchmarkError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The pages to measure with could not be read.
        case input
        /// A part of the system under test failed or stopped answering.
        case failed
        /// SIGTERM or SIGINT stopped the run before it was done.
        case interrupted
    }

    /// What went wrong.
    public let code: Code
    /// A sentence for a person.
    public let detail: String

    /// Creates an error.
    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { detail }
}
