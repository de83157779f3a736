public import XMLRPC

/// A console's protocol (`console_protocol`).
public enum ConsoleProtocol: String, Sendable, Hashable, CaseIterable {
    case vt100
    case rfb
    case rdp
}

/// A VM console: where to CONNECT to reach it.
public struct ConsoleRecord: Sendable, Hashable {
    public var uuid: String
    public var `protocol`: ConsoleProtocol
    /// The console proxy URL on the host the VM runs on, e.g. `https://10.0.0.2/console?uuid=…`.
    public var location: String
    public var vm: Ref<VMRecord>
    public var otherConfig: [String: String]

    /// Decodes a console record struct.
    public init(xmlrpc value: XMLRPCValue) throws {
        let fields = try RecordFields(value, className: "console")
        uuid = try fields.string("uuid")
        self.protocol = try fields.enumeration("protocol")
        location = try fields.string("location")
        vm = try fields.ref("VM")
        otherConfig = try fields.stringMap("other_config")
    }
}
