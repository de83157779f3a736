#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes XML-RPC documents byte for byte the way xapi (rpclib, non-strict mode) writes them.
///
/// Output has no whitespace between elements and starts with `<?xml version="1.0"?>`. Strings and
/// `.int` values are written untyped (`<value>text</value>`, `<value>42</value>`), `.i4` as `<i4>`,
/// booleans as `<boolean>1|0</boolean>`, doubles with `%.16g`. In text, `&<>"` are escaped and control
/// characters below 0x20 other than TAB, LF and CR are dropped, as rpclib does. Unlike rpclib, struct
/// member names are escaped too, so the output is always well-formed XML.
public enum XMLRPCEncoder {
    /// A client request: `<?xml version="1.0"?><methodCall><methodName>…</methodName><params>…</params></methodCall>`.
    ///
    /// Parameters are written the way xapi's parser accepts them and other XML-RPC servers understand:
    /// strings untyped, `.int` as `<int>` when it fits in 32 bits and `<i8>` otherwise (xapi's
    /// `int64_of_rpc` takes `<i4>`, `<int>`, `<i8>` or a digit string; the Python SDK sends `<int>`),
    /// everything else as in ``methodResponse(_:)``.
    public static func methodCall(_ method: String, params: [XMLRPCValue]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128 + 64 * params.count)
        bytes.append(contentsOf: prolog)
        bytes.append(contentsOf: "<methodCall><methodName>".utf8)
        appendEscaped(method, to: &bytes)
        bytes.append(contentsOf: "</methodName><params>".utf8)
        for param in params {
            bytes.append(contentsOf: "<param>".utf8)
            appendValue(param, to: &bytes, typedIntegers: true)
            bytes.append(contentsOf: "</param>".utf8)
        }
        bytes.append(contentsOf: "</params></methodCall>".utf8)
        return bytes
    }

    /// A `<methodResponse>` with `value` as its single param, written exactly as xapi writes it.
    ///
    /// xapi's replies carry the `Status`/`Value` wrapper struct; ``success(_:)`` and
    /// ``failure(_:)`` build it.
    public static func methodResponse(_ value: XMLRPCValue) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        bytes.append(contentsOf: prolog)
        bytes.append(contentsOf: "<methodResponse><params><param>".utf8)
        appendValue(value, to: &bytes)
        bytes.append(contentsOf: "</param></params></methodResponse>".utf8)
        return bytes
    }

    /// The reply xapi sends for a successful call: `methodResponse({Status: "Success", Value: value})`.
    public static func success(_ value: XMLRPCValue) -> [UInt8] {
        methodResponse(.structure(XMLRPCStruct([("Status", "Success"), ("Value", value)])))
    }

    /// The reply xapi sends for a failed call: `methodResponse({Status: "Failure", ErrorDescription: [code, params…]})`.
    public static func failure(_ errorDescription: [String]) -> [UInt8] {
        let description = XMLRPCValue.array(errorDescription.map(XMLRPCValue.string))
        return methodResponse(.structure(XMLRPCStruct([("Status", "Failure"), ("ErrorDescription", description)])))
    }

    /// Appends one `<value>…</value>` in xapi's style.
    public static func appendValue(_ value: XMLRPCValue, to bytes: inout [UInt8]) {
        appendValue(value, to: &bytes, typedIntegers: false)
    }

    private static let prolog: [UInt8] = Array(#"<?xml version="1.0"?>"#.utf8)

    private static func appendValue(_ value: XMLRPCValue, to bytes: inout [UInt8], typedIntegers: Bool) {
        switch value {
        case .string(let text):
            bytes.append(contentsOf: "<value>".utf8)
            appendEscaped(text, to: &bytes)
            bytes.append(contentsOf: "</value>".utf8)
        case .int(let number):
            if !typedIntegers {
                bytes.append(contentsOf: "<value>".utf8)
                appendDecimal(number, to: &bytes)
                bytes.append(contentsOf: "</value>".utf8)
            } else if Int32(exactly: number) != nil {
                bytes.append(contentsOf: "<value><int>".utf8)
                appendDecimal(number, to: &bytes)
                bytes.append(contentsOf: "</int></value>".utf8)
            } else {
                bytes.append(contentsOf: "<value><i8>".utf8)
                appendDecimal(number, to: &bytes)
                bytes.append(contentsOf: "</i8></value>".utf8)
            }
        case .i4(let number):
            bytes.append(contentsOf: "<value><i4>".utf8)
            appendDecimal(Int64(number), to: &bytes)
            bytes.append(contentsOf: "</i4></value>".utf8)
        case .bool(let flag):
            bytes.append(contentsOf: (flag ? "<value><boolean>1</boolean></value>" : "<value><boolean>0</boolean></value>").utf8)
        case .double(let number):
            bytes.append(contentsOf: "<value><double>".utf8)
            appendDouble(number, to: &bytes)
            bytes.append(contentsOf: "</double></value>".utf8)
        case .dateTime(let text):
            bytes.append(contentsOf: "<value><dateTime.iso8601>".utf8)
            appendEscaped(text, to: &bytes)
            bytes.append(contentsOf: "</dateTime.iso8601></value>".utf8)
        case .array(let elements):
            bytes.append(contentsOf: "<value><array><data>".utf8)
            for element in elements { appendValue(element, to: &bytes, typedIntegers: typedIntegers) }
            bytes.append(contentsOf: "</data></array></value>".utf8)
        case .structure(let members):
            bytes.append(contentsOf: "<value><struct>".utf8)
            for member in members.members {
                bytes.append(contentsOf: "<member><name>".utf8)
                appendEscaped(member.name, to: &bytes)
                bytes.append(contentsOf: "</name>".utf8)
                appendValue(member.value, to: &bytes, typedIntegers: typedIntegers)
                bytes.append(contentsOf: "</member>".utf8)
            }
            bytes.append(contentsOf: "</struct></value>".utf8)
        }
    }

    /// Appends `text` with `&<>"` escaped and control characters other than TAB/LF/CR dropped (rpclib's `encode`).
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        appendEscaped(bytes: text.utf8, to: &bytes)
    }

    /// Appends the UTF-8 `text` escaped as ``appendEscaped(_:to:)`` does, straight from its bytes (for a
    /// secret that must not pass through a `String`).
    public static func appendEscaped(bytes text: some Sequence<UInt8>, to bytes: inout [UInt8]) {
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            case 0x09, 0x0A, 0x0D: bytes.append(byte)
            case ..<0x20: continue
            default: bytes.append(byte)
            }
        }
    }

    static func appendDecimal(_ number: Int64, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: String(number).utf8)
    }

    /// `%.16g`, as rpclib prints floats.
    static func appendDouble(_ number: Double, to bytes: inout [UInt8]) {
        var buffer = [CChar](repeating: 0, count: 40)
        let length = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList([number]) { vsnprintf(pointer.baseAddress, pointer.count, "%.16g", $0) }
        }
        guard length > 0 else { return }
        bytes.append(contentsOf: buffer[0..<min(Int(length), buffer.count - 1)].map { UInt8(bitPattern: $0) })
    }
}
