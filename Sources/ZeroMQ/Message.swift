/// A multipart ZeroMQ message: the frames libzmq delivers together, in order.
public struct Message: Sendable, Equatable {
    /// The frames, first to last.
    public var frames: [[UInt8]]
    /// For a message received over TCP, the sender's address such as `10.0.0.7:51234`;
    /// nil for messages built here or received over other transports.
    public var peerAddress: String?

    /// Creates a message from its frames.
    public init(_ frames: [[UInt8]], peerAddress: String? = nil) {
        self.frames = frames
        self.peerAddress = peerAddress
    }

    /// Messages are equal when their frames are: where they came from does not count.
    public static func == (left: Message, right: Message) -> Bool { left.frames == right.frames }

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
