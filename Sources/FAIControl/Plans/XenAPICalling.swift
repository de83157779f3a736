public import XMLRPC

/// Something that can make a XenAPI call: the one capability the controller's executors need.
///
/// `XenAPISession` conforms (it adds the session reference as the first parameter, logs in again on
/// `SESSION_INVALID` and unwraps the `Status`/`Value` reply); tests use a recording fake. `params` are
/// the call's parameters after the session reference. A `Failure` reply is thrown as `XenAPIError`.
public protocol XenAPICalling {
    /// Calls `method` (e.g. `VM.set_PV_args`) with `params` and returns the reply's `Value`.
    func call(_ method: String, _ params: [XMLRPCValue]) throws -> XMLRPCValue
}
