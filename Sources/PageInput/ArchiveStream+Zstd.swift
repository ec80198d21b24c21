import CZstd

/// `.warc.zst` (the IIPC's "Zstandard Compression for WARC Files"): a zstd frame a record, and
/// optionally, first, the dictionary they were compressed with, in a skippable frame of magic
/// 0x184D2A5D, itself zstd-compressed or not.
extension ArchiveStream {
    /// The skippable frame's magic that holds a `.warc.zst` dictionary, as the file's bytes.
    static let zstdDictionaryMagic: [UInt8] = [0x5D, 0x2A, 0x4D, 0x18]

    /// Reads up to `capacity` bytes of the archive's content: frame after frame, a frame's end
    /// ending a read, so that every read's bytes come from one frame (named by `memberOffset`).
    func readZstd(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) throws(InputError) -> Int {
        guard let context = zstdContext else {
            throw InputError(.unreadable, location: name, detail: "zstd could not start decompressing")
        }
        if !zstdDictionaryRead { try readZstdDictionary(into: context) }
        while true {
            if inputStart == inputEnd { try refill() }
            if inputStart == inputEnd {
                // The file ended, perhaps inside a frame (a writer killed): the record reader
                // finds that record cut short.
                if inMember { ZSTD_DCtx_reset(context, ZSTD_reset_session_only) }
                inMember = false
                return 0
            }
            if !inMember {
                memberOffset = inputOffset + inputStart
                inMember = true
            }
            let available = inputEnd - inputStart
            let (result, consumed, produced) = input.withUnsafeBufferPointer { source in
                var inBuffer = ZSTD_inBuffer(src: source.baseAddress! + inputStart, size: available, pos: 0)
                var outBuffer = ZSTD_outBuffer(dst: buffer, size: capacity, pos: 0)
                let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
                return (result, inBuffer.pos, outBuffer.pos)
            }
            inputStart += consumed
            if ZSTD_isError(result) != 0 {
                damage.append((memberOffset, String(cString: ZSTD_getErrorName(result))))
                ZSTD_DCtx_reset(context, ZSTD_reset_session_only)
                inMember = false
                try skipToNextMember(after: memberOffset)
                continue
            }
            if result == 0 { inMember = false }  // The frame is decoded and all of it handed out.
            if produced > 0 { return produced }
        }
    }

    /// Loads the dictionary frame at the file's start, when there is one (read apart, so that
    /// a resumed run starting in the middle has it too), and moves past it when reading from
    /// the start.
    private func readZstdDictionary(into context: OpaquePointer) throws(InputError) {
        zstdDictionaryRead = true
        let head = bytes(at: 0, count: 8)
        guard head.count == 8, Array(head.prefix(4)) == Self.zstdDictionaryMagic else { return }
        let size = (0..<4).reduce(0) { $0 | Int(head[4 + $1]) << (8 * $1) }
        var dictionary = bytes(at: 8, count: size)
        guard dictionary.count == size else {
            throw InputError(.malformed, location: name, detail: "the zstd dictionary frame is cut short")
        }
        if inputOffset + inputStart == 0 { try seek(to: 8 + size) }
        if dictionary.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) {
            dictionary = try Self.decompressFrame(dictionary, name: name)
        }
        let loaded = dictionary.withUnsafeBytes { ZSTD_DCtx_loadDictionary(context, $0.baseAddress, $0.count) }
        if ZSTD_isError(loaded) != 0 {
            throw InputError(
                .malformed, location: name,
                detail: "the zstd dictionary cannot be loaded: \(String(cString: ZSTD_getErrorName(loaded)))")
        }
    }

    /// One whole zstd frame's content (the compressed dictionary).
    private static func decompressFrame(_ frame: [UInt8], name: String) throws(InputError) -> [UInt8] {
        let size = frame.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        guard size < 1 << 30 else {
            throw InputError(.malformed, location: name, detail: "the zstd dictionary's size is not recorded")
        }
        var output = [UInt8](repeating: 0, count: Int(size))
        let written = output.withUnsafeMutableBytes { target in
            frame.withUnsafeBytes { ZSTD_decompress(target.baseAddress, target.count, $0.baseAddress, $0.count) }
        }
        guard ZSTD_isError(written) == 0 else {
            throw InputError(
                .malformed, location: name,
                detail: "the zstd dictionary cannot be decompressed: \(String(cString: ZSTD_getErrorName(written)))")
        }
        return Array(output.prefix(written))
    }
}
