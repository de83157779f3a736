/// Decodes xapi's reply to a call returning a map (`VM.get_all_records`) while its bytes arrive, as
/// ``XMLRPCDecoder/forEachResultMember(_:_:)-([UInt8],_)`` does on a whole reply: each member of
/// `Value` is decoded and handed over as soon as its last byte is in, so decoding a big reply overlaps
/// with receiving it instead of starting when the last byte is in.
///
/// Only the bytes not decoded yet are kept: before a new piece is stored, the decoded ones are dropped
/// from the front of the buffer, so a 100 MB reply needs a buffer of about one piece plus one member,
/// not 100 MB. Error offsets still count from the reply's first byte.
///
/// With ``handOverMembers(upTo:_:)`` the complete members of `Value` are cut out as ``MemberSpan``s,
/// undecoded, for the caller to decode on other threads: only what follows them (an unusual member,
/// the wrapper's end) is decoded here.
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
    /// Bytes held in `storage` (received, not yet dropped).
    private var count = 0
    /// Bytes of the reply dropped from the front of `storage` after they were decoded.
    private var dropped = 0
    private var scanner: XMLRPCScanner
    private var phase = Phase.start
    /// What the wrapper said so far (read from the start phase on).
    private var wrapper = XMLRPCScanner.XAPIWrapper(start: 0)

    /// Where complete members of `Value` go undecoded, and the size of span to cut, if they are handed over.
    private var memberSpans: (limit: Int, take: (MemberSpan) throws -> Void)?

    /// The buffer's size now (for tests: it stays near one piece plus one member).
    var bufferCapacity: Int { capacity }

    /// The first buffer's size: a few of libcurl's 512 KiB pieces; it grows for a bigger member.
    private static let initialCapacity = 1 << 20

    /// Creates a decoder for a reply of about `expectedLength` bytes (its `Content-Length`, if known:
    /// a small reply gets a buffer of its size).
    public init(expectedLength: Int? = nil) {
        capacity = max(min(expectedLength ?? Self.initialCapacity, Self.initialCapacity), 64)
        storage = .allocate(byteCount: capacity, alignment: 16)
        scanner = XMLRPCScanner(UnsafeBufferPointer(start: storage.assumingMemoryBound(to: UInt8.self), count: 0))
    }

    deinit {
        storage.deallocate()
    }

    /// From now on, the members of `Value` that are complete in the bytes received are not decoded
    /// but given to `take` as spans of consecutive members of about `limit` bytes (a single member may
    /// be bigger), in order. Members completed only by ``finish(_:)`` are decoded and handed to its
    /// body as before, after every span. Errors thrown by `take` pass through.
    public func handOverMembers(upTo limit: Int, _ take: @escaping (MemberSpan) throws -> Void) {
        memberSpans = (max(limit, 1), take)
    }

    /// Adds the next piece of the reply and hands every member of `Value` completed by it to `body`.
    /// Errors thrown by `body` pass through.
    public func append(_ bytes: UnsafeRawBufferPointer, _ body: (_ name: String, _ value: XMLRPCValue) throws -> Void) throws {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { makeRoom(for: bytes.count) }
        (storage + count).copyMemory(from: base, byteCount: bytes.count)
        count += bytes.count
        scanner.rebase(UnsafeBufferPointer(start: storage.assumingMemoryBound(to: UInt8.self), count: count))
        try advance(complete: false, body)
    }

    /// Ends the reply: decodes what is left and returns what `Status` said. Throws ``XMLRPCError``
    /// for a reply that is malformed, truncated or a `<fault>`.
    public func finish(_ body: (_ name: String, _ value: XMLRPCValue) throws -> Void) throws -> XMLRPCDecoder.XAPIStatus {
        do {
            try advance(complete: true, body)
        } catch let error as XMLRPCError {
            throw error.shifted(by: dropped)
        }
        return try wrapper.outcome()
    }

    /// Reads as far as the bytes allow; until the reply is `complete`, a read that fails is taken back.
    private func advance(complete: Bool, _ body: (String, XMLRPCValue) throws -> Void) throws {
        while phase != .end {
            if phase == .valueMembers, !complete, let (limit, take) = memberSpans,
               try cutCompleteMembers(limit: limit, take) == .incomplete {
                return
            }
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
            wrapper = try scanner.openXAPIWrapper()
            wrapper.start += dropped
            phase = .wrapper
        case .wrapper:
            if try scanner.atClosingTag() {
                // The end must be the end of the bytes: only decided once all of them are in.
                guard complete else { throw XMLRPCError.truncated(expected: "the end of the reply", offset: scanner.position) }
                try scanner.closeXAPIWrapper()
                phase = .end
                return nil
            }
            let name = try scanner.openMember()
            if wrapper.streams(name) {
                if try scanner.open("value") {
                    throw XMLRPCError.unexpectedElement(expected: "<struct>", found: "<value/>", offset: scanner.position)
                }
                if try scanner.open("struct") {
                    try scanner.close("value")
                    try scanner.close("member")
                } else {
                    phase = .valueMembers
                }
                wrapper.sawValue = true
            } else {
                try scanner.readWrapperMember(named: name, into: &wrapper)
            }
        case .valueMembers:
            if try scanner.atClosingTag() {
                try scanner.close("struct")
                try scanner.close("value")
                try scanner.close("member")
                phase = .wrapper
                return nil
            }
            return try scanner.member()
        case .end:
            break
        }
        return nil
    }

    /// Cuts the complete members of `Value` from the scanner's position on into spans for `take`.
    /// Returns what stopped it: the bytes ran out inside a member, or what follows is no member
    /// (the scanner reads it).
    private func cutCompleteMembers(limit: Int, _ take: (MemberSpan) throws -> Void) throws -> MemberBoundary.Scan {
        let bytes = UnsafeBufferPointer(start: storage.assumingMemoryBound(to: UInt8.self), count: count)
        var spanStart = scanner.position
        var end = spanStart
        while true {
            let scan = MemberBoundary.scan(bytes, from: end)
            if case .member(let memberEnd) = scan {
                end = memberEnd
                guard end - spanStart >= limit else { continue }
            }
            if end > spanStart {
                try take(MemberSpan(copying: UnsafeBufferPointer(rebasing: bytes[spanStart..<end]), offset: dropped + spanStart, depth: scanner.depth))
                scanner.skip(to: end)
                spanStart = end
            }
            if case .member = scan { continue }
            return scan
        }
    }

    /// Makes room for `incoming` more bytes: drops the decoded bytes from the front, then grows the
    /// buffer if one member and the piece still do not fit.
    private func makeRoom(for incoming: Int) {
        let decoded = scanner.position
        if decoded > 0 {
            storage.copyMemory(from: storage + decoded, byteCount: count - decoded)
            count -= decoded
            dropped += decoded
            scanner.dropFirst(decoded)
        }
        guard count + incoming > capacity else { return }
        let newCapacity = max(count + incoming, capacity * 2)
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newStorage.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
