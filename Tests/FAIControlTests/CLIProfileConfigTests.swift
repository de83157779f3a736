import FAIControl
import Foundation
import Testing
import TestScratch

@Suite struct CLIProfileConfigTests {
    @Test func parsesTheSubset() throws {
        let text = """
            # pools
            [pool.lab]
            url = "https://xs1.lab:443"   # master
            user = 'root'
            password_command = "pass show \\"xs lab\\""

            [pool."prod 2"]
            url = "https://xs2"
            password_file = "/etc/xsfai/prod.pw"
            pin = "sha256//AAAA"
            """
        let config = try ProfileConfig.parse(text, path: "c.toml")
        var lab = PoolProfile(name: "lab")
        lab.url = "https://xs1.lab:443"
        lab.user = "root"
        lab.passwordCommand = #"pass show "xs lab""#
        var prod = PoolProfile(name: "prod 2")
        prod.url = "https://xs2"
        prod.passwordFile = "/etc/xsfai/prod.pw"
        prod.pin = "sha256//AAAA"
        #expect(config == ProfileConfig(profiles: ["lab": lab, "prod 2": prod]))
    }

    @Test func errorsNameTheLine() {
        #expect(throws: ProfileConfigError.syntax(path: "c", line: 2, message: "the value of url must be a quoted string")) {
            try ProfileConfig.parse("[pool.a]\nurl = https://x", path: "c")
        }
        #expect(throws: ProfileConfigError.unknownKey(path: "c", line: 2, key: "passwd")) {
            try ProfileConfig.parse("[pool.a]\npasswd = \"x\"", path: "c")
        }
        #expect(throws: ProfileConfigError.syntax(path: "c", line: 1, message: "\"url\" is outside a [pool.NAME] table")) {
            try ProfileConfig.parse("url = \"x\"", path: "c")
        }
        #expect(throws: ProfileConfigError.syntax(path: "c", line: 1, message: "only [pool.NAME] tables are supported")) {
            try ProfileConfig.parse("[server]", path: "c")
        }
        #expect(throws: ProfileConfigError.syntax(path: "c", line: 2, message: "unterminated string")) {
            try ProfileConfig.parse("[pool.a]\nurl = \"x", path: "c")
        }
    }

    @Test func refusesAReadablePasswordFile() throws {
        let path = Scratch.path("xsfai-config", suffix: ".toml")
        try "[pool.a]\nurl = \"https://x\"\npassword = \"secret\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        chmod(path, 0o644)
        #expect(throws: ProfileConfigError.passwordReadableByOthers(path: path, mode: "644")) { try ProfileConfig.load(path: path) }
        chmod(path, 0o600)
        #expect(try ProfileConfig.load(path: path).profiles["a"]?.password == "secret")
    }

    @Test func refusesAConfigOthersCanWriteWhenItSaysWhereThePasswordComesFrom() throws {
        let folder = Scratch.path("xsfai-config")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/config.toml"
        try "[pool.a]\nurl = \"https://x\"\npassword_command = \"pass show a\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(folder, 0o700)
        chmod(path, 0o666)
        #expect(throws: ProfileConfigError.writableByOthers(path: path, mode: "666")) { try ProfileConfig.load(path: path) }
        chmod(path, 0o620)
        #expect(throws: ProfileConfigError.writableByOthers(path: path, mode: "620")) { try ProfileConfig.load(path: path) }
        chmod(path, 0o644)
        #expect(try ProfileConfig.load(path: path).profiles["a"]?.passwordCommand == "pass show a")
        chmod(folder, 0o777)
        #expect(throws: ProfileConfigError.writableByOthers(path: folder, mode: "777")) { try ProfileConfig.load(path: path) }
        chmod(folder, 0o755)
        // Without a password source, a loose file is only a URL list: accepted.
        try "[pool.a]\nurl = \"https://x\"\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o666)
        #expect(try ProfileConfig.load(path: path).profiles["a"]?.url == "https://x")
    }

    @Test func thePasswordCommandDoesNotInheritXSFAIPassword() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let config = Scratch.path("xsfai-config")
        try FileManager.default.createDirectory(atPath: config + "/xsfai", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let command = #"if [ -z \"$XSFAI_PASSWORD\" ]; then echo \#(pool.configuration.password); else echo inherited; fi"#
        try "[pool.sim]\nurl = \"\(pool.server.masterURL)\"\npassword_command = '\(command.replacingOccurrences(of: "\\\"", with: "\""))'\n"
            .write(toFile: config + "/xsfai/config.toml", atomically: true, encoding: .utf8)
        chmod(config + "/xsfai/config.toml", 0o600)
        let result = try CLIRunEndToEndTests.run(
            ["vms", "--pool", "sim"], pool: pool, state: CLIRunEndToEndTests.freshState(),
            environment: ["XDG_CONFIG_HOME": config, "XSFAI_URL": nil, "XSFAI_PASSWORD": "not-the-password"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("fai01"))
    }
}

