import PageModel
import Foundation

/// One item read from the inputs: a page, or a page that could not be read and why.
public enum InputItem: Sendable {
    /// A page, ready to hand out.
    case page(RawPage)
    /// A page that cannot be processed (too large, a JSON Lines line that is not JSON).
    case unreadable(id: String, error: InputError)
    /// A page the journal says is already committed: passed over without being read.
    case alreadyStored(id: String)

    /// The id of the page this item is about.
    public var pageID: String {
        switch self {
        case let .page(page): page.id
        case let .unreadable(id, _), let .alreadyStored(id): id
        }
    }

    /// The fetch this item is (`RawPage.fetchKey`); the id when it is not a page.
    public var fetchKey: String {
        if case let .page(page) = self { return page.fetchKey }
        return pageID
    }
}

/// Streams pages from files, folders (recursively), JSON Lines files and standard input, one at
/// a time: memory holds one page and one folder listing, however large the inputs.
///
/// Page identities: a file's path relative to the folder given as input (its name, when the
/// file itself was given); a JSON Lines page's `id`, else its `url`, else `FILE:LINE`.
///
/// Folders are followed once each, however many symbolic links lead to them (a link loop is
/// read once, not forever); anything that is not a regular file (a FIFO, a device) is reported,
/// never opened in a way that could block.
public final class PageSource {
    private enum Pending {
        case path(FileSystemPath, id: String, explicit: Bool)
        case directory(FileSystemPath, id: String)
        case standardInput
    }

    private var pending: [Pending] = []
    private var lines: (reader: CompressedFileReader, id: String, number: Int)?
    private var archive: ArchivePageReader?
    /// Whether pages of `.warc.gz` archives are handed on as stored, their gzip member whole,
    /// for workers to inflate (`RawPage.Format.warcRecord`); otherwise they are read in full.
    public var pagesAsStored = false
    /// Where to start reading an archive, by its path as given: the offset a resumed run left
    /// off at (the producer's journal keeps it); nil to read it from the start.
    public var resumeOffset: ((String) -> Int?)?
    /// Archives whose reading began at a resume offset, and the offset.
    public private(set) var resumedArchives: [(archive: String, offset: Int)] = []
    /// Where the item returned last lies in its archive; nil for items not from one.
    public private(set) var lastItemOrigin: ArchiveOrigin?
    /// WARC records that were not pages, by reason ("redirect", "not HTML", "revisit").
    public private(set) var skippedRecords: [String: Int] = [:]
    private var visitedFolders: Set<FileKind.Identity> = []
    private let maximumPageBytes: Int

    /// The file endings read inside folders; others are skipped.
    public static let pageExtensions = [".html", ".htm", ".txt", ".html.gz", ".htm.gz", ".txt.gz"]
    /// The file endings read as JSON Lines.
    public static let jsonLinesExtensions = [".jsonl", ".jsonl.gz"]
    /// The file endings read as crawl archives: WARC, and WET (its plain-text conversions).
    public static let archiveExtensions = [".warc", ".warc.gz", ".warc.zst", ".wet", ".wet.gz", ".wet.zst"]

    /// Prepares to read `inputs` in order. Throws `.missing` for a path that does not exist,
    /// before anything is read.
    public init(inputs: [String], maximumPageBytes: Int) throws(InputError) {
        self.maximumPageBytes = maximumPageBytes
        try Self.validate(inputs)
        for input in inputs.reversed() {
            let path = FileSystemPath(input)
            if input == "-" {
                pending.append(.standardInput)
            } else if case .success(let kind) = path.kind(), kind.shape == .directory {
                pending.append(.directory(path, id: ""))
            } else {
                pending.append(.path(path, id: (input as NSString).lastPathComponent, explicit: true))
            }
        }
    }

    /// Throws `.missing` for the first input path that does not exist.
    public static func validate(_ inputs: [String]) throws(InputError) {
        for input in inputs where input != "-" {
            if case .failure(let error) = FileSystemPath(input).kind(), error.code == .missing {
                throw InputError(.missing, location: input, detail: "no such file or folder")
            }
        }
    }

    /// The next item, or nil when every input has been read. A page whose fetch `isStored` says
    /// is already committed (`RawPage.fetchKey`: its id, and its fetch time when known) comes
    /// back as `.alreadyStored` without its content being read (a JSON Lines line is parsed).
    public func next(passingOver isStored: ((String) -> Bool)?) -> InputItem? {
        lastItemOrigin = nil
        while true {
            if let item = nextLine() ?? nextRecord() {
                if let isStored, isStored(item.fetchKey) { return .alreadyStored(id: item.pageID) }
                return item
            }
            guard let next = pending.popLast() else { return nil }
            switch next {
            case let .directory(path, id):
                if let failure = expand(directory: path, id: id) { return failure }
            case let .path(path, id, explicit):
                if let isStored, !Self.isJSONLines(path.display), !Self.isArchive(path.display), isStored(id) {
                    return .alreadyStored(id: id)
                }
                if let item = open(file: path, id: id, explicit: explicit) { return item }
            case .standardInput:
                if let item = openLines(nil, id: "stdin") { return item }
            }
        }
    }

