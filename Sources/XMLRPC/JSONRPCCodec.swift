/// JSON-RPC 1.0 and 2.0 as xapi speaks them on `/jsonrpc` (requests, success and failure replies).
///
/// Values map as xapi's rpclib maps them: `.int`/`.i4` ↔ JSON integer, `.double` ↔ JSON number with
/// a fraction or exponent, `.bool` ↔ `true`/`false`, `.string`/`.dateTime` → JSON string, `.array` ↔
/// array, `.structure` ↔ object, void → `""`. JSON `null` decodes to the empty string (void).
public enum JSONRPCCodec {
    /// The JSON text of one value.
    public static func encodeValue(_ value: XMLRPCValue) -> [UInt8] {
        var bytes: [UInt8] = []
        appendValue(value, to: &bytes)
        return bytes
    }

    /// Decodes one JSON value (the mapping above).
    public static func decodeValue(_ bytes: [UInt8]) throws -> XMLRPCValue {
        try JSONScanner.document(bytes).xmlrpcValue
    }

    /// A request body: `{"jsonrpc":"2.0","method":…,"params":[…],"id":…}` (v1 without `jsonrpc`).
    public static func encodeRequest(_ request: JSONRPCRequest) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.append(contentsOf: request.version == .v2 ? #"{"jsonrpc":"2.0","method":"#.utf8 : #"{"method":"#.utf8)
        appendString(request.method, to: &bytes)
        bytes.append(contentsOf: #","params":"#.utf8)
        appendValue(.array(request.params), to: &bytes)
        appendClosingID(request.id, to: &bytes)
        return bytes
    }

    /// Decodes a request body as xapi does: `jsonrpc` absent → v1, `"2.0"` → v2, anything else is an
    /// error; `method` must be a string; `params` an array (v2 may omit it or send null); `id` a string
    /// or integer (missing or null is rejected, as xapi rejects notifications).
    public static func decodeRequest(_ bytes: [UInt8]) throws -> JSONRPCRequest {
        let fields = try objectFields(bytes, document: "request")
        let version: JSONRPCRequest.Version
        switch fields["jsonrpc"] {
        case nil: version = .v1
        case .string("2.0"): version = .v2
        case .some(let other): throw XMLRPCError.invalidRequest(reason: "unsupported jsonrpc version \(other.summary)")
        }
        guard case .string(let method) = fields["method"] else {
            throw XMLRPCError.invalidRequest(reason: "\"method\" is missing or not a string")
        }
        let params: [XMLRPCValue]
        switch fields["params"] {
        case .array(let elements): params = elements.map(\.xmlrpcValue)
        case nil where version == .v2, .null where version == .v2: params = []
        default: throw XMLRPCError.invalidRequest(reason: "\"params\" must be an array")
        }
        let id: JSONRPCRequest.ID
        switch fields["id"] {
        case .string(let text): id = .string(text)
        case .integer(let number): id = .int(number)
        case nil, .null: throw XMLRPCError.invalidRequest(reason: "\"id\" is missing (notifications are not accepted)")
        case .some(let other): throw XMLRPCError.invalidRequest(reason: "\"id\" must be a string or integer, not \(other.summary)")
        }
        return JSONRPCRequest(method: method, params: params, id: id, version: version)
    }

    /// A success reply: v1 `{"result":…,"error":null,"id":…}`, v2 `{"jsonrpc":"2.0","result":…,"id":…}`.
    public static func successResponse(_ value: XMLRPCValue, id: JSONRPCRequest.ID, version: JSONRPCRequest.Version) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.append(contentsOf: version == .v2 ? #"{"jsonrpc":"2.0","result":"#.utf8 : #"{"result":"#.utf8)
        appendValue(value, to: &bytes)
        if version == .v1 { bytes.append(contentsOf: #","error":null"#.utf8) }
        appendClosingID(id, to: &bytes)
        return bytes
    }

    /// A failure reply: v1 `{"result":null,"error":["CODE","p1",…],"id":…}`, v2
    /// `{"jsonrpc":"2.0","error":{"code":1,"message":"CODE","data":["p1",…]},"id":…}` (xapi's code is always 1).
    public static func failureResponse(_ errorDescription: [String], id: JSONRPCRequest.ID, version: JSONRPCRequest.Version) -> [UInt8] {
        var bytes: [UInt8] = []
        switch version {
        case .v1:
            bytes.append(contentsOf: #"{"result":null,"error":"#.utf8)
            appendValue(.array(errorDescription.map(XMLRPCValue.string)), to: &bytes)
        case .v2:
            bytes.append(contentsOf: #"{"jsonrpc":"2.0","error":{"code":1,"message":"#.utf8)
            appendString(errorDescription.first ?? "", to: &bytes)
            bytes.append(contentsOf: #","data":"#.utf8)
            appendValue(.array(errorDescription.dropFirst().map(XMLRPCValue.string)), to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        appendClosingID(id, to: &bytes)
        return bytes
    }

    /// Decodes a reply of either version into its id and result or error description.
    public static func decodeResponse(_ bytes: [UInt8]) throws -> JSONRPCResponse {
        let fields = try objectFields(bytes, document: "reply")
        let version: JSONRPCRequest.Version = fields["jsonrpc"] == .string("2.0") ? .v2 : .v1
        let id: JSONRPCRequest.ID
        switch fields["id"] {
        case .string(let text): id = .string(text)
        case .integer(let number): id = .int(number)
        default: throw XMLRPCError.invalidRequest(reason: "the reply's \"id\" is missing or not a string or integer")
        }
        switch fields["error"] {
        case nil, .null:
            guard let result = fields["result"] else {
                throw XMLRPCError.invalidRequest(reason: "the reply has neither \"result\" nor \"error\"")
            }
            return JSONRPCResponse(id: id, version: version, outcome: .success(result.xmlrpcValue))
        case .array(let elements):
            return JSONRPCResponse(id: id, version: version, outcome: .failure(elements.map(\.errorText)))
        case .object(let errorMembers):
            let error = JSONValue.fields(of: errorMembers)
            var description = [error["message"]?.errorText ?? ""]
            if case .array(let data) = error["data"] { description += data.map(\.errorText) }
            return JSONRPCResponse(id: id, version: version, outcome: .failure(description))
        case .some(let other):
            throw XMLRPCError.invalidRequest(reason: "the reply's \"error\" is \(other.summary)")
        }
    }

    /// The members of the JSON object in `bytes` by name; `document` names it in the error for other JSON.
    private static func objectFields(_ bytes: [UInt8], document: String) throws -> [String: JSONValue] {
        guard case .object(let members) = try JSONScanner.document(bytes) else {
            throw XMLRPCError.invalidRequest(reason: "the \(document) is not a JSON object")
        }
        return JSONValue.fields(of: members)
    }
}
