/// Reads XML-RPC documents as xapi and other XML-RPC servers write them, into ``XMLRPCValue``s.
///
/// Accepts xapi's compact output and pretty-printed input alike (whitespace and comments between
/// elements, optional `<?xml …?>` prolog). Untyped `<value>text</value>` and `<string>` decode to
/// ``XMLRPCValue/string(_:)``; `<i4>` to ``XMLRPCValue/i4(_:)``; `<int>` and `<i8>` to
/// ``XMLRPCValue/int(_:)``; `<value/>`, `<value></value>` and `<nil/>` to the empty string (xapi's void).
/// Bad input throws ``XMLRPCError`` with the byte offset; nesting is limited to 512 arrays/structs.
public enum XMLRPCDecoder {
    /// What xapi's `Status` said about a reply whose `Value` members were streamed.
    public enum XAPIStatus: Sendable, Equatable {
        /// `Status: Success`; every member of `Value` was handed over.
        case success
        /// `Status: Failure` with its `ErrorDescription` (code, then parameters).
        case failure(errorDescription: [String])
    }

    /// Decodes a `<methodResponse>` and returns its single param value; a `<fault>` throws ``XMLRPCError/fault(code:message:)``.
    public static func methodResponse(_ bytes: [UInt8]) throws -> XMLRPCValue {
        try bytes.withUnsafeBufferPointer { try methodResponse(UnsafeRawBufferPointer($0)) }
    }

    /// Decodes a `<methodResponse>` held in raw memory (e.g. a transport's receive buffer).
    public static func methodResponse(_ buffer: UnsafeRawBufferPointer) throws -> XMLRPCValue {
        var scanner = XMLRPCScanner(buffer.bindMemory(to: UInt8.self))
        try openParam(&scanner)
        let result = try scanner.value()
        try closeParam(&scanner)
        return result
    }

    /// Decodes xapi's reply to a call returning a map (`VM.get_all_records`: `Map(Ref → record)`)
    /// without building the whole map: each member of `Value` is decoded and handed to `body` in wire
    /// order, then released, so a reply with thousands of records is converted while each record is
    /// still in cache. On `Status: Failure` `body` is not called and the error description is returned.
    public static func forEachResultMember(
        _ bytes: [UInt8], _ body: (_ name: String, _ value: XMLRPCValue) throws -> Void
    ) throws -> XAPIStatus {
        try bytes.withUnsafeBufferPointer { try forEachResultMember(UnsafeRawBufferPointer($0), body) }
    }

    /// ``forEachResultMember(_:_:)-([UInt8],_)`` over raw memory.
    public static func forEachResultMember(
        _ buffer: UnsafeRawBufferPointer, _ body: (_ name: String, _ value: XMLRPCValue) throws -> Void
    ) throws -> XAPIStatus {
        var scanner = XMLRPCScanner(buffer.bindMemory(to: UInt8.self))
        var wrapper = try scanner.openXAPIWrapper()
        while try !scanner.atClosingTag() {
            let name = try scanner.openMember()
            if wrapper.streams(name) {
                try scanner.streamStructValue(body)
                try scanner.close("member")
                wrapper.sawValue = true
            } else {
                try scanner.readWrapperMember(named: name, into: &wrapper)
            }
        }
        try scanner.closeXAPIWrapper()
        return try wrapper.outcome()
    }

    /// Decodes a `<methodCall>` (the server side): its method name and params.
    public static func methodCall(_ bytes: [UInt8]) throws -> (method: String, params: [XMLRPCValue]) {
        try bytes.withUnsafeBufferPointer { try methodCall(UnsafeRawBufferPointer($0)) }
    }

    /// Decodes a `<methodCall>` held in raw memory.
    public static func methodCall(_ buffer: UnsafeRawBufferPointer) throws -> (method: String, params: [XMLRPCValue]) {
        var scanner = XMLRPCScanner(buffer.bindMemory(to: UInt8.self))
        try scanner.skipProlog()
        if try scanner.open("methodCall") {
            throw XMLRPCError.malformed(reason: "empty <methodCall/>", offset: scanner.position)
        }
        let nameStart = scanner.position
        let method = try scanner.open("methodName") ? "" : try scanner.text(closing: "methodName")
        if method.isEmpty {
            throw XMLRPCError.malformed(reason: "empty <methodName>", offset: nameStart)
        }
        var params: [XMLRPCValue] = []
        if try !scanner.atClosingTag(), try !scanner.open("params") {
            while try !scanner.atClosingTag() {
                if try scanner.open("param") {
                    throw XMLRPCError.malformed(reason: "empty <param/>", offset: scanner.position)
                }
                params.append(try scanner.value())
                try scanner.close("param")
            }
            try scanner.close("params")
        }
        try scanner.close("methodCall")
        try scanner.finish()
        return (method, params)
    }

    /// Decodes a single `<value>…</value>` document (no prolog needed).
    public static func value(_ bytes: [UInt8]) throws -> XMLRPCValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = XMLRPCScanner(buffer)
            try scanner.skipProlog()
            let value = try scanner.value()
            try scanner.finish()
            return value
        }
    }

    /// Reads up to the `<value>` of a methodResponse's single param; a `<fault>` is read whole and thrown.
    static func openParam(_ scanner: inout XMLRPCScanner) throws {
        try scanner.skipProlog()
        if try scanner.open("methodResponse") {
            throw XMLRPCError.malformed(reason: "empty <methodResponse/>", offset: scanner.position)
        }
        if try scanner.atOpeningTag("fault") {
            if try scanner.open("fault") {
                throw XMLRPCError.malformed(reason: "empty <fault/>", offset: scanner.position)
            }
            let faultStart = scanner.position
            let fault = try scanner.value()
            try scanner.close("fault")
            try scanner.close("methodResponse")
            try scanner.finish()
            throw faultError(fault, offset: faultStart)
        }
        if try scanner.open("params") {
            throw XMLRPCError.malformed(reason: "empty <params/> in a methodResponse", offset: scanner.position)
        }
        if try scanner.open("param") {
            throw XMLRPCError.malformed(reason: "empty <param/> in a methodResponse", offset: scanner.position)
        }
    }

    /// Reads the end of a methodResponse after its param's value.
    static func closeParam(_ scanner: inout XMLRPCScanner) throws {
        try scanner.close("param")
        try scanner.close("params")
        try scanner.close("methodResponse")
        try scanner.finish()
    }

    private static func faultError(_ fault: XMLRPCValue, offset: Int) -> XMLRPCError {
        guard let members = fault.structValue else {
            return .malformed(reason: "<fault> does not hold a struct", offset: offset)
        }
        guard let code = members["faultCode"]?.int64Value, let intCode = Int(exactly: code) else {
            return .malformed(reason: "<fault> struct lacks an integer faultCode", offset: offset)
        }
        guard let message = members["faultString"]?.stringValue else {
            return .malformed(reason: "<fault> struct lacks a faultString", offset: offset)
        }
        return .fault(code: intCode, message: message)
    }
}
