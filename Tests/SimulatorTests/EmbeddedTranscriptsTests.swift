import Foundation
import Testing

@testable import Simulator

/// The transcripts compiled into the binary must be the files under `Resources/Transcripts`.
@Suite struct EmbeddedTranscriptsTests {
    private static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Resources/Transcripts")

    @Test func embeddedTranscriptsEqualTheFilesUnderResources() throws {
        let stale = "Sources/Simulator/Generated/EmbeddedTranscripts.swift is stale: run scripts/embed-resources"
        let fileNames = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { !$0.hasPrefix(".") }.sorted()
        #expect(fileNames == TranscriptLibrary.names.map { "\($0).log" }.sorted(), "\(stale)")
        #expect(Set(TranscriptLibrary.names).isSuperset(of: ["success", "fail-instsoft", "no-nfsroot"]))
        for name in TranscriptLibrary.names {
            let onDisk = try Data(contentsOf: Self.folder.appendingPathComponent("\(name).log"))
            #expect(TranscriptLibrary.bundled.transcript(name) == Array(onDisk), "\(name).log: \(stale)")
        }
    }
}
