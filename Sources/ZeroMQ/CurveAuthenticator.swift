import Foundation
import Synchronization

/// The ZAP handler of a context (ZeroMQ RFC 27): libzmq asks it, for each peer that completes
/// a CURVE handshake with one of the context's server sockets, whether to let the peer in. It
/// lets in the public keys it was given and refuses the rest; libzmq then drops a refused peer,
/// which gets nothing and can send nothing.
///
/// Runs on a thread of its own (its socket lives there) until the context is terminated or
/// `stop()` is called. Create it before binding the server sockets.
public final class CurveAuthenticator: Sendable {
    /// A refused peer: its address and the start of its key.
    public struct Refusal: Sendable {
        public let address: String
        public let key: String
    }

    private let stopping = Atomic(false)
    private let refusedCount = Atomic(0)
    private let finished = DispatchSemaphore(value: 0)

    /// The ZAP user id of a peer whose key is one of the `privilegedKeys`; messages from it carry
    /// it (`Message.peerUserID`), so that a role can tell that peer from the others.
    public static let privilegedUserID = "privileged"
    /// The ZAP user id of every other peer let in.
    public static let ordinaryUserID = "client"

    /// Starts answering for `context`, letting in `allowedKeys` and `privilegedKeys` only, and
    /// naming the privileged ones in their user id. `onRefusal` is called on the authenticator's
    /// thread for each peer refused.
    public init(
        context: Context, allowedKeys: Set<CurveKey>, privilegedKeys: Set<CurveKey> = [],
        onRefusal: @escaping @Sendable (Refusal) -> Void = { _ in }
    ) throws(ZeroMQError) {
        let socket = try context.socket(.reply)
        try socket.setLinger(milliseconds: 0)
        try socket.bind("inproc://zeromq.zap.01")
        let allowed = Set(allowedKeys.map(\.bytes)).union(privilegedKeys.map(\.bytes))
        let privileged = Set(privilegedKeys.map(\.bytes))
        // The socket moves to the thread that uses it from now on, and only there.
        nonisolated(unsafe) let owned = socket
        let thread = Thread { [self] in
            serve(owned, allowed: allowed, privileged: privileged, onRefusal: onRefusal)
            finished.signal()
        }
        thread.name = "zap"
        thread.start()
    }

    /// How many peers were refused so far.
    public var refused: Int { refusedCount.load(ordering: .relaxed) }

    /// Stops answering and waits for the thread to end.
    public func stop() {
        stopping.store(true, ordering: .relaxed)
        finished.wait()
        finished.signal()
    }

    private func serve(
        _ socket: Socket, allowed: Set<[UInt8]>, privileged: Set<[UInt8]>, onRefusal: @Sendable (Refusal) -> Void
    ) {
        var poller = Poller([socket])
        while !stopping.load(ordering: .relaxed) {
            do {
                guard try poller.poll(timeoutMilliseconds: 100)[0], let request = try socket.receive(wait: false) else {
                    continue
                }
                // 1.0, request id, domain, address, identity, mechanism, credentials…
                let frames = request.frames
                guard frames.count >= 6 else { continue }
                let requestID = frames[1]
                let address = String(decoding: frames[3], as: UTF8.self)
                let mechanism = String(decoding: frames[5], as: UTF8.self)
                let key = frames.count >= 7 ? frames[6] : []
                let accepted = mechanism == "CURVE" && allowed.contains(key)
                if !accepted {
                    refusedCount.add(1, ordering: .relaxed)
                    onRefusal(Refusal(address: address, key: CurveKey.encode(key)?.description ?? "none"))
                }
                let reply: [[UInt8]] = [
                    Array("1.0".utf8), requestID, Array((accepted ? "200" : "400").utf8),
                    Array((accepted ? "OK" : "key not allowed").utf8),
                    accepted
                        ? Array((privileged.contains(key) ? Self.privilegedUserID : Self.ordinaryUserID).utf8) : [], [],
                ]
                try socket.send(Message(reply))
            } catch {
                // The context is being terminated: the authenticator ends with it.
                if error.isContextTerminated { return }
            }
        }
    }
}
