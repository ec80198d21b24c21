// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pagemill",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "pagemill", targets: ["pagemill"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        // C libraries, each imported only by the module that wraps it.
        .systemLibrary(name: "CZeroMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libdeflate: whole gzip members inflated at once, several times faster than zlib's stream.
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        // zstd, for `.warc.zst` archives (a frame a record, a dictionary in a skippable frame).
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        // Brotli, for HTTP bodies sent with `Content-Encoding: br` (and for writing test crawls).
        .systemLibrary(name: "CBrotli", pkgConfig: "libbrotlidec", providers: [.apt(["libbrotli-dev"])]),
        // CLD2, Google's compact language detector (libcld2-dev, no pkg-config file): its C++ API,
        // with the full tables (libcld2_full, loaded first, holds only them; libcld2 the code),
        // behind one C function, imported only by Extraction's LanguageDetector.
        .target(name: "CLanguageID", linkerSettings: [.linkedLibrary("cld2_full"), .linkedLibrary("cld2")]),
        // The one process-control call Swift cannot make itself (prctl is variadic).
        .target(name: "CProcessControl"),

        // ZeroMQ wrapper: context, socket, multipart message, poller.
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),
        // The page model every layer shares: the raw page, the record, and the one JSON
        // reader and writer they (and the wire) are read and written with.
        .target(name: "PageModel"),
        // Extraction: raw page in, record out. Pure: no sockets, no database.
        .target(name: "Extraction", dependencies: ["PageModel", "CLanguageID"], swiftSettings: [
            // The hot path: its arrays are local to one page, so run-time exclusivity checks
            // only cost time (compile-time checks stay on).
            .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
        ]),
        // Enrichment: record in, record out, from its text (near-duplicate signatures). Pure.
        .target(
            name: "Enrichment", dependencies: ["PageModel"],
            // Optimised in debug builds too: the end-to-end tests run the debug binary over
            // thousands of pages, and an unoptimised signature costs more than their extraction.
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Store: SQLite schema, migrations, batched writes, queries.
        .target(name: "Store", dependencies: ["CSQLite", "PageModel", "Enrichment"]),
        // Reading pages from files, folders, JSON Lines and gzip, as a stream.
        .target(name: "PageInput", dependencies: ["CZlib", "CDeflate", "CZstd", "CBrotli", "PageModel"]),
        // Reproducible synthetic pages for the demo, tests and load tests.
        .target(name: "PageGenerator"),
        // The wire protocol: messages, their frames and JSON headers, the status answer,
        // endpoints. What a client of the cluster (`pagemill status`, a test) needs, and no more.
        .target(name: "WireProtocol", dependencies: ["ZeroMQ", "PageModel"]),
        // Cluster: the producer, worker and collector roles, speaking the wire protocol; the
        // role runner (signals, two-stage shutdown) and the local cluster of `run` and `bench`.
        .target(name: "Cluster", dependencies: [
            "CProcessControl", "ZeroMQ", "WireProtocol", "PageModel", "Extraction", "Enrichment", "Store",
            "PageInput", .product(name: "Logging", package: "swift-log"),
        ]),
        // Metrics: the Prometheus text format and a small HTTP endpoint serving it.
        .target(name: "Metrics"),
        // Benchmarks as a library: the load test on the local cluster, extraction, the store
        // against plain SQLite, raw ZeroMQ; each result a Codable value the commands print.
        .target(name: "Benchmarks", dependencies: [
            "Cluster", "WireProtocol", "PageModel", "Extraction", "Enrichment", "PageInput", "PageGenerator", "Store",
            "ZeroMQ", .product(name: "Logging", package: "swift-log"),
            .product(name: "Histogram", package: "hdrhistogram-swift"),
        ]),
        // The executable: argument parsing and wiring only.
        .executableTarget(name: "pagemill", dependencies: [
            "Cluster", "WireProtocol", "PageModel", "Extraction", "Store", "PageInput",
            "PageGenerator", "Benchmarks", "Metrics",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "PageModelTests", dependencies: ["PageModel"]),
        .testTarget(
            name: "EnrichmentTests", dependencies: ["Enrichment", "PageModel"],
            exclude: ["datatrove_quality.py", "make_quality_texts.py", "make_pii_texts.py", "yake_keywords.py"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "PageModel", "PageInput", "PageGenerator"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "PageModel", "Enrichment"]),
        .testTarget(
            name: "PageInputTests", dependencies: ["PageInput", "PageModel", "PageGenerator"],
            exclude: ["warcio_archives.py"]),
        .testTarget(name: "PageGeneratorTests", dependencies: ["PageGenerator"]),
        .testTarget(name: "WireProtocolTests", dependencies: ["WireProtocol", "ZeroMQ", "PageModel"]),
        .testTarget(
            name: "ClusterTests",
            dependencies: [
                "Cluster", "WireProtocol", "Store", "PageGenerator", "PageInput", "PageModel", "Extraction", "ZeroMQ",
            ]),
        .testTarget(name: "MetricsTests", dependencies: ["Metrics"]),
        .testTarget(name: "BenchmarksTests", dependencies: ["Benchmarks", "PageGenerator", "PageInput"]),
        // End to end: the built `pagemill` executable run as real processes over real sockets.
        .testTarget(
            name: "pagemillTests",
            dependencies: ["Store", "PageGenerator", "ZeroMQ", "PageInput", "Extraction", "Enrichment"]),
    ],
    swiftLanguageModes: [.v6]
)
