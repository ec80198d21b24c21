import ZeroMQ

/// Byte runs back to back in as few frames as suits libzmq: runs under
/// `WireMessage.sharedBodyLimit` share a frame (libzmq moves one large frame with a few system
/// calls, and many small ones with a few each); larger runs have a frame each, a page's body
/// lent to libzmq rather than copied.
struct PackedFrames {
    private var packed: [UInt8] = []
    private let expectedBytes: Int

    init(expectedBytes: Int) {
        self.expectedBytes = expectedBytes
    }

    mutating func add(_ bytes: [UInt8], to message: inout Message) {
        add(bytes, to: &message) { $0.append(bytes) }
    }

    mutating func add(_ text: String, to message: inout Message) {
        add(text.utf8, to: &message) { $0.append(text) }
    }

    /// Packs `bytes`, or gives them a frame of their own (`appendAlone`) when large.
    private mutating func add(
        _ bytes: some Collection<UInt8>, to message: inout Message, appendAlone: (inout Message) -> Void
    ) {
        guard bytes.count < WireMessage.sharedBodyLimit else {
            finish(&message)
            appendAlone(&message)
            return
        }
        if packed.isEmpty { packed.reserveCapacity(min(expectedBytes, WireMessage.sharedBodyLimit * 64)) }
        packed.append(contentsOf: bytes)
    }

    /// Ends the frame being filled, if any.
    mutating func finish(_ message: inout Message) {
        guard !packed.isEmpty else { return }
        message.append(packed)
        packed = []
    }
}
