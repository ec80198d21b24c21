import Foundation

/// A file open for reading, closed when released: the checked calls the archive readers make
/// (a read retried on EINTR, a positioned read, a seek), each failure an `InputError` naming
/// the file and saying what the kernel said.
final class ReadOnlyFile {
    let name: String
    private let descriptor: Int32

    /// Opens `path` for reading.
    init(_ path: FileSystemPath) throws(InputError) {
        name = path.display
        let opened = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard opened >= 0 else { throw Self.failure("cannot open", name) }
        descriptor = opened
    }

    deinit {
        close(descriptor)
    }

    /// Reads up to `count` bytes at the file's position into `buffer`; 0 at the end.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws(InputError) -> Int {
        while true {
            let read = Foundation.read(descriptor, buffer, count)
            if read >= 0 { return read }
            guard errno == EINTR else { throw Self.failure("read failed", name) }
        }
    }

    /// Reads `count` bytes at `offset`, apart from the file's position; fewer at its end.
    func bytes(at offset: Int, count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
        return Array(bytes.prefix(max(0, read)))
    }

    /// Moves the file's position to `offset`.
    func seek(to offset: Int) throws(InputError) {
        guard lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
            throw Self.failure("cannot seek to \(offset)", name)
        }
    }

    private static func failure(_ what: String, _ name: String) -> InputError {
        InputError(.unreadable, location: name, detail: "\(what): \(String(cString: strerror(errno)))")
    }
}
