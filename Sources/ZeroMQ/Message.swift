/// A multipart ZeroMQ message: the frames libzmq delivers together, in order.
///
/// Small frames sit back to back in one buffer, and a large frame (a page's body) is kept as
/// the array it came in, so that building or receiving a message costs two allocations rather
/// than one a frame, and a page's bytes are never copied on their way to or from libzmq more
/// than libzmq itself copies them. A message received with `Socket.receive(into:)` reuses its
/// buffers: a loop that receives into the same message allocates only for large frames.
public struct Message: Sendable, Equatable {
    enum Part: Sendable {
        /// Bytes `start..<end` of `small`.
        case inline(start: Int, end: Int)
        /// A frame of its own.
        case shared([UInt8])
    }

    /// The small frames' bytes, back to back.
    private(set) var small: [UInt8] = []
    private(set) var parts: [Part] = []
    /// For a message received over TCP, the sender's address such as `10.0.0.7:51234`;
    /// nil for messages built here or received over other transports.
    public var peerAddress: String?
    /// The user id the peer's ZAP handler gave it (with CURVE), when received.
    public var peerUserID: String?

    /// Frames of at least this many bytes are kept as arrays of their own, not copied into
    /// the buffer of small frames.
    static let sharedFrameBytes = 512

    /// Creates an empty message, to add frames to or receive into.
    public init(reservingFrames frameCount: Int = 0, bytes: Int = 0) {
        parts.reserveCapacity(frameCount)
        small.reserveCapacity(bytes)
    }

    /// Creates a message from its frames.
    public init(_ frames: [[UInt8]], peerAddress: String? = nil) {
        self.init(reservingFrames: frames.count)
        for frame in frames { append(frame) }
        self.peerAddress = peerAddress
    }

    /// Creates a message whose frames are the UTF-8 bytes of the given strings.
    public init(strings: [String]) {
        self.init(reservingFrames: strings.count)
        for string in strings { append(string) }
    }

    /// The frames, first to last, each as an array of its own (a copy: use `frame(at:)` or
    /// `bytes(at:)` on hot paths).
    public var frames: [[UInt8]] {
        get { (0..<parts.count).map { bytes(at: $0) } }
        set { self = Message(newValue, peerAddress: peerAddress) }
    }

    /// Messages are equal when their frames are: where they came from does not count.
    public static func == (left: Message, right: Message) -> Bool {
        left.count == right.count && (0..<left.count).allSatisfy { left.frame(at: $0) == right.frame(at: $0) }
    }

    /// The number of frames.
    public var count: Int { parts.count }

    /// The total payload size in bytes.
    public var byteCount: Int {
        parts.reduce(0) { total, part in
            switch part {
            case let .inline(start, end): total + end - start
            case let .shared(bytes): total + bytes.count
            }
        }
    }

    /// The frame at `index`, without copying it.
    public func frame(at index: Int) -> ArraySlice<UInt8> {
        switch parts[index] {
        case let .inline(start, end): small[start..<end]
        case let .shared(bytes): bytes[...]
        }
    }

    /// The frame at `index` as an array: a large frame's own array, a small one's copy.
    public func bytes(at index: Int) -> [UInt8] {
        switch parts[index] {
        case let .inline(start, end): Array(small[start..<end])
        case let .shared(bytes): bytes
        }
    }

    /// The frame at `index` decoded as UTF-8, or nil when it is missing.
    public func string(at index: Int) -> String? {
        guard parts.indices.contains(index) else { return nil }
        return String(decoding: frame(at: index), as: UTF8.self)
    }

    // MARK: Building

    /// Adds a frame; a large one is kept as it is, not copied.
    public mutating func append(_ frame: [UInt8]) {
        if frame.count >= Self.sharedFrameBytes {
            parts.append(.shared(frame))
        } else {
            append(contentsOf: frame)
        }
    }

    /// Adds a frame holding `bytes`.
    public mutating func append(contentsOf bytes: some Collection<UInt8>) {
        let start = small.count
        small.append(contentsOf: bytes)
        parts.append(.inline(start: start, end: small.count))
    }

    /// Adds a frame holding the UTF-8 bytes of `text`.
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// Adds a frame holding `value` in decimal ASCII.
    public mutating func appendDecimal(_ value: UInt64) {
        append(contentsOf: String(value).utf8)
    }

    /// Adds a frame received from libzmq: copied into the buffer when small, into an array of
    /// its own when large.
    mutating func appendReceived(_ bytes: UnsafeRawBufferPointer) {
        if bytes.count >= Self.sharedFrameBytes {
            parts.append(.shared(Array(bytes)))
        } else {
            append(contentsOf: bytes)
        }
    }

    /// Removes every frame, keeping the buffers' capacity for the next message.
    public mutating func removeAll() {
        small.removeAll(keepingCapacity: true)
        parts.removeAll(keepingCapacity: true)
        peerAddress = nil
        peerUserID = nil
    }

    /// Calls `body` with the bytes of the small frame `start..<end`.
    func withSmallFrame<Result>(_ start: Int, _ end: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        small.withUnsafeBytes { all in body(UnsafeRawBufferPointer(rebasing: all[start..<end])) }
    }
}
