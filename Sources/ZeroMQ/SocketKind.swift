import CZeroMQ

/// The libzmq socket types pagemill uses.
public enum SocketKind: Sendable, CustomStringConvertible {
    case router, dealer, push, pull, pair, request, reply, publish, subscribe

    var rawValue: Int32 {
        switch self {
        case .router: ZMQ_ROUTER
        case .dealer: ZMQ_DEALER
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        case .pair: ZMQ_PAIR
        case .request: ZMQ_REQ
        case .reply: ZMQ_REP
        case .publish: ZMQ_PUB
        case .subscribe: ZMQ_SUB
        }
    }

    public var description: String {
        switch self {
        case .router: "ROUTER"
        case .dealer: "DEALER"
        case .push: "PUSH"
        case .pull: "PULL"
        case .pair: "PAIR"
        case .request: "REQ"
        case .reply: "REP"
        case .publish: "PUB"
        case .subscribe: "SUB"
        }
    }
}
