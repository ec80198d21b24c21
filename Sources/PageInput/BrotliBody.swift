import CBrotli

/// Brotli (RFC 7932), as HTTP bodies sent with `Content-Encoding: br` hold it.
public enum BrotliBody {
    /// Why a body would not decode.
    enum Failure: Error {
        case malformed(String)
        case overLimit
    }

    /// `bytes` decoded, at most `limit` bytes of output; a stream cut short decodes as far as
    /// it goes, as a browser shows it.
    static func decode(_ bytes: [UInt8], limit: Int) -> Result<[UInt8], Failure> {
        guard let decoder = BrotliDecoderCreateInstance(nil, nil, nil) else {
            return .failure(.malformed("brotli could not start decoding"))
        }
        defer { BrotliDecoderDestroyInstance(decoder) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return bytes.withUnsafeBufferPointer { source -> Result<[UInt8], Failure> in
            var availableIn = source.count
            var nextIn = source.baseAddress
            while true {
                let (result, produced) = chunk.withUnsafeMutableBufferPointer { target in
                    var availableOut = target.count
                    var nextOut = target.baseAddress
                    let result = BrotliDecoderDecompressStream(
                        decoder, &availableIn, &nextIn, &availableOut, &nextOut, nil)
                    return (result, target.count - availableOut)
                }
                output.append(contentsOf: chunk[..<produced])
                if output.count > limit { return .failure(.overLimit) }
                switch result {
                case BROTLI_DECODER_RESULT_SUCCESS: return .success(output)
                case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: continue
                case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
                    return output.isEmpty ? .failure(.malformed("the brotli body is cut short")) : .success(output)
                default:
                    let code = BrotliDecoderGetErrorCode(decoder)
                    let name = BrotliDecoderErrorString(code).map { String(cString: $0) } ?? "error \(code)"
                    return .failure(.malformed("a brotli body that cannot be decoded (\(name))"))
                }
            }
        }
    }

    /// `bytes` compressed with brotli at quality 5: for writers of test crawls.
    public static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var size = BrotliEncoderMaxCompressedSize(bytes.count)
        if size == 0 { size = bytes.count + 1024 }
        var output = [UInt8](repeating: 0, count: size)
        let succeeded = bytes.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                BrotliEncoderCompress(
                    5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, source.count, source.baseAddress, &size,
                    target.baseAddress)
            }
        }
        return succeeded == BROTLI_TRUE ? Array(output.prefix(size)) : []
    }
}
