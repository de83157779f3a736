/// A `config.toml` that cannot be used.
public enum ProfileConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A line that is not valid in the TOML subset xsfai reads.
    case syntax(path: String, line: Int, message: String)
    /// A key xsfai does not know inside a `[pool.NAME]` table.
    case unknownKey(path: String, line: Int, key: String)
    /// The file holds a password and others can read it.
    case passwordReadableByOthers(path: String, mode: String)
    /// The file (or its folder) sets where the password comes from and others can change it.
    case writableByOthers(path: String, mode: String)
    /// `--pool NAME` names no table.
    case unknownProfile(String, path: String, known: [String])
    /// The file cannot be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .syntax(let path, let line, let message):
            return "\(path):\(line): \(message)"
        case .unknownKey(let path, let line, let key):
            return "\(path):\(line): unknown key \"\(key)\" (known: url, user, password_command, password_file, password, pin)"
        case .passwordReadableByOthers(let path, let mode):
            return "\(path) holds a password but its mode is \(mode): others can read it; run chmod 600 \(path)"
        case .writableByOthers(let path, let mode):
            return "\(path) is writable by group or others (mode \(mode)) and the config sets password, password_file "
                + "or password_command: anyone who can change it can run commands as you; run chmod go-w \(path)"
        case .unknownProfile(let name, let path, let known):
            let list = known.isEmpty ? "it defines none" : "known: " + known.joined(separator: ", ")
            return "no [pool.\(name)] in \(path) (\(list))"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        }
    }
}
