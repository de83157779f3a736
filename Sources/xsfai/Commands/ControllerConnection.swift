import CurlTransport
import FAIControl
import Foundation
import XenAPI

/// A logged-in connection for the CLI commands: the session, the console connector, and the pool's
/// ``PoolController`` (the one controller every writing command calls).
struct ControllerConnection {
    let session: XenAPISession
    let consoles: CurlConsoleConnector
    let controller: PoolController

    /// Connects with the global connection options (and `--pool` profile), opens this pool's journal and
    /// reports on stderr what it holds that needs attention (interrupted change sets, unreadable lines).
    init(_ options: ConnectionOptions) throws {
        (session, consoles) = try options.connect()
        let folder = ChangeJournal.stateFolder(environment: ProcessInfo.processInfo.environment)
        do {
            controller = try PoolController.open(api: session, stateFolder: folder)
            try Self.reportJournal(of: controller)
        } catch {
            session.logout()
            throw error
        }
    }

    /// Every VM, template, snapshot and control domain, for name resolution.
    func resolver() throws -> TargetResolver {
        TargetResolver(records: try session.allVMRecords())
    }

    /// Logs out and wipes the password (nothing logs in after this).
    func close() {
        session.logout()
        session.credentials.wipe()
    }

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

    /// Prints unreadable journal lines, and change sets interrupted or half-applied (reconciled against
    /// the pool now: the ones the pool shows fully applied or not applied are recorded and said so).
    private static func reportJournal(of controller: PoolController) throws {
        for problem in try controller.contents().problems {
            ControllerOutput.note("xsfai: warning: journal \(controller.journal.path), \(problem) (skipped)")
        }
        for reconciled in try controller.reconcile() {
            if reconciled.isSettled {
                let found = reconciled.isFullyApplied ? "every change is on the pool" : "none of it reached the pool"
                ControllerOutput.note("xsfai: change set \(reconciled.set.number) (\(reconciled.set.title)) was interrupted; \(found): recorded so in the journal")
            } else {
                ControllerOutput.note("xsfai: \(reconciled.summary): xsfai journal --complete \(reconciled.set.number) finishes it, --roll-back \(reconciled.set.number) reverts it")
            }
        }
    }
}
