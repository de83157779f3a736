import Foundation

/// The pool profiles of `$XDG_CONFIG_HOME/xsfai/config.toml`.
///
/// The file is a small TOML subset: `# comments`, blank lines, tables `[pool.NAME]` (NAME bare or in
/// double quotes) and `key = "string"` or `key = 'literal'` values. Anything else is an error naming the
/// line.
public struct ProfileConfig: Sendable, Hashable {
    /// The profiles by name.
    public var profiles: [String: PoolProfile]

    /// Creates a config.
    public init(profiles: [String: PoolProfile]) { self.profiles = profiles }

    /// The default path: `$XDG_CONFIG_HOME/xsfai/config.toml`, else `~/.config/xsfai/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/xsfai/config.toml"
        }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/xsfai/config.toml"
    }

    /// Reads and parses `path`, refusing a file that holds a password and is readable by group or others.
    public static func load(path: String) throws -> ProfileConfig {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ProfileConfigError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ProfileConfigError.unreadable(path: path, reason: error.localizedDescription)
        }
        let config = try parse(text, path: path)
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 && config.profiles.values.contains(where: { $0.password != nil }) {
            throw ProfileConfigError.passwordReadableByOthers(path: path, mode: String(mode, radix: 8))
        }
        if config.profiles.values.contains(where: \.holdsSecretSource) {
            try refuseWritableByOthers(path, info)
            let folder = (path as NSString).deletingLastPathComponent
            var folderInfo = stat()
            if stat(folder.isEmpty ? "." : folder, &folderInfo) == 0 { try refuseWritableByOthers(folder, folderInfo) }
        }
        return config
    }

    /// A config whose password settings anyone else could change (the file or its folder writable by
    /// group or others, or owned by another user) is refused: a changed `password_command` would run
    /// as the operator, a changed `password_file` would send the password elsewhere.
    private static func refuseWritableByOthers(_ path: String, _ info: stat) throws {
        let mode = info.st_mode & 0o777
        let sticky = info.st_mode & S_ISVTX != 0
        let ownedByOther = info.st_uid != getuid() && info.st_uid != 0
        if (mode & 0o022 != 0 && !sticky) || ownedByOther {
            throw ProfileConfigError.writableByOthers(path: path, mode: String(mode, radix: 8))
        }
    }

    /// The profile `name`.
    public func profile(_ name: String, path: String) throws -> PoolProfile {
        guard let profile = profiles[name] else {
            throw ProfileConfigError.unknownProfile(name, path: path, known: profiles.keys.sorted())
        }
        return profile
    }

    /// Parses the TOML subset; `path` is used in messages.
    public static func parse(_ text: String, path: String) throws(ProfileConfigError) -> ProfileConfig {
        var profiles: [String: PoolProfile] = [:]
        var current: String?
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            var scanner = TOMLLineScanner(Substring(rawLine))
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            if scanner.peek == "[" {
                let name = try scanner.tableHeader(path: path, line: number)
                if profiles[name] != nil {
                    throw .syntax(path: path, line: number, message: "[pool.\(name)] is defined twice")
                }
                profiles[name] = PoolProfile(name: name)
                current = name
                continue
            }
            let (key, value) = try scanner.keyValue(path: path, line: number)
            guard let name = current, var profile = profiles[name] else {
                throw .syntax(path: path, line: number, message: "\"\(key)\" is outside a [pool.NAME] table")
            }
            switch key {
            case "url": profile.url = value
            case "user": profile.user = value
            case "password_command": profile.passwordCommand = value
            case "password_file": profile.passwordFile = value
            case "password": profile.password = value
            case "pin": profile.pin = value
            case "fai_monitor": profile.faiMonitor = value
            case "fai_monitor_log": profile.faiMonitorLog = value
            case "fai_monitor_log_follow": profile.faiMonitorLogFollow = value
            case "monitor": profile.monitor = value
            case "background_consoles":
                guard let count = Int(value), count >= 0 else {
                    throw .syntax(path: path, line: number, message: "background_consoles must be a whole number, 0 or more (0 turns background captures off)")
                }
                profile.backgroundConsoles = count
            default: throw .unknownKey(path: path, line: number, key: key)
            }
            profiles[name] = profile
        }
        return ProfileConfig(profiles: profiles)
    }
}
