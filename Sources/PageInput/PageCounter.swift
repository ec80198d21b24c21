import Foundation

/// Counts the pages in a set of inputs without keeping them, so progress can show a total.
public enum PageCounter {
    /// The number of pages `PageSource` would yield for `inputs`, or nil when it cannot be
    /// known beforehand (standard input).
    public static func count(_ inputs: [String]) -> Int? {
        guard !inputs.contains("-") else { return nil }
        var total = 0
        for input in inputs {
            total += count(path: input)
        }
        return total
    }

    private static func count(path: String) -> Int {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return 0 }
        if !isDirectory.boolValue {
            return PageSource.isJSONLines(path) ? countLines(path) : 1
        }
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total = 0
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            let lower = name.lowercased()
            if PageSource.isJSONLines(lower) {
                total += countLines(path + "/" + relative)
            } else if PageSource.pageExtensions.contains(where: { lower.hasSuffix($0) }) {
                total += 1
            }
        }
        return total
    }

    /// Non-blank lines, read in chunks.
    private static func countLines(_ path: String) -> Int {
        guard let reader = try? CompressedFileReader(path: path) else { return 0 }
        var total = 0
        while true {
            do throws(InputError) {
                guard let line = try reader.readLine(limit: Int.max / 4) else { return total }
                if line.contains(where: { $0 > 0x20 }) { total += 1 }
            } catch {
                return total
            }
        }
    }
}
