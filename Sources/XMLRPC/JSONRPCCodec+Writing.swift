/// JSON text output.
extension JSONRPCCodec {
    static func appendValue(_ value: XMLRPCValue, to bytes: inout [UInt8]) {
        switch value {
        case .string(let text), .dateTime(let text):
            appendString(text, to: &bytes)
        case .int(let number):
            bytes.append(contentsOf: String(number).utf8)
        case .i4(let number):
            bytes.append(contentsOf: String(number).utf8)
        case .bool(let flag):
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .double(let number):
            if number.isFinite {
                // Swift's shortest round-trip form ("0.1", "1.0", "1e-300") is valid JSON.
                bytes.append(contentsOf: number.description.utf8)
            } else {
                bytes.append(contentsOf: "null".utf8)
            }
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendValue(element, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .structure(let members):
            bytes.append(UInt8(ascii: "{"))
            for (position, member) in members.members.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(member.name, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                appendValue(member.value, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `,"id":<id>}`, which ends every request and reply.
    static func appendClosingID(_ id: JSONRPCRequest.ID, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #","id":"#.utf8)
        bytes.append(contentsOf: id.rawJSON.utf8)
        bytes.append(UInt8(ascii: "}"))
    }

    /// Appends `text` as a JSON string literal (see ``JSONWriter/appendString(_:to:)``).
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        JSONWriter.appendString(text, to: &bytes)
    }
}
