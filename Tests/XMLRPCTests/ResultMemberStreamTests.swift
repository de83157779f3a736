import Testing
@testable import XMLRPC

/// ``ResultMemberStream`` fed in pieces gives exactly what ``XMLRPCDecoder/forEachResultMember(_:_:)``
/// gives on the whole reply: the same members in the same order and the same status, or the same error.
@Suite struct ResultMemberStreamTests {
    private typealias Outcome = Result<([String], [XMLRPCValue], XMLRPCDecoder.XAPIStatus), XMLRPCError>

    private static var replies: [(String, [UInt8])] {
        get throws {
            let records: XMLRPCValue = .structure(XMLRPCStruct((0..<40).map { index in
                ("OpaqueRef:\(index)", XMLRPCValue.structure([
                    "name_label": .string("vm-\(index) <&> é"), "memory": .int(Int64(index) << 30),
                    "other_config": .structure(["install-repository": "http://mirror/debian", "n": .string("\(index)")]),
                    "tags": .array([.string("a"), .string("b")]), "empty": .structure(XMLRPCStruct()),
                ]))
            }))
            let whole = XMLRPCEncoder.success(records)
            var named: [(String, [UInt8])] = [
                ("40 records", whole),
                ("empty map", XMLRPCEncoder.success(.structure(XMLRPCStruct()))),
                ("truncated", Array(whole.prefix(whole.count / 2))),
                ("one byte short", Array(whole.dropLast())),
                ("trailing garbage", whole + Array("<x/>".utf8)),
                ("malformed in a middle record", Array(String(decoding: whole, as: UTF8.self)
                    .replacingOccurrences(of: "<name>OpaqueRef:20</name>", with: "<name>OpaqueRef:20</nome>").utf8)),
                ("Status after Value", Array(#"<?xml version="1.0"?><methodResponse><params><param><value><struct><member><name>Value</name><value><struct><member><name>OpaqueRef:x</name><value>1</value></member></struct></value></member><member><name>Status</name><value>Success</value></member></struct></value></param></params></methodResponse>"#.utf8)),
                ("empty", []),
            ]
            for fixture in ["xapi-session-invalid.xml", "xapi-void-success.xml", "python-sdk-fault.xml",
                            "python-sdk-pretty-response.xml", "xapi-login-success.xml", "cdata-and-comments.xml"] {
                named.append((fixture, try Fixtures.bytes(fixture)))
            }
            return named
        }
    }

    private func whole(_ bytes: [UInt8]) -> Outcome {
        var names: [String] = []
        var values: [XMLRPCValue] = []
        do {
            let status = try XMLRPCDecoder.forEachResultMember(bytes) { names.append($0); values.append($1) }
            return .success((names, values, status))
        } catch let error as XMLRPCError {
            return .failure(error)
        } catch {
            Issue.record("unexpected \(error)")
            return .failure(.malformed(reason: "\(error)", offset: -1))
        }
    }

    /// The stream's outcome over `pieces` of `bytes`; with `spanLimit`, members are handed over as
    /// spans of about that size and decoded (in order, on this thread) by a ``MemberSpanDecoder``,
    /// each of which is reported to `onSpan`.
    private func streamed(
        _ bytes: [UInt8], pieces: [Int], into stream: ResultMemberStream? = nil, spanLimit: Int? = nil,
        onSpan: @escaping () -> Void = {}
    ) -> Outcome {
        let stream = stream ?? ResultMemberStream(expectedLength: bytes.count)
        var names: [String] = []
        var values: [XMLRPCValue] = []
        let body = { (name: String, value: XMLRPCValue) in names.append(name); values.append(value) }
        if let spanLimit {
            let decoder = MemberSpanDecoder()
            stream.handOverMembers(upTo: spanLimit) { span in
                onSpan()
                try decoder.decodeMembers(of: span, body)
            }
        }
        do {
            var offset = 0
            for length in pieces {
                let end = min(offset + length, bytes.count)
                try bytes[offset..<end].withUnsafeBytes { try stream.append($0, body) }
                offset = end
            }
            let status = try stream.finish(body)
            return .success((names, values, status))
        } catch let error as XMLRPCError {
            return .failure(error)
        } catch {
            Issue.record("unexpected \(error)")
            return .failure(.malformed(reason: "\(error)", offset: -1))
        }
    }

    private func same(_ left: Outcome, _ right: Outcome) -> Bool {
        switch (left, right) {
        case (.success(let a), .success(let b)): a.0 == b.0 && a.1 == b.1 && a.2 == b.2
        case (.failure(let a), .failure(let b)): a == b
        default: false
        }
    }

    @Test(arguments: [1, 2, 3, 7, 64, 1000, 1 << 20])
    func piecesOfOneSizeDecodeAsTheWholeReply(size: Int) throws {
        for (name, bytes) in try Self.replies {
            let pieces = Array(repeating: size, count: bytes.count / size + 1)
            #expect(same(streamed(bytes, pieces: pieces), whole(bytes)), "\(name) in pieces of \(size)")
        }
    }

    /// Members cut into spans by the light boundary scan and decoded apart give what the whole reply
    /// gives, errors and their offsets included: CDATA and comments holding `<member>`, tags with
    /// spaces, spans of one member or of many, pieces cutting anywhere.
    @Test(arguments: [1, 300, 4096, 1 << 20])
    func membersHandedOverAsSpansDecodeAsTheWholeReply(spanLimit: Int) throws {
        var replies = try Self.replies
        let tricky = #"<?xml version="1.0"?><methodResponse><params><param><value><struct><member><name>Status</name><value>Success</value></member><member><name>Value</name><value><struct> <!-- <member> --> <member ><name>a</name><value><struct><member><name>x</name><value><![CDATA[</member></member><member>]]></value></member  ><member><name>e</name><value><struct/></value></member></struct></value></member>"#
            + #"<member><name>b</name><value><!-- </member> -->1</value></member>"#
        let end = #"</struct></value></member></struct></value></param></params></methodResponse>"#
        replies.append(("comments, CDATA and spaces in tags", Array((tricky + end).utf8)))
        replies.append(("a stray tag", Array((tricky + #"<member><name>c</name><value><members/></value></member>"# + end).utf8)))
        var seeded = SplitMix(seed: 7)
        for (name, bytes) in replies {
            for size in [1, 5, 64, 1 << 20] {
                let pieces = Array(repeating: size, count: bytes.count / size + 1)
                var spans = 0
                #expect(same(streamed(bytes, pieces: pieces, spanLimit: spanLimit, onSpan: { spans += 1 }), whole(bytes)), "\(name) in pieces of \(size)")
                if name == "40 records" { #expect(spans > 0, "40 records in pieces of \(size) were all decoded by the stream") }
            }
            var pieces: [Int] = []
            var total = 0
            while total <= bytes.count {
                pieces.append(Int(seeded.next() % 300))
                total += max(pieces.last!, 1)
            }
            #expect(same(streamed(bytes, pieces: pieces, spanLimit: spanLimit), whole(bytes)), "\(name) in random pieces")
        }
    }

    @Test func randomPiecesDecodeAsTheWholeReply() throws {
        var seeded = SplitMix(seed: 11)
        for (name, bytes) in try Self.replies {
            for _ in 0..<20 {
                var pieces: [Int] = []
                var total = 0
                while total <= bytes.count {
                    let length = Int(seeded.next() % 300)
                    pieces.append(length)
                    total += max(length, 1)
                }
                #expect(same(streamed(bytes, pieces: pieces), whole(bytes)), "\(name) in pieces \(pieces.prefix(8))…")
            }
        }
    }

    /// A reply of a few MiB: decoded bytes are dropped from the buffer as pieces come, and errors deep
    /// in the reply still carry offsets counted from its first byte.
    @Test func aBigReplyKeepsOnlyItsUndecodedBytesAndReportsWholeReplyOffsets() throws {
        let records: XMLRPCValue = .structure(XMLRPCStruct((0..<7500).map { index in
            ("OpaqueRef:\(index)", XMLRPCValue.structure([
                "name_label": .string("vm-\(index) <&> é"), "uuid": .string("\(index)-0000-4000-8000-000000000000"),
                "other_config": .structure(["install-repository": "http://mirror/debian", "n": .string("\(index)")]),
            ]))
        }))
        let reply = XMLRPCEncoder.success(records)
        #expect(reply.count > 3 << 20)
        let broken = Array(String(decoding: reply, as: UTF8.self)
            .replacingOccurrences(of: "<name>OpaqueRef:5000</name>", with: "<name>OpaqueRef:5000</nome>").utf8)
        var seeded = SplitMix(seed: 5)
        for bytes in [reply, broken, Array(reply.dropLast(30))] {
            for round in 0..<4 {
                var pieces: [Int] = []
                var total = 0
                while total <= bytes.count {
                    let length = round == 0 ? 512 * 1024 : 1000 + Int(seeded.next() % 70_000)
                    pieces.append(length)
                    total += length
                }
                let stream = ResultMemberStream(expectedLength: bytes.count)
                let spans = round == 3 ? 256 << 10 : nil
                #expect(same(streamed(bytes, pieces: pieces, into: stream, spanLimit: spans), whole(bytes)), "round \(round)")
                #expect(stream.bufferCapacity <= 2 << 20, "buffer of \(stream.bufferCapacity) bytes for \(bytes.count)")
            }
        }
    }

    @Test func membersArriveBeforeTheReplyEnds() throws {
        let bytes = try #require(try Self.replies.first?.1)
        let stream = ResultMemberStream()
        var seen = 0
        try bytes.prefix(bytes.count / 2).withUnsafeBytes { try stream.append($0) { _, _ in seen += 1 } }
        #expect(seen > 10 && seen < 40)
    }

    @Test func anErrorFromTheBodyStopsTheStream() throws {
        struct Refused: Error {}
        let bytes = try #require(try Self.replies.first?.1)
        let stream = ResultMemberStream()
        #expect(throws: Refused.self) {
            try bytes.withUnsafeBytes { try stream.append($0) { name, _ in if name == "OpaqueRef:3" { throw Refused() } } }
        }
    }
}

/// A small deterministic generator so the random splits are repeatable.
private struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
