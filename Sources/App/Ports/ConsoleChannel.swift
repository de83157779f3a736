/// A connected console: raw bytes both ways.
public protocol ConsoleChannel: AnyObject, Sendable {
    /// Blocks until bytes arrive; an empty array means the stream ended.
    func read() throws -> [UInt8]
    /// Sends bytes typed by the operator.
    func write(_ bytes: [UInt8]) throws
    /// Closes the stream; a blocked `read` returns.
    func close()
}
