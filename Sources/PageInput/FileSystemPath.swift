import Foundation

/// A path as the kernel knows it: bytes, not necessarily UTF-8. A file name that is not UTF-8
/// is still a file to read; its page id shows the bad bytes as U+FFFD.
struct FileSystemPath: Sendable {
    /// The path's bytes, without a terminating NUL.
    let bytes: [UInt8]

    init(_ string: String) { bytes = Array(string.utf8) }
    init(bytes: [UInt8]) { self.bytes = bytes }

    /// For messages and ids: bytes that are not UTF-8 become U+FFFD.
    var display: String { String(decoding: bytes, as: UTF8.self) }

    func appending(_ name: [UInt8]) -> FileSystemPath {
        FileSystemPath(bytes: bytes + [0x2F] + name)
    }

    /// Calls `body` with the path as a C string.
    func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// What `stat` says the path is (following symbolic links), or the reason it cannot say.
    func kind() -> Result<FileKind, InputError> {
        var info = stat()
        let result = withCString { stat($0, &info) }
        guard result == 0 else {
            return .failure(
                InputError(
                    errno == ENOENT ? .missing : .unreadable, location: display,
                    detail: String(cString: strerror(errno))))
        }
        return .success(FileKind(info))
    }

    /// The names in this folder, sorted by their bytes, hidden ones (starting with a dot) left out.
    func folderNames() throws(InputError) -> [[UInt8]] {
        guard let folder = withCString({ opendir($0) }) else {
            throw InputError(
                .unreadable, location: display, detail: "cannot list the folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(folder) }
        var names: [[UInt8]] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name.first == 0x2E { continue }  // ".", ".." and hidden files
            names.append(name)
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }
}

/// What a path is, from `stat`.
struct FileKind: Sendable {
    enum Shape: Sendable { case regular, directory, other(String) }

    let shape: Shape
    let size: Int
    /// The device and inode: one real folder reached by several paths (symbolic links) has one.
    struct Identity: Hashable, Sendable {
        let device: UInt64
        let inode: UInt64
    }

    let identity: Identity

    init(_ info: stat) {
        size = Int(info.st_size)
        identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        switch info.st_mode & S_IFMT {
        case S_IFREG: shape = .regular
        case S_IFDIR: shape = .directory
        case S_IFIFO: shape = .other("a FIFO (named pipe)")
        case S_IFSOCK: shape = .other("a socket")
        case S_IFCHR: shape = .other("a character device")
        case S_IFBLK: shape = .other("a block device")
        default: shape = .other("not a regular file")
        }
    }

}

extension FileKind.Shape: Equatable {}
