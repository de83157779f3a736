public import XenAPI

/// A console connection as the TUI's blocking channel.
final class ConnectionChannel: ConsoleChannel {
    private let connection: any ConsoleConnection

    init(connection: any ConsoleConnection) { self.connection = connection }

    func read() throws -> [UInt8] {
        while true {
            switch try connection.receive(timeout: .seconds(5)) {
            case .bytes(let bytes): return bytes
            case .timedOut: continue
            case .endOfStream: return []
            }
        }
    }

    func write(_ bytes: [UInt8]) throws { try connection.send(bytes) }

    func close() { connection.close() }
}
