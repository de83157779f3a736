public import XMLRPC

/// Interprets xapi's reply wrapper: `{Status: "Success", Value: v}` or
/// `{Status: "Failure", ErrorDescription: [code, …]}`.
public enum XenAPIReply {
    /// Decodes a `<methodResponse>` body and returns `Value`, or throws ``XenAPIError`` for a Failure and
    /// ``XenAPIProtocolError`` for anything that is not a wrapper (including an XML-RPC `<fault>`).
    public static func value(of body: [UInt8], method: String) throws -> XMLRPCValue {
        let wrapper: XMLRPCValue
        do {
            wrapper = try XMLRPCDecoder.methodResponse(body)
        } catch let error as XMLRPCError {
            throw XenAPIProtocolError(method: method, problem: "\(error)")
        }
        return try value(ofWrapper: wrapper, method: method)
    }

    /// Interprets an already decoded wrapper struct.
    public static func value(ofWrapper wrapper: XMLRPCValue, method: String) throws -> XMLRPCValue {
        guard let members = wrapper.structValue else {
            throw XenAPIProtocolError(
                method: method, problem: "the reply is not a Status struct but \(wrapper.summary)")
        }
        guard let status = members["Status"]?.stringValue else {
            throw XenAPIProtocolError(method: method, problem: "the reply has no Status member")
        }
        switch status {
        case "Success":
            guard let value = members["Value"] else {
                throw XenAPIProtocolError(method: method, problem: "a Success reply has no Value member")
            }
            return value
        case "Failure":
            guard let description = members["ErrorDescription"]?.arrayValue else {
                throw XenAPIProtocolError(method: method, problem: "a Failure reply has no ErrorDescription array")
            }
            throw XenAPIError(errorDescription: description.map { $0.stringValue ?? $0.summary })
        default:
            throw XenAPIProtocolError(method: method, problem: "unknown Status \"\(status)\"")
        }
    }
}
