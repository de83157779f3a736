import CurlTransport
import FAIControl
import Foundation
import XenAPI

/// A logged-in connection for the controller commands, with the journal and name resolution they share.
struct ControllerConnection {
    let session: XenAPISession
    let consoles: CurlConsoleConnector

    /// Connects with the global connection options (and `--pool` profile).
    init(_ options: ConnectionOptions) throws {
        (session, consoles) = try options.connect()
    }

    /// Every VM, template, snapshot and control domain, for name resolution.
    func resolver() throws -> TargetResolver {
        TargetResolver(records: try session.allVMRecords())
    }

    /// The journal the commands append to.
    static var journal: ChangeJournal {
        ChangeJournal(path: ChangeJournal.defaultPath(environment: ProcessInfo.processInfo.environment))
    }

    /// The journal context for `command` on this pool.
    func journalContext(command: String, undoes: Int? = nil) throws -> JournalContext {
        JournalContext(pool: try session.poolUUID(), command: command, undoes: undoes)
    }

    /// Logs out.
    func close() { session.logout() }

    /// Connects with `options`, runs `body` with the connection and logs out.
    static func using<Result>(_ options: ConnectionOptions, _ body: (ControllerConnection) throws -> Result) throws -> Result {
        let connection = try ControllerConnection(options)
        defer { connection.close() }
        return try body(connection)
    }

    /// A controller command's run: connect, `body`, log out, errors reported as ``ControllerFailure`` does.
    static func run(_ options: ConnectionOptions, _ body: (ControllerConnection) throws -> Void) throws {
        try ControllerFailure.reporting { try using(options, body) }
    }

    /// Applies `plan` through this session, journaled as `context` says.
    func apply(_ plan: ChangePlan, context: JournalContext) throws {
        try PlanExecutor(api: session, journal: Self.journal).apply(plan, context: context)
    }
}
