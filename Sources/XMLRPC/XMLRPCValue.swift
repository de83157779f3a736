/// One XML-RPC value, as it travels between a XenAPI client and a server.
///
/// xapi writes strings and 64-bit integers alike as untyped `<value>text</value>`, so a decoded reply
/// carries them as ``string(_:)``; typed accessors such as ``int64Value`` interpret the text the way
/// the field's declared type demands. Values built for sending keep their real type (``int(_:)``),
/// which the encoder writes in xapi's style.
public enum XMLRPCValue: Sendable, Hashable {
    /// A string: untyped `<value>` or `<string>`.
    case string(String)
    /// A 64-bit integer. xapi writes it untyped (so replies carry it as `.string`); `<int>` and `<i8>` decode to it.
    case int(Int64)
    /// A 32-bit integer with an explicit `<i4>` tag, which decodes to it (xapi uses it only for `valid_ref_counts`).
    case i4(Int32)
    /// `<boolean>1</boolean>` or `<boolean>0</boolean>`.
    case bool(Bool)
    /// `<double>`.
    case double(Double)
    /// `<dateTime.iso8601>`, kept as the text xapi sent (e.g. `20230729T13:20:01Z`).
    case dateTime(String)
    /// `<array><data>…</data></array>`.
    case array([XMLRPCValue])
    /// `<struct>`; member order is kept as it was on the wire.
    case structure(XMLRPCStruct)
}
