import ArgumentParser
import XenAPI

/// What `templates` and `vms` share: their options, and connect, read the rows, print them as JSON
/// or as a table.
struct RecordListing: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    /// Prints the `rows` read through a new session as JSON, or as the table `table` makes of them.
    func show<Row: Encodable>(rows: (XenAPISession) throws -> [Row], table: ([Row]) -> PlainTable) throws {
        do {
            let (session, _) = try connection.connect()
            defer { session.logout() }
            let rows = try rows(session)
            if json { try ControllerOutput.printJSON(rows) } else { ControllerOutput.say(table(rows).render()) }
        } catch {
            throw ControllerFailure.report(error)
        }
    }
}