    /// Adds a folder's entries to the pending list; a failure item when it cannot be listed.
    private func expand(directory: FileSystemPath, id: String) -> InputItem? {
        if case .success(let kind) = directory.kind() {
            // A folder reached again (a symbolic link to itself or to an ancestor) is read once.
            guard visitedFolders.insert(kind.identity).inserted else {
                return nil
            }
        }
        let names: [[UInt8]]
        do throws(InputError) {
            names = try directory.folderNames()
        } catch {
            return .unreadable(id: id.isEmpty ? directory.display : id, error: error)
        }
        for name in names.reversed() {
            let path = directory.appending(name)
            let display = String(decoding: name, as: UTF8.self)
            let childID = id.isEmpty ? display : id + "/" + display
            switch path.kind() {
            case .failure:
                continue  // A dangling symbolic link, or a file removed since the listing.
            case .success(let kind):
                if kind.shape == .directory {
                    pending.append(.directory(path, id: childID))
                } else if Self.isJSONLines(display) || Self.isArchive(display)
                    || Self.pageExtensions.contains(where: { display.lowercased().hasSuffix($0) })
                {
                    pending.append(.path(path, id: childID, explicit: false))
                }
            }
        }
        return nil
    }

    private func open(file: FileSystemPath, id: String, explicit: Bool) -> InputItem? {
        let name = file.display
        if Self.isJSONLines(name) { return openLines(file, id: id) }
        if Self.isArchive(name) { return openArchive(file, id: id) }
        switch file.kind() {
        case .failure(let error):
            return .unreadable(id: id, error: error)
        case .success(let kind):
            if case let .other(description) = kind.shape {
                return .unreadable(
                    id: id,
                    error: InputError(
                        .unreadable, location: name, detail: "\(description), not a regular file: not read"))
            }
            // A plain file's size is known before reading: refuse a huge one without reading it.
            if !name.hasSuffix(".gz"), kind.size > maximumPageBytes {
                return .unreadable(
                    id: id,
                    error: InputError(
                        .tooLarge, location: name,
                        detail: "page is \(kind.size) bytes, over the --max-page-bytes limit of \(maximumPageBytes)"))
            }
        }
        do throws(InputError) {
            let body = try CompressedFileReader(file).readAll(limit: maximumPageBytes)
            return .page(RawPage(id: id, body: body, format: Self.format(of: name)))
        } catch {
            return .unreadable(id: id, error: error)
        }
    }

    /// Starts reading a JSON Lines file (standard input when nil); a failure item when it cannot be opened.
    private func openLines(_ file: FileSystemPath?, id: String) -> InputItem? {
        do throws(InputError) {
            lines = (try CompressedFileReader(file), id, 0)
            return nil
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
                return .unreadable(
                    id: location, error: InputError(error.code, location: location, detail: error.detail))
            }
            if !bytes.contains(where: { $0 > 0x20 }) { continue }  // Blank lines are not pages.
            return JSONLinesPage.parse(bytes, location: location, maximumPageBytes: maximumPageBytes)
        }
    }

    static func isArchive(_ path: String) -> Bool {
        archiveExtensions.contains { path.lowercased().hasSuffix($0) }
    }

    /// Starts reading a crawl archive, where a resumed run left off if it did; a failure item
    /// when it cannot be opened.
    private func openArchive(_ file: FileSystemPath, id: String) -> InputItem? {
        do throws(InputError) {
            let reader = try ArchivePageReader(
                file, maximumPageBytes: maximumPageBytes, pagesAsStored: pagesAsStored,
                startingAt: resumeOffset?(file.display) ?? 0)
            if reader.startOffset > 0 { resumedArchives.append((file.display, reader.startOffset)) }
            archive = reader
            return nil
        } catch {
            return .unreadable(id: id, error: error)
        }
    }

    /// The next page of the archive being read, or damage in it; nil when it is done. Records
    /// that are not pages are counted in `skippedRecords`.
    private func nextRecord() -> InputItem? {
        guard let reader = archive else { return nil }
        while true {
            let item: ArchivePageReader.Item
            do throws(InputError) {
                guard let next = try reader.next() else {
                    archive = nil
                    return nil
                }
                item = next
            } catch {
                archive = nil
                return .unreadable(id: reader.name, error: error)
            }
            switch item {
            case let .page(page):
                lastItemOrigin = page.origin
                return .page(page)
            case let .skipped(reason):
                skippedRecords[reason.rawValue, default: 0] += 1
            case let .damaged(origin, reason):
                lastItemOrigin = origin
                let location = "\(origin.archive)@\(origin.offset)"
                return .unreadable(id: location, error: InputError(.malformed, location: location, detail: reason))
            case let .failed(id, origin, reason):
                lastItemOrigin = origin
                let location = "\(origin.archive)@\(origin.offset)"
                return .unreadable(id: id, error: InputError(.malformed, location: location, detail: reason))
            }
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
