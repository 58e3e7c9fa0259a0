// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kefu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kefu", targets: ["kefu"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Pure scoring core: records, time, conversations, attribution, metrics, scorecards,
        // pay, rankings, heatmap, staffing. No terminal, database or file I/O.
        .target(name: "KefuCore"),
        // Reading records and configuration: encodings, CSV, JSON Lines, TOML.
        .target(name: "KefuImport", dependencies: [
            "KefuCore",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // Seeded, realistic data sets (the demo, the tests and the benchmarks use it).
        .target(name: "KefuSample", dependencies: ["KefuCore"]),
        // `kefu report` and friends: JSON (SPEC §10), CSV and aligned tables.
        .target(name: "KefuOutput", dependencies: [
            "KefuCore",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // The embedded SQLite store and the live feed.
        .target(name: "KefuStore", dependencies: [
            "KefuCore", "KefuImport",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, for the bulk paths that bind values straight into prepared statements.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // ncurses, through a tiny C shim (the only C in the project).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // The dashboard: frames, widgets, screens, themes, the terminal layer.
        .target(name: "KefuTUI", dependencies: ["KefuCore", "CNcurses"]),
        .executableTarget(name: "kefu", dependencies: [
            "KefuCore", "KefuImport", "KefuOutput", "KefuSample", "KefuStore", "KefuTUI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "KefuCoreTests", dependencies: ["KefuCore", "KefuSample"]),
        .testTarget(name: "KefuOutputTests", dependencies: ["KefuOutput", "KefuCore"]),
        .testTarget(name: "KefuImportTests", dependencies: ["KefuImport", "KefuCore", "KefuSample"]),
        .testTarget(name: "KefuStoreTests", dependencies: ["KefuStore", "KefuSample", "KefuCore"]),
        .testTarget(name: "KefuTUITests", dependencies: ["KefuTUI", "KefuCore", "KefuSample"]),
        .testTarget(name: "EndToEndTests", dependencies: ["kefu"]),
        .testTarget(name: "KefuStaffingTests", dependencies: ["KefuCore"]),
        .testTarget(name: "KefuSampleTests", dependencies: ["KefuSample", "KefuCore"]),
    ]
)
