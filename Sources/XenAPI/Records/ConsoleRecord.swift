public import XMLRPC

/// A console's protocol (`console_protocol`).
public enum ConsoleProtocol: String, Sendable, Hashable, CaseIterable {
    /// A VT100 text console (the guest's hvc0, relayed by vncterm).
    case vt100
    /// A VNC framebuffer.
    case rfb
    /// Remote Desktop (Windows guests).
    case rdp
}

/// A VM console: where to CONNECT to reach it.
public struct ConsoleRecord: Sendable, Hashable {
    /// The object's UUID (stable across sessions, unlike the ref).
    public var uuid: String
    /// vt100 (text console) or rfb (VNC).
    public var `protocol`: ConsoleProtocol
    /// The console proxy URL on the host the VM runs on, e.g. `https://10.0.0.2/console?uuid=…`.
    public var location: String
    /// The VM the console belongs to (`VM`).
    public var vm: Ref<VMRecord>
    /// Free key/value settings (`other_config`).
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
