import FAIControl
import Foundation
import Testing

@Suite struct NamePatternTests {
    @Test func rangesExpandWithTheirPadding() throws {
        #expect(try NamePattern.expand("web[01-03]") == ["web01", "web02", "web03"])
        #expect(try NamePattern.expand("web[8-10]") == ["web8", "web9", "web10"])
        #expect(try NamePattern.expand("r[1-2]-n[1-2]") == ["r1-n1", "r1-n2", "r2-n1", "r2-n2"])
        #expect(try NamePattern.expand("plain") == ["plain"])
        #expect(try NamePattern.expand("web[01-20]").count == 20)
    }

    @Test func badPatternsAreRefused() {
        #expect(throws: NamePatternError.malformed("web[3-1]")) { try NamePattern.expand("web[3-1]") }
        #expect(throws: NamePatternError.malformed("web[01-")) { try NamePattern.expand("web[01-") }
        #expect(throws: NamePatternError.malformed("web[a-b]")) { try NamePattern.expand("web[a-b]") }
        #expect(throws: NamePatternError.tooMany("w[1-5000]")) { try NamePattern.expand("w[1-5000]") }
    }

    @Test func theLedgerKeepsEachVMsLastAttempt() throws {
        let ledger = AttemptLedger(path: temporaryStateFolder() + "/attempts.json")
        try ledger.record(.init(name: "web01", exitCode: 3, summary: "failed", time: 1), uuid: "u1")
        try ledger.record(.init(name: "web02", exitCode: 0, summary: "ok", time: 1), uuid: "u2")
        try ledger.record(.init(name: "web01", exitCode: 0, summary: "ok", time: 2), uuid: "u1")
        try ledger.record(.init(name: "web03", exitCode: 4, summary: "no boot", time: 2), uuid: "u3")
        #expect(try ledger.attempts().filter(\.value.failed).keys.sorted() == ["u3"])
        let mode = try FileManager.default.attributesOfItem(atPath: ledger.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
