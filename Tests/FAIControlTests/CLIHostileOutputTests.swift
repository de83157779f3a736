import Foundation
import Simulator
import Testing
import XenAPI

/// Pool strings holding escape sequences never reach the operator's terminal raw: the CLI's tables,
/// plan text and error messages show them as visible escapes.
@Suite struct CLIHostileOutputTests {
    /// OSC 0 (window title), OSC 52 (clipboard), CSI 2J (clear screen), and the same as 8-bit C1.
    static let hostileName = "evil\u{1B}]0;owned\u{07}\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}\u{1B}[2J\u{9B}2J\u{9D}0;t\u{9C}"
    /// What survives XML-RPC (whose encoders drop C0 controls, as rpclib does): C1 controls and DEL.
    static let c1Name = "evil\u{9B}2J\u{9D}52;c;ZWNobyBwd25lZA==\u{9C}\u{7F}"

    /// The bytes a terminal would act on: C0 other than tab and newline, DEL, and UTF-8 C1.
    static func controlBytes(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        return bytes.indices.compactMap { index in
            let byte = bytes[index]
            switch byte {
            case 0x09, 0x0A: return nil
            case 0x00...0x1F, 0x7F: return byte
            case 0x80...0x9F where index > 0 && bytes[index - 1] == 0xC2: return byte
            default: return nil
            }
        }
    }

    @Test func vmTableShowsAnEscapeLadenNameAsVisibleEscapes() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        try pool.session.vm.setNameLabel(try pool.session.ref(named: "fai01"), Self.c1Name)
        let listed = try CLIRunEndToEndTests.run(["vms"], pool: pool, state: CLIRunEndToEndTests.freshState())
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(Self.controlBytes(listed.stdout).isEmpty)
        #expect(listed.stdout.contains("evil\\x9b2J\\x9d52;c;ZWNobyBwd25lZA==\\x9c\\x7f "))
        let json = try CLIRunEndToEndTests.run(["vms", "--json"], pool: pool, state: CLIRunEndToEndTests.freshState())
        #expect(json.status == 0)
        #expect(Self.controlBytes(json.stdout).isEmpty)
        #expect(json.stdout.contains(#""evil\u009b2J\u009d52;c;ZWNobyBwd25lZA==\u009c\u007f""#))
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.contains { $0.values.contains { $0 as? String == Self.c1Name } } == true)
    }

    @Test func anErrorAboutAHostileNameIsShownEscaped() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let refused = try CLIRunEndToEndTests.run(["start", Self.hostileName], pool: pool, state: CLIRunEndToEndTests.freshState())
        #expect(refused.status == 2)
        #expect(Self.controlBytes(refused.stderr).isEmpty)
        #expect(refused.stderr.contains("evil\\e]0;owned"))
    }
}

/// Usage errors caught by the argument parser exit 2, as the README's exit-code table says.
@Suite struct CLIUsageExitTests {
    @Test(arguments: [["vms", "--bogus"], ["sim", "--port", "999999"], ["console"], ["nosuchcommand"]])
    func parserUsageErrorsExit2(arguments: [String]) throws {
        let process = Process()
        process.executableURL = CLIRunEndToEndTests.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(arguments): \(text)")
        #expect(text.contains("Error:") || text.contains("Usage"))
    }
}

/// Every session xsfai opens is logged out, whatever way the command ends.
@Suite struct CLISessionLeakTests {
    @Test func consoleUntilDoneLeavesNoSessionBehind() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let before = pool.server.activeSessionCount
        let state = CLIRunEndToEndTests.freshState()
        // Ends by its timeout while the halted VM is waited for (the event session is open then).
        let waited = try CLIRunEndToEndTests.run(["console", "fai02", "--until-done", "--timeout", "2"], pool: pool, state: state)
        #expect(waited.status == 5, "\(waited.stderr)")
        let listed = try CLIRunEndToEndTests.run(["vms"], pool: pool, state: state)
        #expect(listed.status == 0)
        let failed = try CLIRunEndToEndTests.run(["start", "fai01"], pool: pool, state: state)
        #expect(failed.status != 0)
        #expect(pool.server.activeSessionCount == before)
    }
}
