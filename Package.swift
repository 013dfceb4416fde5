// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "GoalStat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "goalstat", targets: ["goalstat"]),
        .library(name: "GoalStatCore", targets: ["GoalStatCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        // Already in the graph through Vapor; named here because the SMTP client (`goalstat remind`) uses them directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.65.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.27.0"),
    ],
    targets: [
        .target(
            name: "GoalStatCore",
            resources: [.copy("Demo/Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GoalStatStore",
            dependencies: [
                "GoalStatCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GoalStatServer",
            dependencies: [
                "GoalStatCore",
                "GoalStatStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "goalstat",
            dependencies: [
                "GoalStatCore",
                "GoalStatStore",
                "GoalStatServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "GoalStatTestSupport",
            dependencies: ["GoalStatStore"],
            path: "Tests/GoalStatTestSupport",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "goalstat-bench",
            dependencies: ["GoalStatCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoalStatCoreTests",
            dependencies: ["GoalStatCore", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoalStatStoreTests",
            dependencies: ["GoalStatStore", "GoalStatTestSupport", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "GoalStatServerTests",
            dependencies: [
                "GoalStatServer",
                "GoalStatTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "goalstatTests",
            dependencies: ["GoalStatCore", "GoalStatTestSupport"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
