import CZeroMQ

/// A CURVE key (public or secret) in its Z85 text form: 40 printable characters, as
/// `pagemill keygen` writes them to files.
public struct CurveKey: Sendable, Hashable, CustomStringConvertible {
    /// The 40-character Z85 text.
    public let text: String

    /// Reads a key from its Z85 text (surrounding white space ignored); nil when it is not one.
    public init?(_ text: String) {
        let trimmed = String(text.unicodeScalars.filter { $0.value > 0x20 })
        guard trimmed.utf8.count == 40, Self.decode(trimmed) != nil else { return nil }
        self.text = trimmed
    }

    private init(unchecked text: String) {
        self.text = text
    }

    /// The 32 raw bytes of the key.
    public var bytes: [UInt8] { Self.decode(text) ?? [] }

    /// Printing a key shows its start only: a secret key must not end up in a log.
    public var description: String { String(text.prefix(8)) + "…" }

    /// Whether this libzmq was built with CURVE (libsodium).
    public static var isSupported: Bool { zmq_has("curve") == 1 }

    /// A new key pair.
    public static func generatePair() throws(ZeroMQError) -> (publicKey: CurveKey, secretKey: CurveKey) {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicText, &secretText) == 0 else { throw .last("zmq_curve_keypair") }
        return (CurveKey(unchecked: string(publicText)), CurveKey(unchecked: string(secretText)))
    }

    /// The public key that goes with this secret key.
    public func publicKey() throws(ZeroMQError) -> CurveKey {
        var publicText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_public(&publicText, text) == 0 else { throw .last("zmq_curve_public") }
        return CurveKey(unchecked: Self.string(publicText))
    }

    /// The key for 32 raw bytes, as a ZAP request carries it.
    static func encode(_ bytes: [UInt8]) -> CurveKey? {
        guard bytes.count == 32 else { return nil }
        var text = [CChar](repeating: 0, count: 41)
        guard zmq_z85_encode(&text, bytes, bytes.count) != nil else { return nil }
        return CurveKey(unchecked: string(text))
    }

    private static func decode(_ text: String) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: 32)
        guard zmq_z85_decode(&bytes, text) != nil else { return nil }
        return bytes
    }

    private static func string(_ characters: [CChar]) -> String {
        String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension Socket {
    /// Makes this socket a CURVE server: peers must handshake with its public key, and their
    /// own keys are checked by the context's ZAP handler (`CurveAuthenticator`).
    public func makeCurveServer(secretKey: CurveKey) throws(ZeroMQError) {
        try setStringOption(ZMQ_CURVE_SECRETKEY, secretKey.text, "ZMQ_CURVE_SECRETKEY")
        try setIntegerOption(ZMQ_CURVE_SERVER, 1, "ZMQ_CURVE_SERVER")
        try setStringOption(ZMQ_ZAP_DOMAIN, "pagemill", "ZMQ_ZAP_DOMAIN")
    }

    /// Makes this socket a CURVE client of the server whose public key is `serverKey`.
    public func makeCurveClient(serverKey: CurveKey, secretKey: CurveKey) throws(ZeroMQError) {
        try setStringOption(ZMQ_CURVE_SERVERKEY, serverKey.text, "ZMQ_CURVE_SERVERKEY")
        try setStringOption(ZMQ_CURVE_PUBLICKEY, try secretKey.publicKey().text, "ZMQ_CURVE_PUBLICKEY")
        try setStringOption(ZMQ_CURVE_SECRETKEY, secretKey.text, "ZMQ_CURVE_SECRETKEY")
    }
}
