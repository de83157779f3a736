/// One `[pool.NAME]` table of `config.toml`: how to reach and log in to a pool.
public struct PoolProfile: Sendable, Hashable {
    /// The profile's name (`--pool NAME`).
    public var name: String
    /// The pool's URL (`url`).
    public var url: String?
    /// The user name (`user`).
    public var user: String?
    /// A command whose standard output is the password (`password_command`, run with `/bin/sh -c`).
    public var passwordCommand: String?
    /// A file holding the password (`password_file`).
    public var passwordFile: String?
    /// The password itself (`password`); allowed only in a file no one else can read.
    public var password: String?
    /// A pinned public key, `sha256//BASE64` (`pin`).
    public var pin: String?

    /// Whether the profile says where the password comes from (`password`, `password_file` or
    /// `password_command`): then no one else may be able to change the file.
    public var holdsSecretSource: Bool { password != nil || passwordFile != nil || passwordCommand != nil }

    /// Where xsfai listens for FAI monitor messages, `[ADDR:]PORT` (`fai_monitor`).
    public var faiMonitor: String?
    /// The log the monitor port writes, in fai-monitor's format (`fai_monitor_log`).
    public var faiMonitorLog: String?
    /// The log of a fai-monitor elsewhere to follow (`fai_monitor_log_follow`).
    public var faiMonitorLogFollow: String?
    /// The address installs report to, `ADDR:PORT`, added to PV-args by install and rearm (`monitor`).
    public var monitor: String?
    /// How many VM consoles the TUI captures in the background at once (`background_consoles`).
    public var backgroundConsoles: Int?

    /// Creates an empty profile.
    public init(name: String) { self.name = name }
}
