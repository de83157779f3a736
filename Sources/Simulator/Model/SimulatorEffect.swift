import NIOCore

/// Work a state change leaves for the server to do after the state lock is released.
enum SimulatorEffect {
    /// Send bytes to console clients.
    case write([any Channel], [UInt8])
    /// Close console client connections (their console went away).
    case close([any Channel])
    /// Play the next lines of a console's script after `delay` seconds.
    case schedulePlayback(console: String, delay: Double)
    /// Send FAI monitor lines, one TCP connection each, in order (as `sendmon` does).
    case sendMonitor(server: String, port: Int, lines: [String])
    /// Wake pending event.from calls.
    case wake([EventLoopPromise<Void>])
}
