import PageModel

/// The pages of one crawl archive, in file order, and what became of the other records.
///
/// Records are read by `WARCReader`, inflated in full, their HTTP codings undone, unless the
/// pages are wanted as stored (for workers that inflate them) and the file is a `.warc.gz` of a
/// member a record: then `GzipMemberScanner` inflates only each member's head and hands the
/// page's member on as it is. The first irregular member sends the rest of the file to
/// `WARCReader`, from that member on, which reports any damage.
final class ArchivePageReader {
    /// One record's fate.
    enum Item {
        case page(RawPage)
        case skipped(WARCPage.Skip)
        /// A record that is not readable as a page (too large, a malformed HTTP message), named
        /// by its id, where it lies, and why.
        case failed(id: String, origin: ArchiveOrigin, reason: String)
        /// Damage: a record cut short, a member that will not inflate, bytes that are not WARC.
        case damaged(origin: ArchiveOrigin, reason: String)
    }

    private let file: FileSystemPath
    let name: String
    private let maximumPageBytes: Int
    private var blockLimit: Int { WARCPage.blockLimit(forPages: maximumPageBytes) }
    private var scanner: GzipMemberScanner?
    private var reader: WARCReader?
    /// Where reading began: the offset asked for, or 0 when it does not start a record.
    let startOffset: Int

    /// Opens `file`, to read from file offset `offset` (0, or where a resumed run left off).
    init(
        _ file: FileSystemPath, maximumPageBytes: Int, pagesAsStored: Bool, startingAt offset: Int = 0
    )
        throws(InputError)
    {
        self.file = file
        self.name = file.display
        self.maximumPageBytes = maximumPageBytes
        let stream = try ArchiveStream(file)
        // An offset that does not start a record here (the file was replaced) is not used.
        if offset > 0, stream.startsRecord(at: offset) {
            try stream.seek(to: offset)
            startOffset = offset
        } else {
            startOffset = 0
        }
        if pagesAsStored, stream.compression == .gzip {
            scanner = try GzipMemberScanner(file, startingAt: startOffset)
        } else {
            reader = WARCReader(stream, maximumBlockBytes: blockLimit)
        }
    }

    /// The next record's fate; nil at the end of the file.
    func next() throws(InputError) -> Item? {
        if scanner != nil, let item = try nextScanned() { return item }
        guard let reader else { return nil }
        guard let item = try reader.next() else { return nil }
        switch item {
        case let .damaged(offset, reason):
            return .damaged(origin: ArchiveOrigin(archive: name, offset: offset), reason: reason)
        case let .record(record):
            switch WARCPage.outcome(of: record, archive: name, maximumPageBytes: maximumPageBytes) {
            case let .page(page): return .page(page)
            case let .skipped(reason): return .skipped(reason)
            case let .failed(reason):
                return .failed(
                    id: WARCPage.recordID(record), origin: ArchiveOrigin(archive: name, offset: record.offset),
                    reason: reason)
            }
        }
    }

    /// Hands the file, from `offset` on, to the full reader, which reports any damage there.
    private func readRestInFull(from offset: Int) throws(InputError) {
        scanner = nil
        reader = WARCReader(try ArchiveStream(file, startingAt: offset), maximumBlockBytes: blockLimit)
    }

    /// The next record from the scanner; nil when the scanner is done, at the file's end or
    /// handing the rest to `WARCReader`.
    private func nextScanned() throws(InputError) -> Item? {
        guard let scanner else { return nil }
        guard let item = try scanner.nextHead() else {
            self.scanner = nil
            return nil
        }
        switch item {
        case let .irregular(offset):
            try readRestInFull(from: offset)
            return nil
        case let .head(head):
            let disposition = WARCPage.disposition(
                type: head.type, headers: head.headers, http: head.http, blockLength: head.blockLength,
                blockLimit: blockLimit)
            let isPage = if case .page = disposition { true } else { false }
            guard let bytes = try scanner.finishMember(keeping: isPage) else {
                try readRestInFull(from: head.offset)
                return nil
            }
            let origin = ArchiveOrigin(archive: name, offset: head.offset)
            let id = head.headers["warc-record-id"].map(WARCPage.stripBrackets) ?? "record@\(head.offset)"
            switch disposition {
            case let .skipped(reason): return .skipped(reason)
            case let .failed(reason): return .failed(id: id, origin: origin, reason: reason)
            case .page:
                return .page(
                    RawPage(
                        id: id, url: head.headers["warc-target-uri"].map(WARCPage.stripBrackets), body: bytes,
                        format: .warcRecord, fetchedAt: head.headers["warc-date"], origin: origin))
            }
        }
    }
}
