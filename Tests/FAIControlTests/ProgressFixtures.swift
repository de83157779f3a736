import Foundation
import Simulator
import Testing

@testable import FAIControl

/// The FAI console transcripts of /work/shared/fixtures/fai, copied into the test bundle.
enum ProgressFixtures {
    static let names = [
        "success", "success-verbose", "fail-instsoft", "fail-partition", "no-nfsroot", "no-fai-args",
    ]

    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "log", subdirectory: "Fixtures"),
            "fixture \(name).log missing from the test bundle")
        return Array(try Data(contentsOf: url))
    }

    /// Feeds `bytes` in one chunk at time 0.
    static func trackWhole(_ bytes: [UInt8], configuration: FAIProgressTracker.Configuration = .init())
        -> FAIProgressTracker
    {
        var tracker = FAIProgressTracker(configuration: configuration, startTime: 0)
        tracker.consume(bytes, at: 0)
        return tracker
    }

    /// Feeds `bytes` in random chunks (1…`maximumChunk` bytes) chosen by a seeded generator, at time 0.
    static func trackSplit(_ bytes: [UInt8], seed: UInt64, maximumChunk: Int) -> FAIProgressTracker {
        var generator = SplitMix64(seed: seed)
        var tracker = FAIProgressTracker(startTime: 0)
        var index = 0
        while index < bytes.count {
            let size = Int.random(in: 1...maximumChunk, using: &generator)
            let end = min(bytes.count, index + size)
            tracker.consume(bytes[index..<end], at: 0)
            index = end
        }
        return tracker
    }

    /// The lines of a fixture, each with its CR LF, for feeding line by line.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }
}
