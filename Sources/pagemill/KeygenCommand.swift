import ArgumentParser
import Cluster
import Foundation
import Logging
import ZeroMQ

/// `pagemill keygen NAME`: a CURVE key pair, NAME.key (secret, readable by its owner only) and
/// NAME.pub (public, to hand to the other side).
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a CURVE key pair: NAME.key (secret) and NAME.pub (public).",
        discussion: """
            One pair for the servers (producer and collector), one per worker or group of workers:

              pagemill keygen cluster          # cluster.key stays with the producer and collector
              pagemill keygen worker-a         # worker-a.key stays with the worker
              cat worker-a.pub cluster.pub > allowed.pub

              pagemill produce pages/ --producer tcp://0.0.0.0:5557 --curve-key cluster.key --curve-allow allowed.pub
              pagemill collect --db p.sqlite --collector tcp://0.0.0.0:5558 --curve-key cluster.key --curve-server-key cluster.pub --curve-allow allowed.pub
              pagemill work --curve-key worker-a.key --curve-server-key cluster.pub
            """
    )

    @Argument(help: "The files' name, without extension.")
    var name: String

    @Flag(help: "Replace existing files.")
    var force = false

    func run() throws {
        guard CurveKey.isSupported else { throw failBeforeStart("this libzmq was built without CURVE (libsodium)") }
        let secretPath = name + ".key", publicPath = name + ".pub"
        for path in [secretPath, publicPath] where !force && FileManager.default.fileExists(atPath: path) {
            throw failBeforeStart("\(path) exists; --force replaces it")
        }
        let pair = try CurveKey.generatePair()
        guard
            FileManager.default.createFile(
                atPath: secretPath, contents: Data((pair.secretKey.text + "\n").utf8),
                attributes: [.posixPermissions: 0o600]),
            FileManager.default.createFile(atPath: publicPath, contents: Data((pair.publicKey.text + "\n").utf8))
        else {
            throw failBeforeStart("cannot write \(secretPath) and \(publicPath)")
        }
        print("wrote \(secretPath) (secret: keep it on this side) and \(publicPath) (public: \(pair.publicKey.text))")
    }
}

/// CURVE settings for a role, from key files.
struct CurveOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "This role's secret key file, from `pagemill keygen`: encrypts its traffic. (env: PAGEMILL_CURVE_KEY)",
            valueName: "path"))
    var curveKey: String?

    @Option(
        help: ArgumentHelp(
            "The servers' public key file, for the endpoints this role connects to. (env: PAGEMILL_CURVE_SERVER_KEY)",
            valueName: "path"))
    var curveServerKey: String?

    @Option(
        help: ArgumentHelp(
            "Public keys let in (one a line; lines starting with # are comments), for the endpoint this role binds. (env: PAGEMILL_CURVE_ALLOW)",
            valueName: "path"))
    var curveAllow: String?

    @Option(
        help: ArgumentHelp(
            "For produce: the collector's public key file. Only a peer with that key may act as the collector and acknowledge pages; without it, any allowed key may. (env: PAGEMILL_CURVE_COLLECTOR_KEY)",
            valueName: "path"))
    var curveCollectorKey: String?

    private static func setting(_ value: String?, _ variable: String) -> String? {
        value ?? ProcessInfo.processInfo.environment[variable]
    }

    /// The settings, or nil without a key; throws a one-line error for an unreadable or bad file.
    func settings(binds: Bool, connects: Bool) throws -> CurveSettings? {
        guard let keyPath = Self.setting(curveKey, "PAGEMILL_CURVE_KEY") else {
            if Self.setting(curveServerKey, "PAGEMILL_CURVE_SERVER_KEY") != nil
                || Self.setting(curveAllow, "PAGEMILL_CURVE_ALLOW") != nil
            {
                throw failBeforeStart(
                    "--curve-server-key and --curve-allow need --curve-key, this role's own secret key")
            }
            return nil
        }
        guard CurveKey.isSupported else { throw failBeforeStart("this libzmq was built without CURVE (libsodium)") }
        let secret = try Self.keys(in: keyPath).first ?? { throw failBeforeStart("\(keyPath) holds no key") }()
        var settings = CurveSettings(secretKey: secret)
        if connects {
            guard let serverPath = Self.setting(curveServerKey, "PAGEMILL_CURVE_SERVER_KEY") else {
                throw failBeforeStart("with --curve-key, --curve-server-key names the servers' public key file")
            }
            settings.serverKey =
                try Self.keys(in: serverPath).first ?? { throw failBeforeStart("\(serverPath) holds no key") }()
        }
        if binds {
            guard let allowPath = Self.setting(curveAllow, "PAGEMILL_CURVE_ALLOW") else {
                throw failBeforeStart("with --curve-key, --curve-allow lists the public keys to let in")
            }
            settings.allowedKeys = Set(try Self.keys(in: allowPath))
        }
        if let collectorPath = Self.setting(curveCollectorKey, "PAGEMILL_CURVE_COLLECTOR_KEY") {
            settings.collectorKeys = Set(try Self.keys(in: collectorPath))
        }
        return settings
    }

    /// The keys in a file, one a line; blank lines and # comments are skipped.
    private static func keys(in path: String) throws -> [CurveKey] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw failBeforeStart("cannot read \(path)")
        }
        var keys: [CurveKey] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // A comment is a whole line: '#' is one of Z85's characters.
            let content = line.trimmingCharacters(in: .whitespaces)
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            guard let key = CurveKey(content) else {
                throw failBeforeStart("\(path):\(number + 1): not a CURVE key (40 Z85 characters)")
            }
            keys.append(key)
        }
        return keys
    }

    /// Says, once, that an endpoint beyond this machine carries plain traffic.
    static func warnIfExposed(_ endpoint: String, curve: CurveSettings?, logger: Logger) {
        guard curve == nil, endpoint.hasPrefix("tcp://"),
            !["tcp://127.", "tcp://localhost:", "tcp://[::1]"].contains(where: { endpoint.hasPrefix($0) })
        else { return }
        logger.warning(
            "binding beyond this machine without CURVE: traffic is plain and anyone who can reach the port can join; see pagemill keygen",
            metadata: ["endpoint": "\(endpoint)"])
    }
}
