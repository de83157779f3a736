import ArgumentParser
import Dispatch
import XenAPI

/// What `templates` and `vms` share: their options, and connect, read the rows, print them as JSON
/// or as a table.
struct RecordListing: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    /// Prints the `rows` read through a new session as JSON, or as the table `table` makes of them.
    /// The session logs out while the rows are printed, not after.
    func show<Row: Encodable>(rows read: (XenAPISession) throws -> [Row], table: ([Row]) -> PlainTable) throws {
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
            if json { try ControllerOutput.printJSON(rows) } else { print(table(rows).render()) }
        } catch {
            throw ControllerFailure.report(error)
        }
    }
}
