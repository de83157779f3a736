/// A JSON-RPC call as xapi's `/jsonrpc` endpoint receives it (protocol version 1.0 or 2.0).
public struct JSONRPCRequest: Sendable, Equatable {
    /// The protocol version, chosen per request: a top-level `"jsonrpc": "2.0"` means ``v2``, none means ``v1``.
    public enum Version: Sendable, Equatable {
        /// JSON-RPC 1.0: replies carry `result`, `error` and `id`.
        case v1
        /// JSON-RPC 2.0: replies carry `"jsonrpc": "2.0"` and either `result` or an `error` object.
        case v2
    }

    /// The request id (a JSON string or integer), kept as its JSON text so the reply echoes it exactly.
    public struct ID: Sendable, Hashable, CustomStringConvertible {
        /// The id as JSON text, e.g. `7` or `"abc"`.
        public let rawJSON: String

        init(rawJSON: String) { self.rawJSON = rawJSON }

        /// An integer id.
        public static func int(_ number: Int64) -> ID { ID(rawJSON: String(number)) }

        /// A string id.
        public static func string(_ text: String) -> ID {
            var bytes: [UInt8] = []
            JSONRPCCodec.appendString(text, to: &bytes)
            return ID(rawJSON: String(decoding: bytes, as: UTF8.self))
        }

        /// The JSON text of the id.
        public var description: String { rawJSON }
    }

    /// The method name, e.g. `VM.get_all_records`.
    public var method: String
    /// The positional parameters (JSON values mapped as ``JSONRPCCodec`` documents).
    public var params: [XMLRPCValue]
    /// The id to echo in the reply.
    public var id: ID
    /// The protocol version of the request, which the reply must use.
    public var version: Version

    /// Creates a request.
    public init(method: String, params: [XMLRPCValue], id: ID, version: Version) {
        self.method = method
        self.params = params
        self.id = id
        self.version = version
    }
}
