import Logging
import ZeroMQ

/// CURVE encryption and authentication for a role: its own secret key; for a role that binds,
/// the public keys it lets in; for a role that connects, the public key of the server it
/// connects to. Traffic is then encrypted, and a peer whose key is not listed gets nothing
/// and can send nothing.
public struct CurveSettings: Sendable {
    /// This role's secret key (its public key is derived from it).
    public var secretKey: CurveKey
    /// The server's public key, for the sockets this role connects.
    public var serverKey: CurveKey?
    /// The public keys let in, for the sockets this role binds.
    public var allowedKeys: Set<CurveKey>
    /// For the producer: the collector's public keys. When given, only a peer with one of them
    /// may introduce itself as the collector (and so acknowledge pages).
    public var collectorKeys: Set<CurveKey> = []

    public init(secretKey: CurveKey, serverKey: CurveKey? = nil, allowedKeys: Set<CurveKey> = []) {
        self.secretKey = secretKey
        self.serverKey = serverKey
        self.allowedKeys = allowedKeys
    }

    /// Makes a socket this role binds a CURVE server.
    func secureBound(_ socket: Socket) throws(ZeroMQError) {
        try socket.makeCurveServer(secretKey: secretKey)
    }

    /// Makes a socket this role connects a CURVE client, when a server key is known.
    func secureConnected(_ socket: Socket) throws(ZeroMQError) {
        guard let serverKey else { return }
        try socket.makeCurveClient(serverKey: serverKey, secretKey: secretKey)
    }

    /// Starts the context's ZAP handler, logging and counting each peer refused.
    func startAuthenticator(_ context: Context, logger: Logger) throws(ZeroMQError) -> CurveAuthenticator {
        try CurveAuthenticator(context: context, allowedKeys: allowedKeys, privilegedKeys: collectorKeys) { refusal in
            logger.warning(
                "refused a peer whose key is not allowed",
                metadata: ["peer": "\(refusal.address)", "key": "\(refusal.key)"])
        }
    }
}
