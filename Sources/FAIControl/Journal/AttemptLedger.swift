import Foundation

/// The last install attempt xsfai watched on each VM and its verdict (`install --watch`), so that
/// `rearm --failed` knows which VMs failed: `$XDG_STATE_HOME/xsfai/attempts.json`, mode 0600.
public struct AttemptLedger: Sendable {
    /// One VM's last attempt.
    public struct Attempt: Sendable, Codable, Equatable {
        /// The VM's name-label then.
        public var name: String
        /// The `--watch` exit code: 0 success, 3 FAI failed, 4 no boot, 5 timeout or hang.
        public var exitCode: Int32
        /// The one-line summary.
        public var summary: String
        /// When it was decided (seconds since the epoch).
        public var time: Double

        /// Creates an attempt.
        public init(name: String, exitCode: Int32, summary: String, time: Double) {
            self.name = name
            self.exitCode = exitCode
            self.summary = summary
            self.time = time
        }

        /// Whether the attempt failed (any verdict but success).
        public var failed: Bool { exitCode != 0 }
    }

    /// The file.
    public let path: String

    /// A ledger at `path`.
    public init(path: String) { self.path = path }

    /// `$XDG_STATE_HOME/xsfai/attempts.json` (else `~/.local/state/xsfai/attempts.json`).
    public static func defaultPath(environment: [String: String]) -> String {
        ChangeJournal.stateFolder(environment: environment) + "/attempts.json"
    }

    /// The attempts by VM UUID (empty when the file does not exist yet).
    public func attempts() throws -> [String: Attempt] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        return try JSONDecoder().decode([String: Attempt].self, from: data)
    }

    /// Records `attempt` for the VM `uuid`, replacing its earlier one.
    public func record(_ attempt: Attempt, uuid: String) throws {
        var all = (try? attempts()) ?? [:]
        all[uuid] = attempt
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: try encoder.encode(all), attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown) }
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
