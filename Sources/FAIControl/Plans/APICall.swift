public import XMLRPC

/// One XenAPI call in a plan: the method and its string parameters after the session reference.
///
/// Every call a plan makes takes only strings (refs, keys, values), so plans stay plain comparable data.
public struct APICall: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The method name, e.g. `VM.add_to_other_config`.
    public var method: String
    /// The parameters after the session reference, e.g. `[vmRef, "install-distro", "debianlike"]`.
    public var arguments: [String]

    /// Creates a call.
    public init(_ method: String, _ arguments: [String]) {
        self.method = method
        self.arguments = arguments
    }

    /// The parameters as XML-RPC values (`VIF.create` takes its record as one struct, see ``VIFCreation``).
    public var parameters: [XMLRPCValue] {
        method == VIFCreation.method ? [VIFCreation.record(arguments)] : arguments.map(XMLRPCValue.string)
    }

    /// `VM.set_PV_args(OpaqueRef:…, "quiet")`; `VIF.create({device: "0", network: …, VM: …, MAC: ""})`.
    public var description: String {
        if method == VIFCreation.method { return "\(method)({\(VIFCreation.described(arguments))})" }
        return "\(method)(\(arguments.map { "\"\($0)\"" }.joined(separator: ", ")))"
    }
}
