import Foundation
import Logging

/// How `run` and `bench` start a worker process: the settings as a value, and the `work`
/// command line made from it in this one place. `pagemill work … --print-launch` parses a
/// command line back into this value, so a test can check the round trip through `work`'s
/// own parser: an option renamed on one side fails that test instead of a run.
struct WorkerLaunch: Codable, Equatable {
    var producer: String
    var collector: String
    var name: String
    var credit: Int
    var maximumPageBytes: Int
    var lease: Double?
    var peerTimeout: Double?
    var drainGrace: Double?
    var pageTimeout: Double?
    var logLevel: String
    var noOp = false
    /// The process the worker must not outlive (the one starting it).
    var parentPID: Int32?

    /// The arguments of `pagemill`, starting with `work`.
    var arguments: [String] {
        var arguments = [
            "work", "--producer", producer, "--collector", collector, "--name", name,
            "--credit", String(credit), "--max-page-bytes", String(maximumPageBytes), "--log-level", logLevel,
        ]
        let timings: [(String, Double?)] = [
            ("--lease", lease), ("--peer-timeout", peerTimeout), ("--drain-grace", drainGrace),
            ("--page-timeout", pageTimeout),
        ]
        for (option, value) in timings {
            if let value { arguments += [option, String(value)] }
        }
        if noOp { arguments.append("--no-op") }
        if let parentPID { arguments += ["--parent-pid", String(parentPID)] }
        return arguments
    }

    /// The value as one line of JSON, keys sorted: what `--print-launch` prints.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
