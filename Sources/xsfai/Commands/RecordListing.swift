import ArgumentParser
import Dispatch
import Foundation
import XMLRPC
import XenAPI
#if canImport(Glibc)
import Glibc
#endif

/// What `templates` and `vms` share: their options, and connect, read the rows, print them as JSON
/// or as a table.
///
/// Long values (PV-args, repositories) are shortened only for a person at a terminal: with `--wide`,
/// `--json` or stdout not a terminal (piped, redirected) every value is printed whole.
struct RecordListing: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: "Print long values (PV-args, repository) in full on a terminal too.")
    var wide = false

    /// Whether table cells are shortened: only on a terminal without `--wide`.
    var shortensValues: Bool { !wide && !json && isatty(STDOUT_FILENO) == 1 }

    /// `text` as a table cell: `-` when empty, cut to `limit` columns when ``shortensValues``.
    func cell(_ text: String, limit: Int) -> String {
        text.isEmpty ? "-" : shortensValues ? PlainTable.shortened(text, to: limit) : text
    }

    /// Prints the `rows` read through a new session as JSON, or as the table `table` makes of them.
    /// The session logs out while the rows are printed, not after.
    func show<Row: JSONWritable>(rows read: (XenAPISession) throws -> [Row], table: ([Row]) -> PlainTable) throws {
        do {
            let (session, _) = try connection.connect()
            let rows: [Row]
            do {
                rows = try read(session)
            } catch {
                session.logout()
                throw error
            }
            let loggedOut = BackgroundOutcome<Void>()
            DispatchQueue.global().async { loggedOut.finish(.success(session.logout())) }
            defer { _ = loggedOut.wait() }
            if json { ControllerOutput.printJSON(rows: rows) } else { ControllerOutput.say(table(rows).render()) }
        } catch {
            throw ControllerFailure.report(error)
        }
    }
}
