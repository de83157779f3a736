public import XMLRPC
public import XenAPI

extension XenAPISession: XenAPICalling {
    /// Calls `method` with the session's default timeout.
    public func call(_ method: String, _ params: [XMLRPCValue]) throws -> XMLRPCValue {
        try call(method, params, timeout: nil)
    }
}
