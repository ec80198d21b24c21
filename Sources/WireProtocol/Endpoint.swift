/// Helpers for the ZeroMQ endpoints the roles share.
public enum Endpoint {
    /// The address to connect to for an endpoint that may be a bind-everywhere address:
    /// `tcp://0.0.0.0:5557` and `tcp://*:5557` become `tcp://127.0.0.1:5557`, so one setting
    /// serves the binding role and the local roles that connect to it.
    public static func connectable(_ endpoint: String) -> String {
        for wildcard in ["tcp://0.0.0.0:", "tcp://*:"] where endpoint.hasPrefix(wildcard) {
            return "tcp://127.0.0.1:" + endpoint.dropFirst(wildcard.count)
        }
        return endpoint
    }

    /// A one-line reason the endpoint is unusable, or nil when its shape is fine.
    public static func problem(with endpoint: String) -> String? {
        let transports = ["tcp://", "ipc://", "inproc://"]
        guard transports.contains(where: endpoint.hasPrefix) else {
            return "endpoint \(endpoint.debugDescription) must start with tcp://, ipc:// or inproc://"
        }
        if endpoint.hasPrefix("tcp://") {
            guard let colon = endpoint.lastIndex(of: ":"), colon > endpoint.index(endpoint.startIndex, offsetBy: 5),
                Int(endpoint[endpoint.index(after: colon)...]).map({ (0...65535).contains($0) }) == true
                    || endpoint.hasSuffix(":*")
            else {
                return "endpoint \(endpoint.debugDescription) needs a port, as in tcp://127.0.0.1:5557"
            }
        }
        return nil
    }
}
