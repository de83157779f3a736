import XMLRPC

extension XenAPISession {
    /// Calls of the `event` class.
    public var event: EventCalls { EventCalls(session: self) }
}

/// The `event.*` calls.
public struct EventCalls: Sendable {
    /// The session the calls go through.
    public let session: XenAPISession

    /// `event.from(classes, token, timeout)`: blocks until a change in `classes` after `token`, or `timeout`.
    ///
    /// A token of `""` returns every object of the classes as `add` (a full snapshot). The HTTP reply
    /// timeout is `timeout` plus 30 seconds, so the server's empty reply arrives before the client gives up.
    public func from(_ classes: [String], token: String, timeout: Duration) throws -> EventBatch {
        let reply = try session.call(
            "event.from", [.array(classes.map(XMLRPCValue.string)), .string(token), .double(timeout.seconds)],
            timeout: timeout + .seconds(30))
        return try EventBatch(xmlrpc: reply)
    }
}
