import Testing
import XMLRPC
@testable import XenAPI

/// ``XenAPIReply/RecordStream`` decoding spans of a big reply on other threads gives what decoding on
/// the transport's thread gives: the same records, and the first error in the reply's order.
@Suite struct RecordStreamConcurrencyTests {
    /// A `get_all_records`-style reply of `count` records, about 3 KiB each (4,000 make 12 MiB).
    private static func reply(records count: Int) -> [UInt8] {
        let padding = String(repeating: "x", count: 2800)
        return XMLRPCEncoder.success(.structure(XMLRPCStruct((0..<count).map { index in
            ("OpaqueRef:\(index)", XMLRPCValue.structure([
                "uuid": .string("\(index)-0000-4000-8000-000000000000"), "name_label": .string("vm-\(index) <&>"),
                "other_config": .structure(["install-repository": "http://mirror/debian", "pad": .string(padding)]),
            ]))
        })))
    }

    private struct Refused: Error, Equatable {
        var name: String
    }

    /// Feeds `bytes` in pieces of `piece` bytes and returns the records or the error; `spans` is
    /// set to the number of spans decoded on other threads.
    private static func decode(
        _ bytes: [UInt8], piece: Int, concurrency: XenAPIReply.RecordStream<XMLRPCValue>.Concurrency,
        spans: UnsafeMutablePointer<Int>? = nil, decode: @escaping @Sendable (XMLRPCValue) throws -> XMLRPCValue = { $0 }
    ) -> Result<[Ref<XMLRPCValue>: XMLRPCValue], Described> {
        let stream = XenAPIReply.RecordStream(method: "VM.get_all_records", concurrency: concurrency, decode: decode)
        defer { spans?.pointee = stream.spansHandedOver }
        stream.expect(length: bytes.count)
        do {
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + piece, bytes.count)
                try bytes[offset..<end].withUnsafeBytes { try stream.receive($0) }
                offset = end
            }
            return .success(try stream.finish())
        } catch {
            return .failure(Described(text: "\(type(of: error)): \(error)"))
        }
    }

    @Test(arguments: [16 << 10, 512 << 10])
    func aBigReplyDecodesToTheSameRecordsOnOtherThreads(piece: Int) throws {
        let bytes = Self.reply(records: 4000)
        #expect(bytes.count > 4 * XenAPIReply.RecordStream<XMLRPCValue>.concurrentLength)
        var spans = 0
        let concurrent = Self.decode(bytes, piece: piece, concurrency: .otherThreads, spans: &spans)
        #expect(spans >= 20, "a 12 MiB reply in spans of 512 KiB")
        let serial = Self.decode(bytes, piece: piece, concurrency: .transportThread, spans: &spans)
        #expect(spans == 0)
        #expect(try concurrent.get().count == 4000)
        #expect(concurrent == serial)
    }

    @Test func aMalformedRecordDeepInTheReplyGivesTheSerialError() throws {
        let text = String(decoding: Self.reply(records: 4000), as: UTF8.self)
        for broken in [
            text.replacingOccurrences(of: "<name>OpaqueRef:2500</name>", with: "<name>OpaqueRef:2500</nome>"),
            text.replacingOccurrences(of: "<name>OpaqueRef:10</name>", with: "<name>OpaqueRef:10</nome>")
                .replacingOccurrences(of: "<name>OpaqueRef:3900</name>", with: "<name>OpaqueRef:3900<name>"),
            String(text.dropLast(40)),
        ] {
            let bytes = Array(broken.utf8)
            let concurrent = Self.decode(bytes, piece: 64 << 10, concurrency: .otherThreads)
            guard case .failure(let message) = concurrent else {
                Issue.record("a broken reply decoded")
                continue
            }
            #expect(message.text.hasPrefix("XenAPIProtocolError"))
            #expect(concurrent == Self.decode(bytes, piece: 64 << 10, concurrency: .transportThread))
        }
    }

    /// Records refused by `decode` in several spans: the one nearest the reply's start is reported,
    /// whichever thread finished first.
    @Test func theFirstRefusedRecordInTheReplyIsReported() throws {
        let bytes = Self.reply(records: 4000)
        let refuse: @Sendable (XMLRPCValue) throws -> XMLRPCValue = { value in
            let name = value.structValue?["name_label"]?.stringValue ?? ""
            if ["vm-3999 <&>", "vm-2100 <&>", "vm-1700 <&>"].contains(name) { throw Refused(name: name) }
            return value
        }
        let outcome = Self.decode(bytes, piece: 512 << 10, concurrency: .otherThreads, decode: refuse)
        #expect(outcome == .failure(Described(text: "Refused: Refused(name: \"vm-1700 <&>\")")))
        #expect(outcome == Self.decode(bytes, piece: 512 << 10, concurrency: .transportThread, decode: refuse))
    }

    @Test func aFailureReplyIsAXenAPIError() throws {
        let failure = XMLRPCEncoder.failure(["SESSION_INVALID", "OpaqueRef:x"])
        let outcome = Self.decode(failure + Array(repeating: 0x20, count: 2 << 20), piece: 512 << 10, concurrency: .otherThreads)
        guard case .failure(let message) = outcome else {
            Issue.record("a Failure reply decoded")
            return
        }
        #expect(message.text.hasPrefix("XenAPIError"))
        #expect(message.text.contains("SESSION_INVALID"))
    }
}

/// An error as its type and description, to compare outcomes.
private struct Described: Error, Equatable {
    var text: String
}
