import Foundation
import Testing

/// What a script may rely on from the `xsfai` process: usage errors exit 2 with the parser's message,
/// and SIGTERM ends it even when its parent blocked SIGTERM (as this test runner does: children spawned
/// from its worker threads inherit a mask blocking nearly every signal).
@Suite struct CLIProcessContractTests {
    /// Runs xsfai with `arguments` (no pool needed: parsing fails first); returns status and stderr.
    static func run(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = CLIRunEndToEndTests.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: killer)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        killer.cancel()
        return (process.terminationStatus, text)
    }

    @Test func anUnknownOptionExits2WithTheParsersMessage() throws {
        let (status, text) = try Self.run(["vms", "--bogus"])
        #expect(status == 2, "\(text)")
        #expect(text.contains("Error: Unknown option '--bogus'"), "\(text)")
        #expect(text.contains("Usage: xsfai vms"), "\(text)")
    }

    @Test func aMissingArgumentExits2WithTheParsersMessage() throws {
        let (status, text) = try Self.run(["console"])
        #expect(status == 2, "\(text)")
        #expect(text.contains("Error: Missing expected argument '<vm>'"), "\(text)")
    }

    @Test func aBadValueExits2WithTheParsersMessage() throws {
        let (status, text) = try Self.run(["console", "fai01", "--timeout", "soon"])
        #expect(status == 2, "\(text)")
        #expect(text.contains("Error: The value 'soon' is invalid for '--timeout <timeout>'"), "\(text)")
    }

    @Test func helpStillExits0() throws {
        let (status, _) = try Self.run(["vms", "--help"])
        #expect(status == 0)
    }

    @Test func aConsoleRelaySpawnedWithSIGTERMBlockedStopsOnSIGTERM() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let process = Process()
        process.executableURL = CLIRunEndToEndTests.binary
        process.arguments = ["console", "fai01"]
        var environment = ProcessInfo.processInfo.environment
        environment["XSFAI_URL"] = pool.server.masterURL
        environment["XSFAI_PASSWORD"] = pool.configuration.password
        environment["XDG_STATE_HOME"] = CLIRunEndToEndTests.freshState()
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        // Spawned from this thread, which blocks SIGTERM, as the runner's worker threads do.
        var blocked = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGTERM)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        try process.run()
        pthread_sigmask(SIG_SETMASK, &previous, nil)
        // Attached: the relay says so on stderr only after a reattach, so wait for the process to settle.
        let settled = Date().addingTimeInterval(3)
        while Date() < settled, process.isRunning { usleep(100_000) }
        #expect(process.isRunning, "the relay ended by itself")
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(100_000) }
        let stillRunning = process.isRunning
        if stillRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(!stillRunning, "SIGTERM did not end the console relay")
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM)
    }
}
