// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault")
]

let package = Package(
    name: "Cronista",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cronista", targets: ["cronista"]),
        .library(name: "CronistaCore", targets: ["CronistaCore"]),
        .library(name: "CronistaNLP", targets: ["CronistaNLP"]),
        // The archive, for programs of their own (and the benchmark suite in Benchmarks/).
        .library(name: "CronistaStorage", targets: ["CronistaStorage"]),
        .library(name: "CronistaStorageSQLite", targets: ["CronistaStorageSQLite"]),
        // Reading inputs, analysing them on every core in input order, and the ingest loop.
        .library(name: "CronistaIngest", targets: ["CronistaIngest"]),
        // The WHATWG HTML5 parser (tokenizer, tree builder, arena DOM, encoding sniffing): no dependencies.
        .library(name: "CronistaHTML", targets: ["CronistaHTML"])
    ],
    // The PostgreSQL backend is off by default: its client (postgres-nio) brings swift-crypto and
    // swift-nio-ssl, two copies of BoringSSL that were most of a first release build. `scripts/test`
    // and the scripts that need a server build with `--traits Postgres`.
    // The HTTP server (`cronista serve`: Hummingbird on SwiftNIO) is a trait too, off by default: it
    // was most of what a first `swift run cronista analyze` compiled once PostgreSQL was a trait.
    // `scripts/install` and `scripts/test` turn both on.
    traits: [
        .trait(name: "Postgres", description: "The PostgreSQL store (postgres-nio): `--db postgres://…` and `ingest --queue`."),
        .trait(
            name: "Server",
            description: "`cronista serve`: the HTTP API and the web pages (Hummingbird); and fetching pages and feeds (async-http-client)."
        ),
        .default(enabledTraits: [])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // The HTTP server of `cronista serve`; no swift-configuration support needed (traits off).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Already in Hummingbird's graph; named for the products the server imports directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // `cronista ingest URL`, `update` and `watch` (Server trait): the fetcher's HTTP client.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0")
    ],
    targets: [
        // The data model: no dependencies at all.
        .target(name: "CronistaCore", swiftSettings: swiftSettings),
        // Every file under Sources/CronistaNLP/Resources and Sources/CronistaServer/Resources, put
        // into the binary's read-only data by the assembler (`.incbin`), so that a copied `cronista`
        // needs no resource folder beside it. `scripts/embed-resources` writes the list.
        .target(
            name: "CCronistaResources",
            cSettings: [.headerSearchPath("..")]
        ),
        // The embedded files by path relative to their Resources folder, zero-copy, with the
        // `CRONISTA_RESOURCES` override.
        .target(name: "CronistaResources", dependencies: ["CCronistaResources"], swiftSettings: swiftSettings),
        // Every algorithm: normalisation, tokenisation, segmentation, language id, tagging, output.
        .target(
            name: "CronistaNLP",
            dependencies: ["CronistaCore", "CronistaResources"],
            exclude: ["Resources"],
            swiftSettings: swiftSettings
        ),
        // Storage: the DocumentStore protocol and query types (no dependencies but the model),
        // and its two backends: an embedded SQLite file (GRDB) and PostgreSQL (postgres-nio).
        .target(name: "CronistaStorage", dependencies: ["CronistaCore"], swiftSettings: swiftSettings),
        // The one SQLite setting that only the variadic sqlite3_config makes (Swift cannot call it).
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "CronistaStorageSQLite",
            dependencies: [
                "CronistaStorage", "CronistaCore", "CSQLiteTuning",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The raw C API, for the hot insert path (binding without boxing every value).
                .product(name: "GRDBSQLite", package: "GRDB.swift")
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CronistaStoragePostgres",
            dependencies: [
                "CronistaStorage", "CronistaCore",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Postgres"]))
            ],
            swiftSettings: swiftSettings
        ),
        // Input sources, the batch pipeline (every core, input order) and the three-stage ingest
        // loop; the CLI and the server call it. The store protocol only, no backend.
        .target(
            name: "CronistaIngest",
            dependencies: ["CronistaCore", "CronistaNLP", "CronistaStorage", "CronistaHTML", "CZlib"],
            swiftSettings: swiftSettings
        ),
        // `cronista serve`: the HTTP API and the web pages over one shared Engine and a DocumentStore
        // (the protocol only: the CLI picks the backend).
        .target(
            name: "CronistaServer",
            dependencies: [
                "CronistaCore", "CronistaNLP", "CronistaStorage", "CronistaIngest", "CronistaResources", "CronistaFetch",
                .product(name: "Hummingbird", package: "hummingbird"),
                // The connection guards sit around Hummingbird's HTTP/1 parser.
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle")
            ],
            exclude: ["Resources"],
            swiftSettings: swiftSettings
        ),
        // Following sources: feed and sitemap parsing (RSS 0.9x/1.0/2.0, Atom, JSON Feed, news
        // sitemaps), robots.txt rules, canonical URLs and the poll schedule. No network code here.
        // The network fetcher (async-http-client) is built with the Server trait only.
        .target(
            name: "CronistaFetch",
            dependencies: [
                "CronistaCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client", condition: .when(traits: ["Server"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Server"])),
                .product(name: "NIOHTTP1", package: "swift-nio", condition: .when(traits: ["Server"])),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras", condition: .when(traits: ["Server"]))
            ],
            swiftSettings: swiftSettings
        ),
        // The HTML5 parser: no dependencies, so it builds and tests on its own.
        .target(name: "CronistaHTML", dependencies: ["CronistaCore"], swiftSettings: swiftSettings),
        // zlib (system library) for `.html.gz` pages.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .executableTarget(
            name: "cronista-html-bench", dependencies: ["CronistaHTML"], path: "Sources/CronistaHTMLBench", swiftSettings: swiftSettings),
        .target(name: "CronistaTestSupport", dependencies: ["CronistaCore", "CronistaNLP"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "cronista",
            dependencies: [
                "CronistaCore", "CronistaNLP", "CronistaIngest",
                "CronistaStorage", "CronistaStorageSQLite", "CronistaFetch",
                .target(name: "CronistaServer", condition: .when(traits: ["Server"])),
                .target(name: "CronistaStoragePostgres", condition: .when(traits: ["Postgres"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            swiftSettings: swiftSettings
        ),
        // The fetcher's tests start a real HTTP server on 127.0.0.1 (Server trait).
        .testTarget(
            name: "CronistaFetchTests",
            dependencies: [
                "CronistaFetch",
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Server"])),
                .product(name: "HummingbirdTesting", package: "hummingbird", condition: .when(traits: ["Server"])),
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["Server"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Server"]))
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CronistaHTMLTests", dependencies: ["CronistaHTML", "CronistaCore"], swiftSettings: swiftSettings),
        .testTarget(name: "CronistaCoreTests", dependencies: ["CronistaCore", "CronistaTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CronistaNLPTests", dependencies: ["CronistaNLP", "CronistaCore", "CronistaTestSupport"], swiftSettings: swiftSettings),
        // Store benchmark (not a test): ingest throughput and search latency, numbers on stdout.
        .executableTarget(
            name: "cronista-bench-store",
            dependencies: ["CronistaCore", "CronistaNLP", "CronistaStorage", "CronistaStorageSQLite"],
            path: "Sources/CronistaStoreBench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CronistaStorageTests",
            dependencies: [
                "CronistaStorage", "CronistaStorageSQLite", "CronistaNLP", "CronistaIngest", "CronistaCore", "CronistaTestSupport",
                .target(name: "CronistaStoragePostgres", condition: .when(traits: ["Postgres"])),
                // Raw SQL for migration tests that build an old schema's rows.
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["Postgres"]))
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CronistaServerTests",
            dependencies: [
                "CronistaServer", "CronistaStorage", "CronistaStorageSQLite",
                .target(name: "CronistaStoragePostgres", condition: .when(traits: ["Postgres"])),
                "CronistaNLP", "CronistaCore", "CronistaTestSupport", "cronista",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types")
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CronistaCLITests",
            dependencies: [
                "cronista", "CronistaCore", "CronistaIngest", "CronistaTestSupport", "CronistaResources", "CronistaStorage",
                "CronistaStorageSQLite",
                // A loopback HTTP server for `update` and `ingest URL`.
                .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Server"])),
                .product(name: "HummingbirdTesting", package: "hummingbird", condition: .when(traits: ["Server"])),
                .product(name: "HTTPTypes", package: "swift-http-types", condition: .when(traits: ["Server"])),
                .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["Server"]))
            ],
            swiftSettings: swiftSettings
        ),
        // The ingest library itself: sources, order, counts, idempotence, into a temporary SQLite store.
        .testTarget(
            name: "CronistaIngestTests",
            dependencies: [
                "CronistaIngest", "CronistaNLP", "CronistaCore", "CronistaStorage", "CronistaStorageSQLite", "CronistaTestSupport"
            ],
            swiftSettings: swiftSettings
        )
    ],
    swiftLanguageModes: [.v6]
)
