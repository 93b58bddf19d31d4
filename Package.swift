// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Cronista",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cronista", targets: ["cronista"]),
        .library(name: "CronistaCore", targets: ["CronistaCore"]),
        .library(name: "CronistaNLP", targets: ["CronistaNLP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The data model: no dependencies at all.
        .target(name: "CronistaCore", swiftSettings: swiftSettings),
        // Every algorithm: normalisation, tokenisation, segmentation, language id, tagging, output.
        .target(
            name: "CronistaNLP",
            dependencies: ["CronistaCore"],
            swiftSettings: swiftSettings
        ),
        .target(name: "CronistaTestSupport", dependencies: ["CronistaCore", "CronistaNLP"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "cronista",
            dependencies: [
                "CronistaCore", "CronistaNLP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CronistaCoreTests", dependencies: ["CronistaCore", "CronistaTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CronistaNLPTests", dependencies: ["CronistaNLP", "CronistaCore", "CronistaTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CronistaCLITests", dependencies: ["CronistaCore", "CronistaTestSupport"], swiftSettings: swiftSettings),
    ],
    swiftLanguageModes: [.v6]
)
