/// Whole members of a struct, as their bytes, cut out of a reply by ``ResultMemberStream`` so another
/// thread can decode them (see ``ResultMemberStream/handOverMembers(upTo:_:)``) with a
/// ``MemberSpanDecoder``.
///
/// The span owns a copy of its bytes, never changed after it is made, so it may cross threads.
public final class MemberSpan: @unchecked Sendable {
    fileprivate let storage: UnsafeMutableRawBufferPointer
    /// The offset of the span's first byte in the reply.
    fileprivate let offset: Int
    /// The array/struct nesting the members sit at, for the nesting limit.
    fileprivate let depth: Int

    /// Copies `bytes`, which start `offset` bytes into the reply, `depth` arrays/structs deep.
    init(copying bytes: UnsafeBufferPointer<UInt8>, offset: Int, depth: Int) {
        storage = .allocate(byteCount: bytes.count, alignment: 16)
        storage.copyMemory(from: UnsafeRawBufferPointer(bytes))
        self.offset = offset
        self.depth = depth
    }

    deinit {
        storage.deallocate()
    }
}

/// Decodes ``MemberSpan``s, one at a time, giving what ``ResultMemberStream`` would have handed to its
/// body for the same members and throwing what ``XMLRPCDecoder`` would (error offsets count from the
/// reply's first byte).
///
/// One decoder serves many spans, keeping its scanner's stacks and interned strings (field names,
/// enum values) from one span to the next: a new scanner per span would make them again. It may move
/// between threads but serves one span at a time.
public final class MemberSpanDecoder: @unchecked Sendable {
    private var scanner = XMLRPCScanner(UnsafeBufferPointer(start: nil, count: 0))

    /// A decoder with nothing interned yet.
    public init() {}

    /// Decodes the members of `span` in order, handing each to `body`. Throws ``XMLRPCError`` for a
    /// malformed member; errors thrown by `body` pass through.
    public func decodeMembers(of span: MemberSpan, _ body: (_ name: String, _ value: XMLRPCValue) throws -> Void) throws {
        let bytes = UnsafeBufferPointer(start: span.storage.baseAddress?.assumingMemoryBound(to: UInt8.self), count: span.storage.count)
        scanner.reset(bytes, origin: span.offset, depth: span.depth)
        defer { scanner.reset(UnsafeBufferPointer(start: nil, count: 0), origin: 0, depth: 0) }
        while scanner.position < bytes.count {
            let member: (name: String, value: XMLRPCValue)
            do {
                member = try scanner.member()
            } catch let error as XMLRPCError {
                throw error.shifted(by: span.offset)
            }
            try body(member.name, member.value)
        }
    }
}
