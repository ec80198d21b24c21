import WireProtocol
import ZeroMQ

/// How a worker and the collector each start a session with the producer: a DEALER connected
/// to the producer endpoint (through CURVE when set), reconnecting on its own, that says `HELLO`
/// at once. One place, so that the two peers cannot drift apart.
enum ProducerSession {
    /// The options that differ between the two peers.
    struct Options {
        /// How long unsent messages are kept at close: the collector's acknowledgements matter more.
        var lingerMilliseconds: Int32
        /// The largest message taken from the producer, for a peer that receives pages.
        var maximumMessageBytes: Int64?
    }

    /// Opens the socket and sends `hello` on it.
    static func open(
        _ context: Context, endpoint: String, curve: CurveSettings?, options: Options, hello: Message
    ) throws(ZeroMQError) -> Socket {
        let socket = try context.socket(.dealer)
        try socket.setLinger(milliseconds: options.lingerMilliseconds)
        if let maximum = options.maximumMessageBytes { try socket.setMaximumMessageSize(bytes: maximum) }
        try socket.setReconnectInterval(milliseconds: 100, maximum: 5000)
        try curve?.secureConnected(socket)
        try socket.connect(Endpoint.connectable(endpoint))
        try socket.send(hello)
        return socket
    }
}
