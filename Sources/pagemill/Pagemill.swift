import ArgumentParser
import Cluster

/// The `pagemill` command: every role of the cluster, and the tools around it.
@main
struct Pagemill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pagemill",
        abstract: "Turns raw web pages into clean, enriched records in SQLite, across worker processes.",
        discussion: """
            A producer hands pages out over ZeroMQ to workers, which extract them; a collector \
            commits the records to SQLite and only then acknowledges them, so no page is lost or \
            stored twice. `run` does it all on one machine; `produce`, `work` and `collect` run \
            the roles separately, on as many machines as you like.
            """,
        subcommands: [
            RunCommand.self, ProduceCommand.self, WorkCommand.self, CollectCommand.self,
            GenerateCommand.self, ExtractCommand.self, BenchCommand.self, HealthCommand.self, KeygenCommand.self,
            StatusCommand.self, StatsCommand.self,
        ]
    )

    /// Every pagemill process keeps the memory it frees for reuse (`ProcessMemory`) before its
    /// command runs: each role, and the benchmarks that time what they do, handle pages whose
    /// large arrays come and go page after page.
    static func main() {
        ProcessMemory.keepFreedMemory()
        main(nil)
    }
}
