import Cluster
import Foundation

/// Shows a run's progress: a bar redrawn in place on a terminal, a plain line every few
/// seconds otherwise (logs, CI).
final class ProgressDisplay {
    private let started = Date()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastDrawn = Date.distantPast

    /// Draws if it is time to; `total` is nil while the inputs are still being counted.
    func update(_ statistics: ProducerStatistics, total: Int?) {
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= (isTerminal ? 0.25 : 5) else { return }
        lastDrawn = now
        let elapsed = max(0.001, now.timeIntervalSince(started))
        let rate = Double(statistics.done) / elapsed
        let knownTotal = total ?? (statistics.inputExhausted ? statistics.read : nil)
        var line: String
        if let knownTotal, knownTotal > 0 {
            let fraction = min(1, Double(statistics.done) / Double(knownTotal))
            let remaining = rate > 0 ? Double(knownTotal - statistics.done) / rate : 0
            if isTerminal {
                let width = 30
                let filled = Int(fraction * Double(width))
                line =
                    "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            } else {
                line = ""
            }
            let eta = statistics.done > 0 ? Self.duration(remaining) : "--"
            line += "\(statistics.done)/\(knownTotal) pages (\(Int(fraction * 100))%), \(Int(rate)) pages/s, ETA \(eta)"
        } else {
            line = "\(statistics.done) pages, \(Int(rate)) pages/s"
        }
        line += ", \(statistics.workers) workers"
        if statistics.failed > 0 { line += ", \(statistics.failed) failed" }
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        } else {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Ends the bar's line on a terminal.
    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600
            ? "\(whole / 3600)h\(whole % 3600 / 60)m" : whole >= 60 ? "\(whole / 60)m\(whole % 60)s" : "\(whole)s"
    }
}
