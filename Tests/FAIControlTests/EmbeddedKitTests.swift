import Foundation
import Testing

@testable import FAIControl

/// The kit compiled into the binary must be the files (bytes and executable bit) under `Resources/Kit`.
@Suite struct EmbeddedKitTests {
    private static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/Kit")

    /// Paths of the non-hidden regular files below `folder`, relative to it.
    private static func filesOnDisk() throws -> [String] {
        let fileManager = FileManager.default
        let paths = try #require(fileManager.subpaths(atPath: folder.path))
        return paths.filter { path in
            var isDirectory: ObjCBool = false
            let exists = fileManager.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
    }

    @Test func embeddedKitEqualsTheFilesUnderResources() throws {
        let stale = "Sources/FAIControl/Generated/EmbeddedKit.swift is stale: run scripts/embed-resources"
        #expect(try Self.filesOnDisk() == FAIKit.manifest.map(\.path).sorted(), "\(stale)")
        for file in EmbeddedKit.files {
            let url = Self.folder.appendingPathComponent(file.path)
            let onDisk = try Data(contentsOf: url)
            let embedded = try #require(Data(base64Encoded: file.base64, options: .ignoreUnknownCharacters), "\(file.path): \(stale)")
            #expect(embedded == onDisk, "\(file.path): \(stale)")
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
            #expect(file.isExecutable == (mode & 0o100 != 0), "\(file.path) executable bit: \(stale)")
        }
    }

    @Test func scriptsAreMarkedExecutable() {
        let executables = Set(FAIKit.manifest.filter(\.isExecutable).map(\.path))
        #expect(executables.contains("scripts/copy-xen-kernel"))
        #expect(!executables.contains("README"))
    }
}
