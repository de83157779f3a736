import XMLRPC

extension XenAPISession {
    /// Calls `method` and decodes its `Map(Ref → record)` reply with `decode`, one record at a time as
    /// the reply arrives (see ``XenAPIReply/RecordStream``).
    func records<Record: Sendable>(
        _ method: String, _ params: [XMLRPCValue] = [], decode: @escaping @Sendable (XMLRPCValue) throws -> Record
    ) throws -> [Ref<Record>: Record] {
        try streamingCall(method, params) {
            XenAPIReply.RecordStream(method: method, decode: decode)
        } finish: { try $0.finish() }
    }

    /// Calls `method` and decodes one record.
    func record<Record>(_ method: String, _ params: [XMLRPCValue], decode: (XMLRPCValue) throws -> Record) throws
        -> Record
    {
        try decode(call(method, params))
    }

    /// Calls `method` and returns the reference it answers.
    func reference<Object>(_ method: String, _ params: [XMLRPCValue], to: Object.Type = Object.self) throws
        -> Ref<Object>
    {
        let reply = try call(method, params)
        guard let text = reply.stringValue else {
            throw XenAPIProtocolError(method: method, problem: "expected a reference, got \(reply.summary)")
        }
        return Ref(text)
    }

    /// Calls `method` and returns the set of references it answers.
    func references<Object>(_ method: String, _ params: [XMLRPCValue], to: Object.Type = Object.self) throws
        -> [Ref<Object>]
    {
        let reply = try call(method, params)
        guard let texts = reply.stringArrayValue else {
            throw XenAPIProtocolError(method: method, problem: "expected a set of references, got \(reply.summary)")
        }
        return texts.map(Ref.init)
    }

    /// Calls a method whose result is void (or ignored).
    func perform(_ method: String, _ params: [XMLRPCValue]) throws {
        _ = try call(method, params)
    }
}

extension Ref {
    /// The reference as an XML-RPC parameter.
    var xmlrpc: XMLRPCValue { .string(rawValue) }
}