/// Once xsfai holds a password it can write no core file, and is not dumpable (no core, no
/// `/proc/<pid>/mem` or ptrace for other processes of the user).
@Suite struct CLICoreDumpTests {
    /// The owner of `/proc/<pid>/status`: the process's user while it is dumpable, root once it made
    /// itself non-dumpable (the kernel's sign of `PR_SET_DUMPABLE` 0 seen from outside).
    static func procOwner(_ pid: Int32) -> uid_t? {
        var status = stat()
        return stat("/proc/\(pid)/status", &status) == 0 ? status.st_uid : nil
    }

    /// Runs `arguments` as an unprivileged user when the tests run as root (root owns every /proc
    /// entry of its own processes either way), else as ourselves; returns the process and that uid.
    static func launchUnprivileged(_ executable: URL, _ arguments: [String], environment: [String: String]) throws -> (Process, uid_t) {
        let process = Process()
        let uid: uid_t = getuid() == 0 ? 65534 : getuid()
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, uid)
    }

    @Test func aProcessHoldingAPasswordIsNotDumpable() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        // The observation itself: a process that holds nothing stays owned by its user.
        let (control, uid) = try Self.launchUnprivileged(URL(fileURLWithPath: "/bin/sleep"), ["600"], environment: [:])
        // Blocking waits: a busy run starves the cooperative pool, and a task's sleep could outlast the child.
        usleep(300_000)
        let controlOwner = Self.procOwner(control.processIdentifier)
        kill(control.processIdentifier, SIGKILL)
        control.waitUntilExit()
        #expect(controlOwner == uid)
        // Not under Scratch.root: that folder is 0700 and the child runs as another user.
        let state = NSTemporaryDirectory() + "xsfai-dumpable-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: state) }
        chown(state, uid, gid_t(uid))
        var environment = ProcessInfo.processInfo.environment
        environment["XSFAI_URL"] = pool.server.masterURL
        environment["XSFAI_PASSWORD"] = pool.configuration.password
        environment["XDG_STATE_HOME"] = state
        environment["HOME"] = state
        let (process, _) = try Self.launchUnprivileged(
            CLIRunEndToEndTests.binary, ["console", "fai02", "--until-done", "--timeout", "600"], environment: environment)
        var owner: uid_t?
        for _ in 0..<1500 {
            guard process.isRunning else { break }
            owner = Self.procOwner(process.processIdentifier)
            if owner == 0 { break }
            usleep(20_000)
        }
        let exitedEarly = !process.isRunning
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(owner == 0, "owner \(String(describing: owner)) (user \(uid)); exited early: \(exitedEarly), status \(process.terminationStatus)")
    }

    @Test func aProcessHoldingAPasswordHasACoreLimitOfZero() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let process = Process()
        process.executableURL = CLIRunEndToEndTests.binary
        process.arguments = ["console", "fai02", "--until-done", "--timeout", "600"]  // outlives a starved test pool
        var environment = ProcessInfo.processInfo.environment
        environment["XSFAI_URL"] = pool.server.masterURL
        environment["XSFAI_PASSWORD"] = pool.configuration.password
        environment["XDG_STATE_HOME"] = CLIRunEndToEndTests.freshState()
        process.environment = environment
        let stderr = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        // The limit drops once the password is read, before login; a loaded machine may take a while.
        var core: [Substring] = []
        for _ in 0..<1500 {
            guard process.isRunning, core != ["0", "0"] else { break }
            try await Task.sleep(for: .milliseconds(20))
            let limits = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/limits", encoding: .utf8)) ?? ""
            let line = limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") } ?? ""
            if !line.isEmpty { core = Array(line.split(separator: " ").dropFirst(4).prefix(2)) }
        }
        let exitedEarly = !process.isRunning
        // SIGKILL: children of the test runner inherit its blocked SIGTERM (see CLIRunEndToEndTests.run).
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        // `console --until-done` on a halted VM waits for it to start: an early exit is a failure to explain.
        #expect(core == ["0", "0"], "core limit \(core); exited early: \(exitedEarly), status \(process.terminationStatus), stderr: \(message)")
    }
}
