import Extraction
import Foundation
import PageModel

/// Poison pages on demand, for the fault-injection harness: what a page that hangs or crashes
/// its worker every time looks like to the cluster. Active only when a worker is started with
/// `--inject-faults`.
enum FaultInjection {
    static let hangMarker = Array("PAGEMILL-POISON-HANG".utf8)
    static let crashMarker = Array("PAGEMILL-POISON-CRASH".utf8)
    /// A page that takes three seconds, longer than a short `--peer-timeout`, then extracts.
    static let slowMarker = Array("PAGEMILL-POISON-SLOW".utf8)

    static func apply(to page: RawPage) {
        if contains(page.body, crashMarker) { abort() }
        if contains(page.body, slowMarker) { Thread.sleep(forTimeInterval: 3) }
        if contains(page.body, hangMarker) {
            while true { Thread.sleep(forTimeInterval: 3600) }
        }
    }

    private static func contains(_ body: [UInt8], _ marker: [UInt8]) -> Bool {
        guard let first = marker.first, body.count >= marker.count else { return false }
        var index = 0
        while index <= body.count - marker.count {
            if body[index] == first, body[index..<(index + marker.count)].elementsEqual(marker) { return true }
            index += 1
        }
        return false
    }
}
