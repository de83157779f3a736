/// Decodes xapi's reply to a call returning a map (`VM.get_all_records`) while its bytes arrive, as
/// ``XMLRPCDecoder/forEachResultMember(_:_:)-([UInt8],_)`` does on a whole reply: each member of
/// `Value` is decoded and handed over as soon as its last byte is in, so decoding a big reply overlaps
/// with receiving it instead of starting when the last byte is in.
///
/// Feed the pieces with ``append(_:_:)`` and end with ``finish(_:)``. A read that runs past the bytes
/// received so far is taken back and tried again with more; once the reply is complete, errors are
/// those of ``XMLRPCDecoder`` on the same bytes (at most one member's reading is repeated per piece).
public final class ResultMemberStream {
    private enum Phase {
        /// Before `<methodResponse><params><param><value><struct>`.
        case start
        /// Between the members of the Status/Value wrapper.
        case wrapper
        /// Between the members of `Value`.
        case valueMembers
        /// After the end of the document.
        case end
    }

    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0
    private var scanner: XMLRPCScanner
    private var phase = Phase.start
    private var status: String?
    private var errorDescription: [String] = []
    private var sawValue = false
    private var wrapperStart = 0

    /// Creates a decoder for a reply of about `expectedLength` bytes (its `Content-Length`, if known).
    public init(expectedLength: Int? = nil) {
        capacity = max(expectedLength ?? 0, 64 * 1024)
        storage = .allocate(byteCount: capacity, alignment: 16)
        scanner = XMLRPCScanner(UnsafeBufferPointer(start: storage.assumingMemoryBound(to: UInt8.self), count: 0))
    }

    deinit {
        storage.deallocate()
    }

    /// Adds the next piece of the reply and hands every member of `Value` completed by it to `body`.
    /// Errors thrown by `body` pass through.
    public func append(_ bytes: UnsafeRawBufferPointer, _ body: (_ name: String, _ value: XMLRPCValue) throws -> Void) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (storage + count).copyMemory(from: base, byteCount: bytes.count)
        count += bytes.count
        scanner.rebase(UnsafeBufferPointer(start: storage.assumingMemoryBound(to: UInt8.self), count: count))
        try advance(complete: false, body)
    }

    /// Ends the reply: decodes what is left and returns what `Status` said. Throws ``XMLRPCError``
    /// for a reply that is malformed, truncated or a `<fault>`.
    public func finish(_ body: (_ name: String, _ value: XMLRPCValue) throws -> Void) throws -> XMLRPCDecoder.XAPIStatus {
        try advance(complete: true, body)
        switch status {
        case "Success" where sawValue: return .success
        case "Failure": return .failure(errorDescription: errorDescription)
        default:
            throw XMLRPCError.malformed(
                reason: "the reply lacks Status \"Success\" with a Value, or Status \"Failure\"", offset: wrapperStart
            )
        }
    }

    /// Reads as far as the bytes allow; until the reply is `complete`, a read that fails is taken back.
    private func advance(complete: Bool, _ body: (String, XMLRPCValue) throws -> Void) throws {
        while phase != .end {
            let checkpoint = scanner.checkpoint()
            let member: (String, XMLRPCValue)?
            do {
                member = try step(complete: complete)
            } catch let error as XMLRPCError {
                if complete { throw error }
                scanner.restore(checkpoint)
                return
            }
            if let (name, value) = member { try body(name, value) }
        }
    }

    /// Reads one step: the document's start, one member of the wrapper or of `Value`, or the end.
    /// Returns a member of `Value` when it read one.
    private func step(complete: Bool) throws -> (String, XMLRPCValue)? {
        switch phase {
        case .start:
            try XMLRPCDecoder.openParam(&scanner)
            wrapperStart = scanner.position
            if try scanner.open("value") || scanner.open("struct") {
                throw XMLRPCError.malformed(reason: "the reply is not a Status/Value struct", offset: wrapperStart)
            }
            phase = .wrapper
        case .wrapper:
            if try scanner.atClosingTag() {
                // The end must be the end of the bytes: only decided once all of them are in.
                guard complete else { throw XMLRPCError.truncated(expected: "the end of the reply", offset: scanner.position) }
                try scanner.close("struct")
                try scanner.close("value")
                try XMLRPCDecoder.closeParam(&scanner)
                phase = .end
                return nil
            }
            let name = try scanner.openMember()
            if name == "Value", status != "Failure" {
                if try scanner.open("value") {
                    throw XMLRPCError.unexpectedElement(expected: "<struct>", found: "<value/>", offset: scanner.position)
                }
                sawValue = true
                if try scanner.open("struct") {
                    try scanner.close("value")
                    try scanner.close("member")
                } else {
                    phase = .valueMembers
                }
            } else {
                let valueStart = scanner.position
                let value = try scanner.value()
                try scanner.close("member")
                if name == "Status" {
                    status = value.stringValue
                } else if name == "ErrorDescription" {
                    guard let strings = value.stringArrayValue else {
                        throw XMLRPCError.malformed(reason: "ErrorDescription is not an array of strings", offset: valueStart)
                    }
                    errorDescription = strings
                }
            }
        case .valueMembers:
            if try scanner.atClosingTag() {
                try scanner.close("struct")
                try scanner.close("value")
                try scanner.close("member")
                phase = .wrapper
                return nil
            }
            let name = try scanner.openMember()
            let value = try scanner.value()
            try scanner.close("member")
            return (name, value)
        case .end:
            break
        }
        return nil
    }

    private func grow(toHold needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newStorage.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
