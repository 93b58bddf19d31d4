// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
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
    ],
    targets: [
        // The data model: no dependencies at all.
        .target(name: "CronistaCore", swiftSettings: swiftSettings),
        // Every algorithm: normalisation, tokenisation, segmentation, language id, tagging, output.
        .target(
            name: "CronistaNLP",
            dependencies: ["CronistaCore"],
            resources: [.copy("Resources")],
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
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CronistaStoragePostgres",
            dependencies: ["CronistaStorage", "CronistaCore", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: swiftSettings
        ),
        // `cronista serve`: the HTTP API and the web pages over one shared Engine and a DocumentStore
        // (the protocol only: the CLI picks the backend).
        .target(
            name: "CronistaServer",
            dependencies: [
                "CronistaCore", "CronistaNLP", "CronistaStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                // The connection guards sit around Hummingbird's HTTP/1 parser.
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(name: "CronistaTestSupport", dependencies: ["CronistaCore", "CronistaNLP"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "cronista",
            dependencies: [
                "CronistaCore", "CronistaNLP",
                "CronistaStorage", "CronistaStorageSQLite", "CronistaStoragePostgres", "CronistaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CronistaCoreTests", dependencies: ["CronistaCore", "CronistaTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CronistaNLPTests", dependencies: ["CronistaNLP", "CronistaCore", "CronistaTestSupport"], swiftSettings: swiftSettings),
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
                "CronistaStorage", "CronistaStorageSQLite", "CronistaStoragePostgres", "CronistaNLP", "CronistaCore", "CronistaTestSupport",
                // Raw SQL for migration tests that build an old schema's rows.
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CronistaServerTests",
            dependencies: [
                "CronistaServer", "CronistaStorage", "CronistaStorageSQLite", "CronistaStoragePostgres",
                "CronistaNLP", "CronistaCore", "CronistaTestSupport", "cronista",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CronistaCLITests", dependencies: ["cronista", "CronistaCore", "CronistaTestSupport"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
