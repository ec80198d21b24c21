import CZstd

/// Writes `.warc.zst` as the Internet Archive does: a dictionary trained on sample records, in
/// a skippable frame (itself zstd-compressed) at the start, then a frame a record, each with
/// its checksum. For writers of test archives and demos (`pagemill generate --compression zstd`).
public final class ZstdArchiveWriter {
    private let context: OpaquePointer?
    private let dictionary: [UInt8]

    /// Trains a dictionary of at most `dictionaryBytes` on `samples` (without one, when there
    /// are too few samples to train on) for records compressed at `level`.
    public init(samples: [[UInt8]], dictionaryBytes: Int = 64 << 10, level: Int32 = 3) {
        context = ZSTD_createCCtx()
        var trained = [UInt8](repeating: 0, count: dictionaryBytes)
        let joined = samples.flatMap { $0 }
        let sizes = samples.map { $0.count }
        let size = trained.withUnsafeMutableBytes { target in
            joined.withUnsafeBytes { source in
                ZDICT_trainFromBuffer(target.baseAddress, target.count, source.baseAddress, sizes, UInt32(sizes.count))
            }
        }
        dictionary = ZDICT_isError(size) != 0 || samples.count < 8 ? [] : Array(trained.prefix(size))
        if let context {
            ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level)
            ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)
            if !dictionary.isEmpty {
                _ = dictionary.withUnsafeBytes { ZSTD_CCtx_loadDictionary(context, $0.baseAddress, $0.count) }
            }
        }
    }

    deinit {
        if let context { ZSTD_freeCCtx(context) }
    }

    /// The file's first bytes: the dictionary's skippable frame, or nothing without one.
    public var header: [UInt8] {
        guard !dictionary.isEmpty else { return [] }
        let compressed = Self.frame(dictionary, context: nil)
        let length = UInt32(compressed.count)
        return ArchiveStream.zstdDictionaryMagic + (0..<4).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) }
            + compressed
    }

    /// One record as a frame, compressed with the dictionary.
    public func compress(_ record: [UInt8]) -> [UInt8] {
        Self.frame(record, context: context)
    }

    private static func frame(_ bytes: [UInt8], context: OpaquePointer?) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
        let written = output.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                if let context {
                    return ZSTD_compress2(context, target.baseAddress, target.count, source.baseAddress, source.count)
                }
                return ZSTD_compress(target.baseAddress, target.count, source.baseAddress, source.count, 19)
            }
        }
        return ZSTD_isError(written) != 0 ? [] : Array(output.prefix(written))
    }
}
