import Foundation

/// Counts the pages in a set of inputs without keeping them, so progress can show a total.
/// Walks folders as `PageSource` does (each real folder once) and counts JSON Lines in chunks,
/// never holding a line: a 4 GiB line costs no more memory than a short one.
public enum PageCounter {
    /// The number of pages `PageSource` would yield for `inputs`, or nil when it cannot be
    /// known beforehand (standard input).
    public static func count(_ inputs: [String]) -> Int? {
        guard !inputs.contains("-") else { return nil }
        var visited: Set<FileKind.Identity> = []
        return inputs.reduce(0) { $0 + count(path: FileSystemPath($1), explicit: true, visited: &visited) }
    }

    private static func count(path: FileSystemPath, explicit: Bool, visited: inout Set<FileKind.Identity>) -> Int {
        guard case .success(let kind) = path.kind() else { return explicit ? 1 : 0 }
        let name = path.display.lowercased()
        switch kind.shape {
        case .directory:
            guard visited.insert(kind.identity).inserted, let names = try? path.folderNames() else {
                return 0
            }
            return names.reduce(0) { $0 + count(path: path.appending($1), explicit: false, visited: &visited) }
        case .regular where PageSource.isJSONLines(name):
            return countLines(path)
        case .regular, .other:
            if explicit { return 1 }
            return PageSource.pageExtensions.contains(where: { name.hasSuffix($0) }) ? 1 : 0
        }
    }

    /// Non-blank lines, read in chunks; what could be read before an error.
    private static func countLines(_ path: FileSystemPath) -> Int {
        guard let reader = try? CompressedFileReader(path) else { return 1 }
        return reader.countNonBlankLines()
    }
}
