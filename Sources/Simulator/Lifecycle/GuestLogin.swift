/// The guest side of a text console at a prompt: echoes what is typed, and at a `login:` prompt
/// lets `root` log in (any password) to a small shell that answers `uname -a`, `hostname`, `echo`,
/// `exit`; other users get `Login incorrect`. Enough for an operator to try input mode in the demo.
struct GuestLogin: Equatable {
    /// Where the guest is.
    enum Stage: Equatable {
        /// At `prompt` (a login prompt, or another prompt that only echoes).
        case prompt
        /// After a user name: reading the password (not echoed).
        case password(user: String)
        /// Logged in as root.
        case shell
    }

    /// The prompt the script ended with.
    let prompt: String
    /// The guest's host name.
    let hostname: String
    /// The kernel release `uname -r` prints.
    let kernel: String
    /// Where the guest is.
    private(set) var stage = Stage.prompt
    private var line: [UInt8] = []

    init(prompt: String, hostname: String, kernel: String) {
        self.prompt = prompt
        self.hostname = hostname
        self.kernel = kernel
    }

    private var isLoginPrompt: Bool { prompt.hasSuffix("login: ") }
    private var shellPrompt: String { "root@\(hostname):~# " }

    /// What the guest prints back for `bytes` typed.
    mutating func input(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                output += Array("\r\n".utf8) + Array(enter(String(decoding: line, as: UTF8.self)).utf8)
                line = []
            case 0x7F, 0x08:
                guard !line.isEmpty else { continue }
                line.removeLast()
                if stage != .password(user: currentUser) { output += [0x08, 0x20, 0x08] }
            case 0x20...:
                line.append(byte)
                if case .password = stage { continue }
                output.append(byte)
            default:
                continue
            }
        }
        return output
    }

    private var currentUser: String {
        if case .password(let user) = stage { return user }
        return ""
    }

    /// The reply to a line ended with RETURN, ending with the next prompt.
    private mutating func enter(_ text: String) -> String {
        switch stage {
        case .prompt:
            guard isLoginPrompt, !text.isEmpty else { return prompt }
            stage = .password(user: text)
            return "Password: "
        case .password(let user):
            guard user == "root" else {
                stage = .prompt
                return "\r\nLogin incorrect\r\n" + prompt
            }
            stage = .shell
            return "Linux \(hostname) \(kernel) #1 SMP x86_64\r\n\r\nThe programs included with the Debian GNU/Linux system are free software.\r\n"
                + shellPrompt
        case .shell:
            let words = text.split(separator: " ").map(String.init)
            switch words.first {
            case nil: return shellPrompt
            case "exit", "logout":
                stage = .prompt
                return "logout\r\n\r\n" + prompt
            case "hostname": return hostname + "\r\n" + shellPrompt
            case "uname": return (words.contains("-a") ? "Linux \(hostname) \(kernel) #1 SMP GNU/Linux" : words.contains("-r") ? kernel : "Linux") + "\r\n" + shellPrompt
            case "echo": return words.dropFirst().joined(separator: " ") + "\r\n" + shellPrompt
            case let command?: return "-bash: \(command): command not found\r\n" + shellPrompt
            }
        }
    }
}
