import Foundation

/// Hosts of their own on this machine: one network namespace per host, each with a veth link
/// to a bridge in a "switch" namespace, on addresses 10.X.0.N/24 of a subnet of our own. Any
/// host's link can be taken down and up again. Everything is deleted when released, however
/// the test ends.
final class VirtualHosts {
    let names: [String]
    /// Each host's address, in the order given.
    let addresses: [String]
    private let switchName: String
    private let prefix: String

    /// Whether this machine lets us make namespaces (root, and `ip netns` allowed), with why not.
    static func availability() -> (Bool, String) {
        guard getuid() == 0 else { return (false, "network namespaces need root") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip") else {
            return (false, "no /usr/sbin/ip (iproute2)")
        }
        let probe = "pm-probe-\(getpid())"
        guard run(["netns", "add", probe]) else { return (false, "`ip netns add` is not allowed here") }
        _ = run(["netns", "del", probe])
        return (true, "")
    }

    init(_ hostNames: [String]) throws {
        let prefix = "pm\(getpid() % 10_000)"
        self.prefix = prefix
        switchName = prefix + "-sw"
        names = hostNames.map { "\(prefix)-\($0)" }
        let subnet = 100 + Int(getpid() % 100)
        addresses = hostNames.indices.map { "10.\(subnet).0.\($0 + 1)" }
        do {
            try Self.must(["netns", "add", switchName])
            try Self.must(["-n", switchName, "link", "add", "br0", "type", "bridge"])
            try Self.must(["-n", switchName, "link", "set", "br0", "up"])
            for (index, host) in names.enumerated() {
                try Self.must(["netns", "add", host])
                try Self.must([
                    "link", "add", "h\(index)", "netns", host, "type", "veth", "peer", "name", "s\(index)", "netns",
                    switchName,
                ])
                try Self.must(["-n", switchName, "link", "set", "s\(index)", "master", "br0"])
                try Self.must(["-n", switchName, "link", "set", "s\(index)", "up"])
                try Self.must(["-n", host, "addr", "add", addresses[index] + "/24", "dev", "h\(index)"])
                try Self.must(["-n", host, "link", "set", "h\(index)", "up"])
                try Self.must(["-n", host, "link", "set", "lo", "up"])
            }
        } catch {
            remove()
            throw error
        }
    }

    deinit { remove() }

    /// Takes host `index`'s link down (as a pulled cable) or brings it back.
    func setLink(of index: Int, up: Bool) throws {
        try Self.must(["-n", switchName, "link", "set", "s\(index)", up ? "up" : "down"])
    }

    private func remove() {
        for name in names + [switchName] { _ = Self.run(["netns", "del", name]) }
    }

    private static func must(_ arguments: [String]) throws {
        guard run(arguments) else { throw HarnessError("ip \(arguments.joined(separator: " ")) failed") }
    }

    @discardableResult
    private static func run(_ arguments: [String]) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = (["/usr/sbin/ip"] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        guard posix_spawn(&child, "/usr/sbin/ip", &actions, nil, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
        return status == 0
    }
}
