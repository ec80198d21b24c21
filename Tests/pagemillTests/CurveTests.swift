import Foundation
import Testing
import ZeroMQ

/// CURVE on the wire: workers with an allowed key store pages; one without gets nothing, gives
/// nothing, and is logged and counted.
extension EndToEndTests {
    @Suite(.serialized) struct CurveTests {
        @Test func onlyWorkersWithAllowedKeysTakePart() throws {
            let folder = try TemporaryFolder()
            for name in ["cluster", "worker", "intruder"] {
                let keygen = try RoleProcess(["keygen", folder.file(name)], log: folder.file("keygen-\(name).log"))
                #expect(keygen.waitForExit(timeout: .seconds(10)) == 0, "keygen: \(keygen.log)")
            }
            let allowed =
                try String(contentsOfFile: folder.file("worker.pub"), encoding: .utf8)
                + "# the collector, a client of the producer\n"
                + String(contentsOfFile: folder.file("cluster.pub"), encoding: .utf8)
            try allowed.write(toFile: folder.file("allowed.pub"), atomically: true, encoding: .utf8)
            let secretMode =
                try FileManager.default.attributesOfItem(atPath: folder.file("cluster.key"))[.posixPermissions] as? Int
            #expect(secretMode == 0o600, "a secret key must be readable by its owner only")

            let pages = try folder.generatePages(200, into: "pages")
            let endpoints = [
                "--producer", "tcp://127.0.0.1:\(try freePort())", "--collector", "tcp://127.0.0.1:\(try freePort())",
                "--peer-timeout", "1", "--lease", "5",
            ]
            let server = ["--curve-key", folder.file("cluster.key"), "--curve-allow", folder.file("allowed.pub")]
            let database = folder.file("pages.sqlite")
            try logWrites(database)
            let collector = try RoleProcess(
                ["collect", "--db", database, "--curve-server-key", folder.file("cluster.pub")] + server + endpoints,
                log: folder.file("collector.log"))
            let producer = try RoleProcess(
                ["produce", pages, "--no-journal"] + server + endpoints, log: folder.file("producer.log"))
            let intruder = try RoleProcess(
                [
                    "work", "--name", "intruder", "--curve-key", folder.file("intruder.key"),
                    "--curve-server-key", folder.file("cluster.pub"),
                ] + endpoints, log: folder.file("intruder.log"))
            let refused = waitUntil(timeout: .seconds(30)) {
                producer.log.contains("refused a peer whose key is not allowed")
            }
            #expect(refused, "producer: \(producer.log.suffix(2000))")
            #expect(producer.log.contains("peer=127.0.0.1"))
            #expect((storedCounts(database)?.pages ?? 0) == 0, "the intruder got pages through")

            let worker = try RoleProcess(
                [
                    "work", "--name", "worker", "--curve-key", folder.file("worker.key"),
                    "--curve-server-key", folder.file("cluster.pub"),
                ] + endpoints, log: folder.file("worker.log"))
            #expect(producer.waitForExit(timeout: .seconds(120)) == 0, "producer: \(producer.log.suffix(2000))")
            #expect(storedCounts(database)?.pages == 200)
            #expect(try secondWrites(database) == 0, "a page was stored twice")
            #expect(
                !producer.log.contains(", 0 peers refused"), "the refusal was not counted: \(producer.log.suffix(500))")
            for role in [worker, intruder, collector] { role.signal(SIGTERM) }
            #expect(worker.waitForExit(timeout: .seconds(15)) == 0)
            #expect(collector.waitForExit(timeout: .seconds(15)) == 0, "collector: \(collector.log.suffix(2000))")
        }

        @Test func onlyTheCollectorsKeyMayActAsTheCollector() throws {
            let folder = try TemporaryFolder()
            for name in ["cluster", "worker"] {
                let keygen = try RoleProcess(["keygen", folder.file(name)], log: folder.file("keygen-\(name).log"))
                #expect(keygen.waitForExit(timeout: .seconds(10)) == 0, "keygen: \(keygen.log)")
            }
            let allowed =
                try String(contentsOfFile: folder.file("worker.pub"), encoding: .utf8)
                + String(contentsOfFile: folder.file("cluster.pub"), encoding: .utf8)
            try allowed.write(toFile: folder.file("allowed.pub"), atomically: true, encoding: .utf8)
            let pages = try folder.generatePages(100, into: "pages")
            let producerPort = try freePort()
            let endpoints = [
                "--producer", "tcp://127.0.0.1:\(producerPort)", "--collector", "tcp://127.0.0.1:\(try freePort())",
                "--peer-timeout", "1",
            ]
            let server = ["--curve-key", folder.file("cluster.key"), "--curve-allow", folder.file("allowed.pub")]
            let producer = try RoleProcess(
                ["produce", pages, "--no-journal", "--curve-collector-key", folder.file("cluster.pub")]
                    + server + endpoints, log: folder.file("producer.log"))
            // A worker's key, allowed in, claims the collector's role.
            func key(_ name: String) throws -> CurveKey {
                let text = try String(contentsOfFile: folder.file(name), encoding: .utf8)
                let line = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first {
                    !$0.isEmpty && !$0.hasPrefix("#")
                }
                return try #require(line.flatMap { CurveKey($0) }, "no key in \(name)")
            }
            let context = try Context()
            let impostor = try context.socket(.dealer)
            try impostor.setLinger(milliseconds: 0)
            try impostor.makeCurveClient(serverKey: try key("cluster.pub"), secretKey: try key("worker.key"))
            try impostor.connect("tcp://127.0.0.1:\(producerPort)")
            _ = try impostor.send(strings: ["pagemill/1", "HELLO", "collector", "impostor", "0", "0123"])
            var answer: [String] = []
            let answered = waitUntil(timeout: .seconds(20)) {
                guard let message = try? impostor.receive(wait: false) else { return false }
                answer = message.frames.map { String(decoding: $0, as: UTF8.self) }
                return answer.count >= 2 && answer[1] != "HEARTBEAT"
            }
            #expect(answered && answer[1] == "REFUSED", "\(answer) \(producer.log.suffix(1000))")
            let database = folder.file("pages.sqlite")
            let collector = try RoleProcess(
                ["collect", "--db", database, "--curve-server-key", folder.file("cluster.pub")] + server + endpoints,
                log: folder.file("collector.log"))
            let worker = try RoleProcess(
                ["work", "--curve-key", folder.file("worker.key"), "--curve-server-key", folder.file("cluster.pub")]
                    + endpoints, log: folder.file("worker.log"))
            #expect(producer.waitForExit(timeout: .seconds(120)) == 0, "producer: \(producer.log.suffix(2000))")
            #expect(storedCounts(database)?.pages == 100)
            for role in [worker, collector] { role.signal(SIGTERM) }
        }

        @Test func aKeyWithoutItsCounterpartIsAOneLineError() throws {
            let folder = try TemporaryFolder()
            let keygen = try RoleProcess(["keygen", folder.file("solo")], log: folder.file("keygen.log"))
            #expect(keygen.waitForExit(timeout: .seconds(10)) == 0)
            let worker = try RoleProcess(
                ["work", "--curve-key", folder.file("solo.key")], log: folder.file("work.log"))
            #expect(worker.waitForExit(timeout: .seconds(10)) == 2)
            #expect(worker.log.contains("--curve-server-key"), "\(worker.log)")
        }
    }
}
