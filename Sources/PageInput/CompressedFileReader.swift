import CZlib
import Foundation

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
    convenience init(path: String) throws(InputError) {
        try self.init(path == "-" ? nil : FileSystemPath(path))
    }

    /// Opens `path`, or standard input when nil. The file is opened without blocking and must
    /// be a regular file: a FIFO or a device named like a page would block the producer forever
    /// (and deaf to SIGTERM) in `open` or `read`.
    init(_ path: FileSystemPath?) throws(InputError) {
        let name = path?.display ?? "-"
        let descriptor: Int32
        if let path {
            let opened = path.withCString { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC) }
            guard opened >= 0 else {
                throw InputError(
                    .unreadable, location: name, detail: "cannot open: \(String(cString: strerror(errno)))")
            }
            var info = stat()
            guard fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                close(opened)
                let shape = FileKind(info).shape
                let what = if case let .other(description) = shape { description } else { "not a regular file" }
                throw InputError(.unreadable, location: name, detail: "\(what), not a regular file: not read")
            }
            // Regular files never block; reads go back to the ordinary mode.
            _ = fcntl(opened, F_SETFL, fcntl(opened, F_GETFL) & ~O_NONBLOCK)
            descriptor = opened
        } else {
            descriptor = dup(0)
        }
        guard let opened = gzdopen(descriptor, "rb") else {
            close(descriptor)
            throw InputError(.unreadable, location: name, detail: "cannot open for reading")
        }
        handle = opened
        self.path = name
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

    /// Counts the lines holding anything but white space, from here to the end (or to the
    /// first read error), a buffer at a time: no line is ever held whole.
    func countNonBlankLines() -> Int {
        var total = 0
        var lineHasContent = false
        while true {
            if bufferStart >= bufferEnd {
                if atEnd { break }
                guard (try? refill()) != nil, bufferStart < bufferEnd else { break }
            }
            for index in bufferStart..<bufferEnd {
                let byte = buffer[index]
                if byte == 0x0A {
                    if lineHasContent { total += 1 }
                    lineHasContent = false
                } else if byte > 0x20 {
                    lineHasContent = true
                }
            }
            bufferStart = bufferEnd
        }
        return total + (lineHasContent ? 1 : 0)
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
        var code: Int32 = 0
        let message = gzerror(handle, &code).map { String(cString: $0) } ?? "read error"
        if count < 0 {
            throw InputError(.unreadable, location: path, detail: message)
        }
        // zlib hands over what it could inflate of a stream cut short, then says so only
        // through gzerror: a truncated .gz is damage, not a shorter page.
        if count == 0, code == Z_BUF_ERROR {
            throw InputError(.unreadable, location: path, detail: "the gzip stream is cut short (\(message))")
        }
        return Int(count)
    }
}
