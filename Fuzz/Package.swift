// swift-tools-version: 6.1
// libFuzzer targets for Cronista (issue 19): each feeds arbitrary bytes to one stage and checks the
// offset contract on what comes out, not just survival. Built with the fuzzer and address
// sanitizers by `scripts/fuzz TARGET SECONDS` (its own package, so the main build stays plain).
import PackageDescription

let package = Package(
    name: "CronistaFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Cronista", path: "..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "CronistaCore", package: "Cronista"), .product(name: "CronistaNLP", package: "Cronista"),
                .product(name: "CronistaIngest", package: "Cronista")
            ]
        ),
        .executableTarget(name: "FuzzJSONLines", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzTextLayer", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzNER", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzQuotes", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzPipeline", dependencies: ["FuzzSupport"])
    ],
    swiftLanguageModes: [.v6]
)
