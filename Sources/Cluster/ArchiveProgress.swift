import PageModel

/// Where each crawl archive could be resumed from: the offset of the first record read and not
/// yet settled (committed, failed or passed over), or, when all are, of the last one read (a
/// resumed run reads that one again and passes over it by its id). Records of an archive are
/// read in file order, so each archive's pending offsets form a queue.
struct ArchiveProgress {
    private struct Archive {
        var pending: [Int] = []
        var head = 0
        var settled: Set<Int> = []
        var lastRead = 0

        /// The resume offset, after dropping the settled records at the queue's head.
        mutating func resumeOffset() -> Int {
            while head < pending.count, settled.remove(pending[head]) != nil { head += 1 }
            if head > 1024, head * 2 > pending.count {
                pending.removeFirst(head)
                head = 0
            }
            return head < pending.count ? pending[head] : lastRead
        }
    }

    private var archives: [String: Archive] = [:]
    private var origins: [UInt64: ArchiveOrigin] = [:]
    private var changed: Set<String> = []

    /// A record handed out (or reported unreadable) under `ticket`.
    mutating func read(_ origin: ArchiveOrigin, ticket: UInt64) {
        archives[origin.archive, default: Archive()].pending.append(origin.offset)
        archives[origin.archive]?.lastRead = origin.offset
        origins[ticket] = origin
    }

    /// A record passed over: committed in an earlier run.
    mutating func passedOver(_ origin: ArchiveOrigin) {
        archives[origin.archive, default: Archive()].lastRead = origin.offset
        changed.insert(origin.archive)
    }

    /// The page under `ticket` is settled; nothing when it was not from an archive.
    mutating func settled(ticket: UInt64) {
        guard let origin = origins.removeValue(forKey: ticket) else { return }
        archives[origin.archive]?.settled.insert(origin.offset)
        changed.insert(origin.archive)
    }

    /// The resume offsets of the archives whose offset may have moved since the last call.
    mutating func takeChangedOffsets() -> [String: Int] {
        var offsets: [String: Int] = [:]
        for name in changed { offsets[name] = archives[name]?.resumeOffset() }
        changed.removeAll(keepingCapacity: true)
        return offsets
    }
}
