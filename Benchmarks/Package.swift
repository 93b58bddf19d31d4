// swift-tools-version: 6.1
// The benchmark suite: a package of its own, so package-benchmark (and its malloc interposer) stays
// out of Cronista's dependency graph and out of `swift build` / `swift test` / `scripts/test`.
//
//   swift package --package-path Benchmarks benchmark                 # run all, print the tables
//   swift package --package-path Benchmarks benchmark thresholds check --path Benchmarks/Thresholds
//   swift package --package-path Benchmarks --allow-writing-to-package-directory \
//       benchmark thresholds update --path Benchmarks/Thresholds      # after a deliberate change
// (from inside Benchmarks/, drop --package-path and --path). Thresholds/ holds the p90 allocation
// count and peak RSS of every benchmark; the tolerances are in the benchmarks' code (allocations
// ±2 % per article, ±3 % per ingest batch; peak RSS ±15 %); wall clock is printed, never checked.
// The check exits non-zero on a regression, and on an improvement too: then update the thresholds.
//
// CRONISTA_BENCH_DOCS (a JSON Lines file of the input contract) and CRONISTA_BENCH_ARTICLES (how
// many of its articles, default 200: the thresholds hold for the default) choose the corpus; the
// default is the KIND Wikinews training articles in ../shared (CRONISTA_SHARED moves ../shared).
import PackageDescription

let package = Package(
    name: "CronistaBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Cronista", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Loads the corpus and the engine once per benchmark process.
        .target(
            name: "BenchmarkCorpus",
            dependencies: [
                .product(name: "CronistaCore", package: "Cronista"),
                .product(name: "CronistaNLP", package: "Cronista"),
                // The JSON Lines reader of the inputs.
                .product(name: "CronistaIngest", package: "Cronista"),
            ]
        ),
        // Not a benchmark: per-component times on the whole corpus, for scripts/bench.
        .executableTarget(
            name: "bench-report",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "CronistaCore", package: "Cronista"),
                .product(name: "CronistaNLP", package: "Cronista"),
            ],
            path: "Sources/BenchReport"
        ),
        // Tokenizer, sentence splitter, NER, quote extraction, the whole pipeline.
        .executableTarget(
            name: "NLPBenchmarks",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "CronistaCore", package: "Cronista"),
                .product(name: "CronistaNLP", package: "Cronista"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/NLPBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Ingest (analyse and store) into SQLite.
        .executableTarget(
            name: "StorageBenchmarks",
            dependencies: [
                "BenchmarkCorpus",
                .product(name: "CronistaCore", package: "Cronista"),
                .product(name: "CronistaNLP", package: "Cronista"),
                .product(name: "CronistaStorage", package: "Cronista"),
                .product(name: "CronistaStorageSQLite", package: "Cronista"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/StorageBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
