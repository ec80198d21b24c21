#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts text in a legacy encoding to UTF-8 through iconv (part of the C library).
enum Transcoder {
    /// `bytes` in `charset`, as UTF-8; nil when iconv does not know the charset, or when
    /// `strict` and the bytes are not valid in it. Not strict, invalid bytes are skipped.
    static func toUTF8(_ bytes: ArraySlice<UInt8>, from charset: String, strict: Bool = false) -> [UInt8]? {
        let descriptor = iconv_open("UTF-8", charset)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var input = Array(bytes)
        var produced = 0
        let ok = input.withUnsafeMutableBufferPointer { inputBuffer -> Bool in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Bool in
                var inPointer = UnsafeMutableRawPointer(inputBuffer.baseAddress).map {
                    $0.assumingMemoryBound(to: CChar.self)
                }
                var inLeft = inputBuffer.count
                var outPointer = UnsafeMutableRawPointer(outputBuffer.baseAddress).map {
                    $0.assumingMemoryBound(to: CChar.self)
                }
                var outLeft = outputBuffer.count
                while inLeft > 0 {
                    if iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) == -1 {
                        let code = errno
                        if code == EILSEQ || code == EINVAL {
                            if strict { return false }
                            // Skip the offending byte and carry on.
                            inPointer = inPointer.map { $0 + 1 }
                            inLeft -= 1
                            continue
                        }
                        return false
                    }
                }
                produced = outputBuffer.count - outLeft
                return true
            }
        }
        guard ok else { return nil }
        output.removeSubrange(produced...)
        return output
    }
}
