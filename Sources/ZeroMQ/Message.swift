/// A multipart ZeroMQ message: the frames libzmq delivers together, in order.
public struct Message: Sendable, Equatable {
    /// The frames, first to last.
    public var frames: [[UInt8]]

    /// Creates a message from its frames.
    public init(_ frames: [[UInt8]]) {
        self.frames = frames
    }

    /// Creates a message whose frames are the UTF-8 bytes of the given strings.
    public init(strings: [String]) {
        self.frames = strings.map { Array($0.utf8) }
    }

    /// The number of frames.
    public var count: Int { frames.count }

    /// The total payload size in bytes.
    public var byteCount: Int { frames.reduce(0) { $0 + $1.count } }

    /// The frame at `index` decoded as UTF-8, or nil when it is missing.
    public func string(at index: Int) -> String? {
        guard frames.indices.contains(index) else { return nil }
        return String(decoding: frames[index], as: UTF8.self)
    }
}
