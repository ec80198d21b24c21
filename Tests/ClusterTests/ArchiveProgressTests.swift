import PageModel
import Testing

@testable import Cluster

/// The resume offsets a producer journals: never past a record that is not settled.
@Suite struct ArchiveProgressTests {
    @Test func theOffsetStaysAtTheFirstUnsettledRecordWhateverOrderCommitsComeIn() {
        var progress = ArchiveProgress()
        let offsets = [0, 120, 450, 900, 1300]
        for (ticket, offset) in offsets.enumerated() {
            progress.read(ArchiveOrigin(archive: "a.warc.gz", offset: offset), ticket: UInt64(ticket))
        }
        progress.read(ArchiveOrigin(archive: "b.warc.gz", offset: 77), ticket: 99)
        progress.settled(ticket: 2)
        progress.settled(ticket: 3)
        #expect(progress.takeChangedOffsets() == ["a.warc.gz": 0])
        progress.settled(ticket: 0)
        #expect(progress.takeChangedOffsets() == ["a.warc.gz": 120])
        progress.settled(ticket: 1)
        #expect(progress.takeChangedOffsets() == ["a.warc.gz": 1300], "450 and 900 were settled already")
        #expect(progress.takeChangedOffsets().isEmpty, "nothing moved")
        progress.settled(ticket: 4)
        // All of a.warc.gz settled: its last record, read again on resume and passed over by id.
        #expect(progress.takeChangedOffsets() == ["a.warc.gz": 1300])
        progress.settled(ticket: 99)
        #expect(progress.takeChangedOffsets() == ["b.warc.gz": 77])
        progress.settled(ticket: 12345)
        #expect(progress.takeChangedOffsets().isEmpty, "a ticket not from an archive moves nothing")
    }

    @Test func passedOverRecordsMoveTheOffsetOnlyPastSettledOnes() {
        var progress = ArchiveProgress()
        progress.read(ArchiveOrigin(archive: "a", offset: 10), ticket: 1)
        progress.passedOver(ArchiveOrigin(archive: "a", offset: 20))
        #expect(progress.takeChangedOffsets() == ["a": 10])
        progress.settled(ticket: 1)
        #expect(progress.takeChangedOffsets() == ["a": 20])
    }
}
