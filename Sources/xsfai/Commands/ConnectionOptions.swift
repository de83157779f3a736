import ArgumentParser
import CurlTransport
import Foundation
import Secrets
import XenAPI
#if canImport(Glibc)
import Glibc
#endif

/// How `xsfai` commands reach a pool: `--url`, `--user`, the password source and TLS trust.
///
/// The password is never a command-line argument (it would show in `ps` and shell history). It comes from
/// `--password-file F` (refused when group or others may read it), else the `XSFAI_PASSWORD` environment
/// variable, else a no-echo prompt when stdin is a terminal.
///
/// Exit codes: see ``ExitStatus``.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "The pool URL, e.g. https://10.0.0.1 (default: $XSFAI_URL).")
    var url: String?

    @Option(help: "A pool profile: [pool.NAME] in $XDG_CONFIG_HOME/xsfai/config.toml (url, user, password_command or password_file, pin).")
    var pool: String?

    @Option(help: "The user to log in as.")
    var user = "root"

    @Option(help: "A file holding the password (mode 0600 or stricter). Else $XSFAI_PASSWORD, else a prompt.")
    var passwordFile: String?

    @Option(help: "A PEM file of CA certificates to trust instead of the system store.")
    var caFile: String?

    @Option(help: "The largest reply accepted from the pool, in MiB (default 1024); a bigger or endless reply ends with exit 7.")
    var maxReplyMib: Int = CurlTransport.defaultReplyLimit >> 20

    @Option(help: "Trust servers whose public key has this SHA-256: sha256//BASE64, several separated by ';' (one per host; shown when a certificate is refused).")
    var pin: String?

    /// The parsed pool URL.
    func poolURL() throws -> XenAPIURL {
        guard let text = url ?? ProcessInfo.processInfo.environment["XSFAI_URL"], !text.isEmpty else {
            throw CommandFailure.usage("no pool URL: pass --url https://HOST or set XSFAI_URL")
        }
        let url: XenAPIURL
        do {
            url = try XenAPIURL(string: text)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        if !XenAPIURL.hasScheme(text) {
            ControllerOutput.note("xsfai: \"\(text)\" has no scheme: assuming \(url) (write http://\(text) for plain HTTP)")
        }
        return url
    }

    /// The TLS trust policy.
    func tlsOptions() throws -> TLSOptions {
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw CommandFailure.usage("cannot read the CA file \(caFile)")
        }
        do {
            return try TLSOptions(caFile: caFile, pinnedPublicKey: pin)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
    }

    /// The password from the file, the environment or a prompt, read straight into a ``SecretBytes``.
    func password(for url: XenAPIURL) throws -> SecretBytes {
        if let passwordFile { return try Self.readPasswordFile(passwordFile) }
        if let fromEnvironment = Self.passwordFromEnvironment() { return fromEnvironment }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure.usage("no password: use --password-file F, set XSFAI_PASSWORD, or run on a terminal")
        }
        return try Self.prompt("Password for \(user)@\(url.host): ")
    }

    /// `XSFAI_PASSWORD` copied from the environment block (no `String` of it is made); nil when unset.
    /// The environment keeps its copy: another connection of the same command reads it again, and
    /// `password_command` children get an environment without it.
    static func passwordFromEnvironment() -> SecretBytes? {
        guard let value = getenv("XSFAI_PASSWORD") else { return nil }
        return SecretBytes(copying: UnsafeBufferPointer(start: UnsafeRawPointer(value).assumingMemoryBound(to: UInt8.self), count: strlen(value)))
    }

    /// A logged-in session (the caller logs out).
    func connect() throws -> (XenAPISession, CurlConsoleConnector) {
        let options = try applyingProfile()
        let url = try options.poolURL()
        let tls = try options.tlsOptions()
        let password = try options.profilePassword() ?? options.password(for: url)
        Self.disableCoreDumps()
        let credentials = Credentials(user: options.user, password: password)
        let session = try XenAPISession(url: url, credentials: credentials, factory: CurlTransportFactory(tls: tls, replyLimit: max(1, options.maxReplyMib) << 20))
        try session.login()
        return (session, CurlConsoleConnector(tls: tls))
    }

    /// From now on the process holds a password: no core file may be written (a crash would put the
    /// password on disk) and no other process of the user may read its memory. Makes the process
    /// non-dumpable (`prctl(PR_SET_DUMPABLE, 0)`, which also closes `/proc/<pid>/mem` and ptrace) and
    /// sets `RLIMIT_CORE` to 0, soft and hard, so it cannot be raised again.
    static func disableCoreDumps() {
        ProcessDumping.disable()
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &none)
    }

    /// The password file's content without trailing newlines; read straight into a buffer that is
    /// wiped once copied into the secret.
    static func readPasswordFile(_ path: String) throws -> SecretBytes {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw CommandFailure.usage("cannot read the password file \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & 0o077 == 0 else {
            let mode = String(status.st_mode & 0o777, radix: 8)
            throw CommandFailure.usage(
                "the password file \(path) is readable by others (mode \(mode)): run chmod 600 \(path)")
        }
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw CommandFailure.usage("cannot read the password file \(path)") }
        defer { Glibc.close(file) }
        // Room for any sane password file, reserved up front so no growth leaves a copy behind.
        var content = [UInt8](repeating: 0, count: 64 * 1024)
        defer { SecretBytes.wipe(&content) }
        var length = 0
        while length < content.count {
            let count = content.withUnsafeMutableBytes { read(file, $0.baseAddress! + length, $0.count - length) }
            guard count > 0 else { break }
            length += count
        }
        while length > 0, content[length - 1] == UInt8(ascii: "\n") || content[length - 1] == UInt8(ascii: "\r") { length -= 1 }
        guard length > 0 else { throw CommandFailure.usage("the password file \(path) is empty") }
        return SecretBytes(copying: content[..<length])
    }

    /// Reads a line from the terminal with echo off.
    static func prompt(_ text: String) throws -> SecretBytes {
        let terminal = open("/dev/tty", O_RDWR)
        guard terminal >= 0 else { throw CommandFailure.usage("cannot open the terminal to ask for the password") }
        defer { Glibc.close(terminal) }
        _ = text.withCString { write(terminal, $0, strlen($0)) }
        var saved = termios()
        let canRestore = tcgetattr(terminal, &saved) == 0
        if canRestore {
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(terminal, TCSAFLUSH, &silent)
        }
        defer {
            if canRestore { tcsetattr(terminal, TCSAFLUSH, &saved) }
            _ = write(terminal, "\n", 1)
        }
        var line: [UInt8] = []
        line.reserveCapacity(4096)  // no growth, so no copy left behind unwiped
        var byte: UInt8 = 0
        while read(terminal, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            if byte != UInt8(ascii: "\r"), line.count < line.capacity { line.append(byte) }
        }
        defer { SecretBytes.wipe(&line) }
        return SecretBytes(copying: line)
    }
}

/// A command's failure: its message goes to stderr and its kind picks the exit code (see ``ConnectionOptions``).
enum CommandFailure: Error, CustomStringConvertible {
    /// A usage error (``ExitStatus/usage``).
    case usage(String)

    var description: String {
        switch self {
        case .usage(let message): message
        }
    }

    /// Prints `error` to stderr as `xsfai: message` and returns the exit code for it.
    static func report(_ error: any Error) -> ExitCode {
        let (message, code): (String, ExitStatus) =
            switch error {
            case let failure as CommandFailure: (failure.description, .usage)
            case let error as TransportError: (error.description, .connectionFailed)
            case let error as ConsoleError: (error.description, .connectionFailed)
            case let error as XenAPIError where error.code == .sessionAuthenticationFailed: (error.message, .loginFailed)
            case let error as XenAPIError: (error.description, .serverRefused)
            default: ("\(error)", .failure)
            }
        ControllerOutput.note("xsfai: \(message)")
        return code.exitCode
    }
}
