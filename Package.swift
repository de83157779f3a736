// swift-tools-version:6.0
import PackageDescription

/// xsfai: a terminal console for FAI network installs of PV Debian VMs on XenServer / XCP-ng pools.
let package = Package(
    name: "xsfai",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "xsfai", targets: ["xsfai"]),
        .executable(name: "xsfai-bench", targets: ["xsfai-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // C libraries, each imported by exactly one Swift module.
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CVTerm", pkgConfig: "vterm", providers: [.apt(["libvterm-dev"])]),

        // A C shim for prctl (variadic, out of Swift's reach) and explicit_bzero, used only by Secrets.
        .target(name: "CSecrets"),
        .target(name: "Secrets", dependencies: ["CSecrets"]),

        // Pure core.
        .target(name: "TerminalSafety"),
        .target(name: "XMLRPC"),
        .target(name: "XenAPI", dependencies: ["XMLRPC", "Secrets"]),
        .target(name: "FAIControl", dependencies: ["XenAPI"]),
        .target(name: "FAIMonitor", dependencies: ["FAIControl"]),
        // The console emulator's hot loop: runtime exclusivity checks cost about a third of its time
        // (measured with `scripts/bench-console`); its state is only touched from one thread.
        .target(
            name: "Terminal",
            dependencies: ["CVTerm"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .target(name: "TUI", dependencies: ["TerminalSafety"]),
        .target(name: "App", dependencies: ["TUI", "Terminal", "FAIControl", "FAIMonitor", "XenAPI"]),

        // Edges.
        .target(name: "CurlTransport", dependencies: ["XenAPI", "CCurl"]),
        .target(name: "CursesScreen", dependencies: ["TUI", "CNcursesw"]),
        .target(
            name: "Simulator",
            dependencies: [
                "XMLRPC",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),

        .target(
            name: "FAIMonitorServer",
            dependencies: [
                "FAIMonitor",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),

        // Executables.
        .executableTarget(
            name: "xsfai",
            dependencies: [
                "XMLRPC", "XenAPI", "CurlTransport", "FAIControl", "Terminal", "TUI", "CursesScreen", "App",
                "Simulator", "TerminalSafety", "FAIMonitor", "FAIMonitorServer", "Secrets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "xsfai-bench",
            dependencies: ["XMLRPC", "XenAPI", "Terminal", "Simulator", "FAIControl"],
            path: "Benchmarks/xsfai-bench"
        ),

        // Tests.
        // Scratch folders for every test target: one per test process, removed at exit.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .target(name: "FuzzSupport", path: "Tests/FuzzSupport"),
        .testTarget(name: "TerminalSafetyTests", dependencies: ["TerminalSafety"]),
        .testTarget(name: "XMLRPCTests", dependencies: ["XMLRPC", "FuzzSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "XenAPITests", dependencies: ["TestScratch", "XenAPI", "CurlTransport", "Simulator", "Secrets"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "XMLRPC"]),
        .testTarget(
            name: "FAIControlTests",
            dependencies: ["TestScratch", "FAIControl", "XenAPI", "CurlTransport", "Simulator", "FAIMonitor", "FAIMonitorServer"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "FAIMonitorTests", dependencies: ["TestScratch", "FAIMonitor", "FAIMonitorServer", "FAIControl"]),
        .testTarget(name: "TerminalTests", dependencies: ["TestScratch", "Terminal", "FuzzSupport"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AppTests",
            dependencies: ["TestScratch", "App", "TUI", "Terminal", "XenAPI", "FAIControl", "FAIMonitor", "FAIMonitorServer", "Simulator", "CurlTransport", "XMLRPC"],
            exclude: ["Snapshots"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
    ]
}
