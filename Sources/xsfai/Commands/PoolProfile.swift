import FAIControl
import Foundation
import Secrets

extension ConnectionOptions {
    /// These options with the `--pool NAME` profile's values filling what was not given on the command line.
    ///
    /// The profile is `[pool.NAME]` of `$XDG_CONFIG_HOME/xsfai/config.toml`; its url, user (when `--user`
    /// is left at its default), password_file and pin apply.
    func applyingProfile() throws -> ConnectionOptions {
        guard let name = pool else { return self }
        let profile = try Self.loadProfile(name)
        var options = self
        if options.url == nil { options.url = profile.url }
        if options.user == "root", let user = profile.user { options.user = user }
        if options.passwordFile == nil { options.passwordFile = profile.passwordFile }
        if options.pin == nil { options.pin = profile.pin }
        return options
    }

    /// The password the `--pool` profile gives through `password_command` or `password`, when
    /// `--password-file` was not given; `nil` otherwise.
    func profilePassword() throws -> SecretBytes? {
        guard let name = pool, passwordFile == nil else { return nil }
        let profile = try Self.loadProfile(name)
        if profile.passwordFile != nil { return nil }
        if let password = profile.password { return SecretBytes(copyingUTF8: password) }
        guard let command = profile.passwordCommand else { return nil }
        return try Self.run(passwordCommand: command, profile: name)
    }

    /// The `--pool` profile, if one was named.
    func profile() throws -> PoolProfile? {
        try pool.map(Self.loadProfile)
    }

    private static func loadProfile(_ name: String) throws -> PoolProfile {
        let path = ProfileConfig.defaultPath(environment: ProcessInfo.processInfo.environment)
        return try ProfileConfig.load(path: path).profile(name, path: path)
    }

    /// Runs `/bin/sh -c command` and returns its first output line; its stderr goes to ours.
    private static func run(passwordCommand command: String, profile: String) throws -> SecretBytes {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        // The command gets the operator's environment without the password xsfai may have been given.
        var environment = ProcessInfo.processInfo.environment
        environment["XSFAI_PASSWORD"] = nil
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var data = output.fileHandleForReading.readDataToEndOfFile()
        // Data's own wipe (the pipe's read buffers inside Foundation are beyond reach).
        defer { data.resetBytes(in: 0..<data.count) }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure.usage("the password_command of pool \(profile) exited with \(process.terminationStatus)")
        }
        let line = data.prefix { $0 != UInt8(ascii: "\n") }
        guard !line.isEmpty else { throw CommandFailure.usage("the password_command of pool \(profile) printed nothing") }
        return SecretBytes(copying: line)
    }
}
