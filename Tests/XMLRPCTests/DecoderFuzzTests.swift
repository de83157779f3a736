import Foundation
import FuzzSupport
import Testing
import XMLRPC

/// Seeded mutation fuzzing of the XML-RPC decoder over the committed corpus (`Fixtures/fuzz` and the
/// wire fixtures): every mutant decodes to a value or throws an ``XMLRPCError``; nothing else (no
/// crash, no other error type). Bounded: 20,000 mutants or 3 s per seed. `scripts/fuzz` runs the same
/// decoder under libFuzzer for longer.
@Suite struct DecoderFuzzTests {
    static func corpus() throws -> [[UInt8]] {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        var files = try FileManager.default.contentsOfDirectory(at: folder.appendingPathComponent("fuzz"), includingPropertiesForKeys: nil)
        files += try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "xml" }
        return try files.sorted { $0.path < $1.path }.map { Array(try Data(contentsOf: $0)) }
    }

    static let tokens = [
        "<value>", "</value>", "<struct>", "</struct>", "<member>", "<name>", "</name>", "<array><data>", "</data></array>",
        "<i8>", "<int>", "<double>", "<boolean>", "<string>", "<base64>", "<nil/>", "<dateTime.iso8601>", "<fault>",
        "<![CDATA[", "]]>", "<!--", "-->", "<?xml ?>", "&amp;", "&#", "&#x", ";", "99999999999999999999", "-", "\u{0}",
        "</methodResponse>", "<params><param>", "\u{FEFF}", "\u{1B}]0;x\u{07}",
    ]

    /// Decodes `input` every way the client and simulator do; a failure description or nil.
    static func check(_ input: [UInt8]) -> String? {
        let decoders: [(String, ([UInt8]) throws -> Void)] = [
            ("methodResponse", { _ = try XMLRPCDecoder.methodResponse($0) }),
            ("methodCall", { _ = try XMLRPCDecoder.methodCall($0) }),
            ("value", { _ = try XMLRPCDecoder.value($0) }),
        ]
        for (name, decode) in decoders {
            do {
                try decode(input)
            } catch is XMLRPCError {
                continue
            } catch {
                return "\(name) threw \(type(of: error)): \(error)"
            }
        }
        return nil
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func mutantsDecodeOrFailWithATypedError(seed: UInt64) throws {
        let (ran, failure) = SeededMutator.run(
            corpus: try Self.corpus(), tokens: Self.tokens, seed: seed, iterations: 20_000, budget: .seconds(3), check: Self.check)
        #expect(failure == nil, "\(failure ?? "")")
        #expect(ran >= 100, "only \(ran) mutants in the budget")
    }

    @Test func theCorpusIsCommittedAndDecodes() throws {
        let corpus = try Self.corpus()
        #expect(corpus.count >= 10)
        // The seeds are valid calls and replies: mutants start from real shapes.
        let decoded = corpus.filter { (try? XMLRPCDecoder.methodResponse($0)) != nil || (try? XMLRPCDecoder.methodCall($0)) != nil }
        #expect(decoded.count >= corpus.count / 2)
    }
}
