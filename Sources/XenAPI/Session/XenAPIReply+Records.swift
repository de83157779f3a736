public import XMLRPC

extension XenAPIReply {
    /// Decodes the reply to a call returning `Map(Ref → record)` (`VM.get_all_records` and the like)
    /// straight into typed records: each member of `Value` goes to `decode` as soon as it is read, so
    /// the value tree of the whole reply is never built.
    ///
    /// Throws as ``value(of:method:)`` does: ``XenAPIError`` for a `Failure` reply, ``XenAPIProtocolError``
    /// for a reply that is not a wrapper around a map; errors from `decode` pass through.
    public static func records<Record>(
        of body: [UInt8], method: String, decode: @escaping (XMLRPCValue) throws -> Record
    ) throws -> [Ref<Record>: Record] {
        let stream = RecordStream(method: method, decode: decode)
        stream.expect(length: body.count)
        try body.withUnsafeBytes { try stream.receive($0) }
        return try stream.finish()
    }

    /// ``records(of:method:decode:)`` while the reply arrives: give it to a transport as the receiver,
    /// then call ``finish()``. Records are decoded as soon as their last byte is in.
    public final class RecordStream<Record>: XenAPIReplyReceiver {
        private let method: String
        private let decode: (XMLRPCValue) throws -> Record
        private var stream = ResultMemberStream()
        private var records: [Ref<Record>: Record] = [:]

        /// A receiver for the reply to `method`, decoding each record with `decode`.
        public init(method: String, decode: @escaping (XMLRPCValue) throws -> Record) {
            self.method = method
            self.decode = decode
        }

        /// See ``XenAPIReplyReceiver``.
        public func expect(length: Int?) {
            stream = ResultMemberStream(expectedLength: length)
        }

        /// See ``XenAPIReplyReceiver``.
        public func receive(_ bytes: UnsafeRawBufferPointer) throws {
            do {
                try stream.append(bytes, add)
            } catch let error as XMLRPCError {
                throw XenAPIProtocolError(method: method, problem: "\(error)")
            }
        }

        /// The records, once the whole reply was received; throws as ``XenAPIReply/records(of:method:decode:)``.
        public func finish() throws -> [Ref<Record>: Record] {
            let status: XMLRPCDecoder.XAPIStatus
            do {
                status = try stream.finish(add)
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

        private func add(_ name: String, _ value: XMLRPCValue) throws {
            records[Ref(name)] = try decode(value)
        }
    }
}
