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
              pagemill collect --db p.sqlite --collector tcp://0.0.0.0:5558 --curve-key cluster.key \
              --curve-server-key cluster.pub --curve-allow allowed.pub
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
