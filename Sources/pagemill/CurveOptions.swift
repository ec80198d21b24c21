import ArgumentParser
import Cluster
import Foundation
import Logging
import ZeroMQ

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
            "Public keys let in (one a line; lines starting with # are comments), for the endpoint this role "
                + "binds. (env: PAGEMILL_CURVE_ALLOW)",
            valueName: "path"))
    var curveAllow: String?

    @Option(
        help: ArgumentHelp(
            "For produce: the collector's public key file. Only a peer with that key may act as the collector and "
                + "acknowledge pages; without it, any allowed key may. (env: PAGEMILL_CURVE_COLLECTOR_KEY)",
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
            """
            binding beyond this machine without CURVE: traffic is plain and anyone who can reach the port can \
            join; see pagemill keygen
            """,
            metadata: ["endpoint": "\(endpoint)"])
    }
}
