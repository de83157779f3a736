/// A JSON-RPC reply: the echoed id and either a result or xapi's error description.
public struct JSONRPCResponse: Sendable, Equatable {
    /// What the call produced.
    public enum Outcome: Sendable, Equatable {
        /// The call succeeded with this result.
        case success(XMLRPCValue)
        /// The call failed: error code then parameters (v2's `message` followed by its `data`).
        case failure([String])
    }

    /// The id the server echoed.
    public var id: JSONRPCRequest.ID
    /// The protocol version of the reply.
    public var version: JSONRPCRequest.Version
    /// The result or error.
    public var outcome: Outcome
}
