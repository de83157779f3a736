import Foundation
import Simulator
import Testing
import XenAPI
import TestScratch

/// Runs the `xsfai` binary (built next to the test bundle) against a simulator started in the test.
@Suite struct CLIRunEndToEndTests {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The xsfai executable beside this test bundle's executable.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("xsfai")
    }

    /// Runs `xsfai arguments…` against `pool` with a private journal folder; kills it after `limit`.
    /// With `mergingStderr` both streams go into one pipe (`stdout`), as `cmd >file 2>&1` does;
    /// `executable` runs another program (e.g. `script`, to give xsfai a terminal) in the same setting.
    static func run(
        _ arguments: [String], pool: LoopbackPool, state: String, limit: TimeInterval = 60,
        environment extra: [String: String?] = [:], mergingStderr: Bool = false, executable: URL? = nil, input: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XSFAI_URL"] = pool.server.masterURL
        environment["XSFAI_PASSWORD"] = pool.configuration.password
        environment["XDG_STATE_HOME"] = state
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = mergingStderr ? output : errors
        let typed = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : typed
        try process.run()
        if let input {
            typed.fileHandleForWriting.write(Data(input.utf8))
            try? typed.fileHandleForWriting.close()
        }
        // SIGKILL: a child spawned from a test-runner thread inherits its blocked SIGTERM.
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: killer)
        let errorData = SharedBox<Data>()
        if mergingStderr {
            errorData.set(Data())
        } else {
            Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }.start()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        while errorData.get() == nil { Thread.sleep(forTimeInterval: 0.01) }
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.get() ?? Data(), as: UTF8.self))
    }

    /// Runs `arguments` and starts the VM `name` a second after the command was launched, the way an
    /// operator attaches first and powers on second (the console has no history).
    static func runThenStart(_ name: String, _ arguments: [String], pool: LoopbackPool, state: String, limit: TimeInterval = 60) throws -> Result {
        let session = pool.session
        let vm = try session.ref(named: name)
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { try? session.vm.start(vm) }
        return try run(arguments, pool: pool, state: state, limit: limit)
    }

    /// A pool whose guests wait 3 s before their first console line, so a command launched before
    /// the VM starts is attached in time even on a busy machine.
    static func slowBootPool() async throws -> LoopbackPool {
        try await LoopbackPool.start(SimulatorConfiguration(linesPerSecond: 3000, bootDelay: 3))
    }

    static func freshState() -> String { Scratch.path("xsfai-cli") }

    @Test func checkFindsAndFixesTheXenCenterBug() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the xsfai product first")
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = Self.freshState()
        let found = try Self.run(["check"], pool: pool, state: state)
        #expect(found.status == 1)
        #expect(found.stdout.contains("fai03  FAI Squeeze 64  drifted  PV-args: \"\" -> "))
        let fixed = try Self.run(["check", "--fix"], pool: pool, state: state)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let again = try Self.run(["check", "--json"], pool: pool, state: state)
        #expect(again.status == 0)
        #expect(!again.stdout.contains("\"drifted\""))
        let journal = try Self.run(["journal"], pool: pool, state: state)
        #expect(journal.stdout.contains("check --fix of fai03"))
        #expect(journal.stdout.contains("fai03 PV-args: \"\" -> "))
    }

    @Test func untilDoneExitCodes() async throws {
        let pool = try await Self.slowBootPool()
        defer { Task { await pool.stop() } }
        let state = Self.freshState()
        // Success: a new install watched from power-on.
        let success = try Self.run(["install", "FAI Squeeze 64", "--name", "fai30", "--watch", "--timeout", "50"], pool: pool, state: state)
        #expect(success.status == 0, "\(success.stdout)\(success.stderr)")
        #expect(success.stdout.contains("fai30: FAI install succeeded"))
        // FAI failure: the aborted install rearmed with the failing transcript.
        _ = try Self.run(["vm-set", "fai02", "other-config:xsfai-sim-scenario=fail-instsoft"], pool: pool, state: state)
        let rearm = try Self.run(["rearm", "fai02"], pool: pool, state: state)
        #expect(rearm.status == 0, "\(rearm.stderr)")
        let failure = try Self.runThenStart("fai02", ["console", "fai02", "--until-done", "--timeout", "50"], pool: pool, state: state)
        #expect(failure.status == 3, "\(failure.stdout)\(failure.stderr)")
        #expect(failure.stdout.contains("FAI failed in instsoft"))
        // No boot: the XenCenter-bug VM boots the installer with empty PV-args.
        let noBoot = try Self.runThenStart("fai03", ["console", "fai03", "--until-done", "--timeout", "50"], pool: pool, state: state)
        #expect(noBoot.status == 4, "\(noBoot.stdout)\(noBoot.stderr)")
    }

    @Test func kernelPanicIsNoBoot() async throws {
        let pool = try await Self.slowBootPool()
        defer { Task { await pool.stop() } }
        let state = Self.freshState()
        _ = try Self.run(["vm-set", "fai02", "other-config:xsfai-sim-scenario=no-nfsroot"], pool: pool, state: state)
        #expect(try Self.run(["rearm", "fai02"], pool: pool, state: state).status == 0)
        let panic = try Self.runThenStart("fai02", ["console", "fai02", "--until-done", "--timeout", "50"], pool: pool, state: state)
        #expect(panic.status == 4, "\(panic.stdout)\(panic.stderr)")
        #expect(panic.stdout.lowercased().contains("panic"), "\(panic.stdout)")
    }

    @Test func refusalsAreClearMessagesWithExitCodes() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = Self.freshState()
        let running = try Self.run(["start", "fai01"], pool: pool, state: state)
        #expect(running.status == 9)
        #expect(running.stderr == "xsfai: fai01 is already running\n")
        let rearm = try Self.run(["rearm", "fai01"], pool: pool, state: state)
        #expect(rearm.status == 6)
        #expect(rearm.stderr == "xsfai: fai01 is running; rearm needs it halted: add --force to hard-shut it down first\n")
        let unknown = try Self.run(["vm-set", "nosuch", "PV-args=x"], pool: pool, state: state)
        #expect(unknown.status == 2)
        let dryRun = try Self.run(["vm-set", "fai02", "PV-args=quiet console=hvc0", "--dry-run"], pool: pool, state: state)
        #expect(dryRun.stdout.contains("xe vm-param-set uuid="))
        #expect(dryRun.stdout.contains(" PV-args='quiet console=hvc0'"))
        let journal = try Self.run(["journal", "--json"], pool: pool, state: state)
        #expect((try JSONSerialization.jsonObject(with: Data(journal.stdout.utf8)) as? [Any])?.isEmpty == true)
    }

    @Test func pipedConsoleIsTheRawStreamFromPowerOnWithATimestampedLog() async throws {
        let pool = try await Self.slowBootPool()
        defer { Task { await pool.stop() } }
        let state = Self.freshState()
        #expect(try Self.run(["rearm", "fai02"], pool: pool, state: state).status == 0)
        let log = state + "/console.log"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        // The VM is halted: the console command waits for power-on, which happens while it runs; the
        // command runs until it is stopped (here after 14 s), following the console across the reboot
        // into the installed system.
        let captured = try Self.runThenStart("fai02", ["console", "fai02", "--log", log], pool: pool, state: state, limit: 14)
        #expect(captured.stdout.contains("Calling task_partition"))
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        #expect(lines.first?.hasSuffix("--- console 1 attached ---") == true)
        #expect(lines.contains { $0.hasSuffix("--- console 2 attached ---") })
        #expect(captured.stdout.contains("login:"))
        #expect(lines.contains { $0.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z Calling task_partition"#, options: .regularExpression) != nil })
        let mode = try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func poolProfileSuppliesURLAndPasswordCommand() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = Self.freshState()
        let config = state + "/config"
        try FileManager.default.createDirectory(atPath: config + "/xsfai", withIntermediateDirectories: true)
        let file = config + "/xsfai/config.toml"
        try "[pool.lab]\nurl = \"\(pool.server.masterURL)\"\nuser = \"root\"\npassword_command = \"echo \(pool.configuration.password)\"\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let environment: [String: String?] = ["XSFAI_URL": nil, "XSFAI_PASSWORD": nil, "XDG_CONFIG_HOME": config]
        let listed = try Self.run(["check", "--pool", "lab", "fai01"], pool: pool, state: state, environment: environment)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("fai01  FAI Squeeze 64  in-sync"))
        let unknown = try Self.run(["check", "--pool", "prod"], pool: pool, state: state, environment: environment)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "xsfai: no [pool.prod] in \(file) (known: lab)\n")
        try "[pool.lab]\nurl = \"\(pool.server.masterURL)\"\npassword = \"xenroot\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o644)
        let open = try Self.run(["check", "--pool", "lab"], pool: pool, state: state, environment: environment)
        #expect(open.status == 2)
        #expect(open.stderr.contains("holds a password but its mode is 644"))
    }

    @Test func templateCopyKeepsPVArgsAndInstallKeys() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = Self.freshState()
        let session = pool.session
        let source = try session.vm.getRecord(try session.ref(named: "FAI Squeeze 64"))
        let copied = try Self.run(
            ["template-copy", "FAI Squeeze 64", "--name", "FAI Squeeze 64 lab", "--description", "Lab mirror"],
            pool: pool, state: state)
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout.hasPrefix("Copied template FAI Squeeze 64 to FAI Squeeze 64 lab ("))
        #expect(copied.stdout.hasSuffix(") with VM.clone.\n"))
        let copy = try session.vm.getRecord(try session.ref(named: "FAI Squeeze 64 lab"))
        #expect(copy.isATemplate)
        #expect(copy.uuid != source.uuid)
        #expect(copy.nameDescription == "Lab mirror")
        #expect(!source.pvArgs.isEmpty)
        #expect(copy.pvArgs == source.pvArgs)
        #expect(copy.pvBootloader == source.pvBootloader)
        for key in ["install-repository", "install-distro", "debian-release", "install-arch"] {
            #expect(source.otherConfig[key] != nil, "\(key)")
            #expect(copy.otherConfig[key] == source.otherConfig[key], "\(key)")
        }
        let onSR = try Self.run(
            ["template-copy", "FAI Squeeze 64", "--name", "FAI Squeeze 64 nfs", "--sr", "Shared NFS storage", "--json"],
            pool: pool, state: state)
        #expect(onSR.status == 0, "\(onSR.stderr)")
        let result = try JSONSerialization.jsonObject(with: Data(onSR.stdout.utf8)) as? [String: Any]
        #expect(result?["method"] as? String == "VM.copy")
        #expect(result?["source"] as? String == "FAI Squeeze 64")
        #expect(try session.vm.getRecord(try session.ref(named: "FAI Squeeze 64 nfs")).pvArgs == source.pvArgs)
        let unknown = try Self.run(["template-copy", "No such template", "--name", "x"], pool: pool, state: state)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("xsfai: "))
        #expect(unknown.stdout.isEmpty)
        #expect(try session.vm.getByNameLabel("x").isEmpty)
    }

    @Test func undoRefusesAfterAnOutsideChange() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = Self.freshState()
        #expect(try Self.run(["vm-set", "fai02", "other-config:install-arch=i386"], pool: pool, state: state).status == 0)
        #expect(try Self.run(["vm-set", "fai02", "other-config:install-arch=amd64"], pool: pool, state: state).status == 0)
        let undo = try Self.run(["undo"], pool: pool, state: state)
        #expect(undo.status == 0, "\(undo.stderr)")
        try pool.session.vm.setOtherConfigKey(try pool.session.ref(named: "fai02"), key: "install-arch", value: "x86")
        let refused = try Self.run(["undo"], pool: pool, state: state)
        #expect(refused.status == 6)
        #expect(refused.stderr.contains(#"fai02 other-config:install-arch is now "x86" (the set changed it from "amd64" to "i386")"#))
        let again = try Self.run(["undo", "--entry", "2"], pool: pool, state: state)
        #expect(again.status == 6)
        #expect(again.stderr.contains("change set 2 was already undone by change set 3"))
    }
}

/// A value shared with a reader thread.
final class SharedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value?
    func set(_ new: Value) { lock.withLock { value = new } }
    func get() -> Value? { lock.withLock { value } }
}
