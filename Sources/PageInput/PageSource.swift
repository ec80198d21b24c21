import Extraction
import Foundation

/// One item read from the inputs: a page, or a page that could not be read and why.
public enum InputItem: Sendable {
    /// A page, ready to hand out.
    case page(RawPage)
    /// A page that cannot be processed (too large, a JSON Lines line that is not JSON).
    case unreadable(id: String, error: InputError)
}

/// Streams pages from files, folders (recursively), JSON Lines files and standard input, one at
/// a time: memory holds one page and one folder listing, however large the inputs.
///
/// Page identities: a file's path relative to the folder given as input (its name, when the
/// file itself was given); a JSON Lines page's `id`, else its `url`, else `FILE:LINE`.
public final class PageSource {
    private enum Pending {
        case path(absolute: String, id: String, explicit: Bool)
        case directory(absolute: String, id: String)
    }

    private var pending: [Pending] = []
    private var lines: (reader: CompressedFileReader, id: String, number: Int)?
    private let maximumPageBytes: Int

    /// The file endings read inside folders; others are skipped.
    public static let pageExtensions = [".html", ".htm", ".txt", ".html.gz", ".htm.gz", ".txt.gz"]
    /// The file endings read as JSON Lines.
    public static let jsonLinesExtensions = [".jsonl", ".jsonl.gz"]

    /// Prepares to read `inputs` in order. Throws `.missing` for a path that does not exist,
    /// before anything is read.
    public init(inputs: [String], maximumPageBytes: Int) throws(InputError) {
        self.maximumPageBytes = maximumPageBytes
        try Self.validate(inputs)
        for input in inputs.reversed() {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory)
            if input == "-" {
                pending.append(.path(absolute: "-", id: "stdin", explicit: true))
            } else if isDirectory.boolValue {
                pending.append(.directory(absolute: input, id: ""))
            } else {
                pending.append(.path(absolute: input, id: (input as NSString).lastPathComponent, explicit: true))
            }
        }
    }

    /// Throws `.missing` for the first input path that does not exist.
    public static func validate(_ inputs: [String]) throws(InputError) {
        for input in inputs where input != "-" && !FileManager.default.fileExists(atPath: input) {
            throw InputError(.missing, location: input, detail: "no such file or folder")
        }
    }

    /// The next item, or nil when every input has been read.
    public func next() -> InputItem? {
        while true {
            if let item = nextLine() { return item }
            guard let next = pending.popLast() else { return nil }
            switch next {
            case let .directory(absolute, id):
                expand(directory: absolute, id: id)
            case let .path(absolute, id, explicit):
                if let item = open(file: absolute, id: id, explicit: explicit) { return item }
            }
        }
    }

    /// Passes over the next item without reading a page file's content (a JSON Lines line is
    /// read, not parsed): how a restarted producer skips what was committed. False at the end.
    public func skip() -> Bool {
        while true {
            if let current = lines {
                if let line = try? current.reader.readLine(limit: Int.max / 4) {
                    lines?.number += 1
                    if line.contains(where: { $0 > 0x20 }) { return true }
                    continue
                }
                lines = nil
            }
            guard let next = pending.popLast() else { return false }
            switch next {
            case let .directory(absolute, id):
                expand(directory: absolute, id: id)
            case let .path(absolute, id, _):
                if Self.isJSONLines(absolute) || absolute == "-" {
                    guard let reader = try? CompressedFileReader(path: absolute) else { return true }
                    lines = (reader, id, 0)
                    continue
                }
                return true
            }
        }
    }

    private func expand(directory: String, id: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names.sorted().reversed() where !name.hasPrefix(".") {
            let absolute = directory + "/" + name
            let childID = id.isEmpty ? name : id + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                pending.append(.directory(absolute: absolute, id: childID))
            } else if Self.isJSONLines(name) || Self.pageExtensions.contains(where: { name.lowercased().hasSuffix($0) }) {
                pending.append(.path(absolute: absolute, id: childID, explicit: false))
            }
        }
    }

    private func open(file: String, id: String, explicit: Bool) -> InputItem? {
        if Self.isJSONLines(file) || file == "-" {
            do throws(InputError) {
                lines = (try CompressedFileReader(path: file), id, 0)
                return nil
            } catch {
                return .unreadable(id: id, error: error)
            }
        }
        // A plain file's size is known before reading: refuse a huge one without reading it.
        if !file.hasSuffix(".gz"), let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int,
           size > maximumPageBytes {
            return .unreadable(id: id, error: InputError(.tooLarge, location: file,
                detail: "page is \(size) bytes, over the --max-page-bytes limit of \(maximumPageBytes)"))
        }
        do throws(InputError) {
            let body = try CompressedFileReader(path: file).readAll(limit: maximumPageBytes)
            return .page(RawPage(id: id, body: body, format: Self.format(of: file)))
        } catch {
            return .unreadable(id: id, error: error)
        }
    }

    private func nextLine() -> InputItem? {
        guard let current = lines else { return nil }
        while true {
            let number = (lines?.number ?? current.number) + 1
            lines?.number = number
            let location = "\(current.id):\(number)"
            let bytes: [UInt8]
            do throws(InputError) {
                guard let line = try current.reader.readLine(limit: maximumPageBytes * 2 + 4096) else {
                    lines = nil
                    return nil
                }
                bytes = line
            } catch {
                if error.code == .unreadable { lines = nil }
                return .unreadable(id: location, error: InputError(error.code, location: location, detail: error.detail))
            }
            if !bytes.contains(where: { $0 > 0x20 }) { continue } // Blank lines are not pages.
            return JSONLinesPage.parse(bytes, location: location, maximumPageBytes: maximumPageBytes)
        }
    }

    static func isJSONLines(_ path: String) -> Bool {
        jsonLinesExtensions.contains { path.lowercased().hasSuffix($0) }
    }

    static func format(of path: String) -> RawPage.Format {
        let name = path.lowercased().replacingOccurrences(of: ".gz", with: "")
        if name.hasSuffix(".html") || name.hasSuffix(".htm") { return .html }
        if name.hasSuffix(".txt") { return .text }
        return .unknown
    }
}
