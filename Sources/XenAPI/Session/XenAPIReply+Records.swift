public import XMLRPC

extension XenAPIReply {
    /// Decodes the reply to a call returning `Map(Ref → record)` (`VM.get_all_records` and the like)
    /// straight into typed records: each member of `Value` goes to `decode` as soon as it is read, so
    /// the value tree of the whole reply is never built.
    ///
    /// Throws as ``value(of:method:)`` does: ``XenAPIError`` for a `Failure` reply, ``XenAPIProtocolError``
    /// for a reply that is not a wrapper around a map; errors from `decode` pass through.
    public static func records<Record>(
        of body: [UInt8], method: String, decode: (XMLRPCValue) throws -> Record
    ) throws -> [Ref<Record>: Record] {
        var records: [Ref<Record>: Record] = [:]
        let status: XMLRPCDecoder.XAPIStatus
        do {
            status = try XMLRPCDecoder.forEachResultMember(body) { name, value in
                records[Ref(name)] = try decode(value)
            }
        } catch let error as XMLRPCError {
            throw XenAPIProtocolError(method: method, problem: "\(error)")
        }
        switch status {
        case .success:
            return records
        case .failure(let errorDescription) where errorDescription.isEmpty:
            throw XenAPIProtocolError(method: method, problem: "a Failure reply has no ErrorDescription")
        case .failure(let errorDescription):
            throw XenAPIError(errorDescription: errorDescription)
        }
    }
}
