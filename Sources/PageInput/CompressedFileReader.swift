import CZlib

/// Reads a file, or standard input, through zlib: gzip-compressed and plain files alike.
/// Closed when released.
final class CompressedFileReader {
    private let handle: gzFile
    let path: String
    private var buffer = [UInt8](repeating: 0, count: 1 << 17)
    private var bufferStart = 0
    private var bufferEnd = 0
    private var atEnd = false

    /// Opens `path`, or standard input when `path` is "-".
    init(path: String) throws(InputError) {
        let opened = path == "-" ? gzdopen(0, "rb") : gzopen(path, "rb")
        guard let opened else { throw InputError(.unreadable, location: path, detail: "cannot open for reading") }
        handle = opened
        self.path = path
        gzbuffer(handle, 1 << 17)
    }

    deinit {
        gzclose_r(handle)
    }

    /// Reads everything, or throws `.tooLarge` once more than `limit` bytes have come.
    func readAll(limit: Int) throws(InputError) -> [UInt8] {
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try readChunk(into: &chunk)
            if count == 0 { return output }
            output.append(contentsOf: chunk[0..<count])
            if output.count > limit {
                throw InputError(.tooLarge, location: path, detail: "page is over the limit of \(limit) bytes")
            }
        }
    }

    /// The next line without its newline, nil at the end. A line longer than `limit` is skipped
    /// to its end and reported as `.tooLarge` so that reading can go on with the next line.
    func readLine(limit: Int) throws(InputError) -> [UInt8]? {
        var line: [UInt8] = []
        var overflowed = false
        while true {
            if bufferStart >= bufferEnd {
                if atEnd { break }
                try refill()
                if bufferStart >= bufferEnd { break }
            }
            let available = buffer[bufferStart..<bufferEnd]
            if let newline = available.firstIndex(of: 0x0A) {
                if !overflowed { line.append(contentsOf: buffer[bufferStart..<newline]) }
                bufferStart = newline + 1
                return try finish(line, overflowed: overflowed, limit: limit)
            }
            if !overflowed { line.append(contentsOf: available) }
            bufferStart = bufferEnd
            if line.count > limit { overflowed = true; line = [] }
        }
        if line.isEmpty && !overflowed { return nil }
        return try finish(line, overflowed: overflowed, limit: limit)
    }

    private func finish(_ line: [UInt8], overflowed: Bool, limit: Int) throws(InputError) -> [UInt8] {
        if overflowed || line.count > limit {
            throw InputError(.tooLarge, location: path, detail: "line is over the limit of \(limit) bytes")
        }
        return line.last == 0x0D ? Array(line.dropLast()) : line
    }

    private func refill() throws(InputError) {
        let count = try readChunk(into: &buffer)
        bufferStart = 0
        bufferEnd = count
        if count == 0 { atEnd = true }
    }

    private func readChunk(into chunk: inout [UInt8]) throws(InputError) -> Int {
        let count = chunk.withUnsafeMutableBytes { gzread(handle, $0.baseAddress, UInt32($0.count)) }
        if count < 0 {
            var code: Int32 = 0
            let message = gzerror(handle, &code).map { String(cString: $0) } ?? "read error"
            throw InputError(.unreadable, location: path, detail: message)
        }
        return Int(count)
    }
}
