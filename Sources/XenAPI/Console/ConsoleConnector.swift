/// Opens a console's raw byte stream: the HTTP `CONNECT` to the console proxy on the host in the console's
/// `location` (the host the VM runs on, not the master).
///
/// Contract: ``connect(location:sessionRef:)`` connects to the host and port in `location`, sends exactly
/// ``ConsoleHandshake/request(location:sessionReference:)``'s bytes, reads the status line and headers,
/// throws ``ConsoleError`` for any status but 200, and returns a connection whose first received bytes are
/// those that followed the header block. The libcurl implementation lives in `CurlTransport`.
public protocol ConsoleConnector: Sendable {
    /// Connects to the console at `location` with the session reference `sessionRef`.
    func connect(location: String, sessionRef: String) throws -> any ConsoleConnection
}

/// A console byte stream, relayed raw in both directions (no framing, no telnet negotiation).
///
/// Sending and receiving may happen on different threads at the same time; ``close()`` may be called from
/// any thread and makes a pending ``receive(timeout:)`` return ``ConsoleChunk/endOfStream`` soon after.
public protocol ConsoleConnection: AnyObject, Sendable {
    /// Sends all of `bytes` (keystrokes to the guest).
    func send(_ bytes: [UInt8]) throws
    /// Waits up to `timeout` for bytes from the guest.
    func receive(timeout: Duration) throws -> ConsoleChunk
    /// Closes the connection; idempotent.
    func close()
}

/// What one ``ConsoleConnection/receive(timeout:)`` produced.
public enum ConsoleChunk: Sendable, Hashable {
    /// Bytes from the guest (never empty).
    case bytes([UInt8])
    /// Nothing arrived within the timeout; the stream is still open.
    case timedOut
    /// The server closed the stream (the VM stopped or rebooted, or the console went away).
    case endOfStream
}
