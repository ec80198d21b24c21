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
        guard bytes.count < WireMessage.sharedBodyLimit else {
            finish(&message)
            message.append(bytes)
            return
        }
        reserve()
        packed.append(contentsOf: bytes)
    }

    mutating func add(_ text: String, to message: inout Message) {
        guard text.utf8.count < WireMessage.sharedBodyLimit else {
            finish(&message)
            message.append(text)
            return
        }
        reserve()
        packed.append(contentsOf: text.utf8)
    }

    private mutating func reserve() {
        if packed.isEmpty { packed.reserveCapacity(min(expectedBytes, WireMessage.sharedBodyLimit * 64)) }
    }

    /// Ends the frame being filled, if any.
    mutating func finish(_ message: inout Message) {
        guard !packed.isEmpty else { return }
        message.append(packed)
        packed = []
    }
}
