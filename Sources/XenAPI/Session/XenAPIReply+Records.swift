import Dispatch
public import XMLRPC
import Synchronization

extension XenAPIReply {
    /// Decodes the reply to a call returning `Map(Ref → record)` (`VM.get_all_records` and the like)
    /// straight into typed records: each member of `Value` goes to `decode` as soon as it is read, so
    /// the value tree of the whole reply is never built.
    ///
    /// Throws as ``value(of:method:)`` does: ``XenAPIError`` for a `Failure` reply, ``XenAPIProtocolError``
    /// for a reply that is not a wrapper around a map; errors from `decode` pass through.
    public static func records<Record: Sendable>(
        of body: [UInt8], method: String, concurrency: RecordStream<Record>.Concurrency = .otherThreads,
        decode: @escaping @Sendable (XMLRPCValue) throws -> Record
    ) throws -> [Ref<Record>: Record] {
        let stream = RecordStream(method: method, concurrency: concurrency, decode: decode)
        stream.expect(length: body.count)
        try body.withUnsafeBytes { try stream.receive($0) }
        return try stream.finish()
    }

    /// ``records(of:method:concurrency:decode:)`` while the reply arrives: give it to a transport as
    /// the receiver, then call ``finish()``.
    ///
    /// A big reply (1 MiB or more, or of unknown length) is cut into spans of whole records as they
    /// arrive, and the spans are decoded on other threads while the transport's thread receives and
    /// cuts the next ones: decoding is most of the time a big listing takes, and a machine with two
    /// cores lists a big pool in about half the time. At most ``spansInFlight`` spans wait or run at
    /// once (the transport's thread waits for a slot), so memory stays bounded whatever the reply's
    /// size. The outcome is the serial decoder's: the records in wire order (a duplicate reference
    /// keeps its last record), and the first error in the reply's order.
    public final class RecordStream<Record: Sendable>: XenAPIReplyReceiver {
        /// Where the records of a big reply are decoded.
        public enum Concurrency: Sendable {
            /// On other threads, while the transport's thread receives (the default).
            case otherThreads
            /// On the transport's thread, one record after another (to measure the decoder alone).
            case transportThread
        }

        /// The reply size from which records are decoded on other threads.
        public static var concurrentLength: Int { 1 << 20 }
        /// The size of the spans cut for other threads.
        static var spanLength: Int { 512 << 10 }
        /// The spans that may wait or be decoded at once.
        static var spansInFlight: Int { 4 }

        private typealias Entries = [(Ref<Record>, Record)]

        /// What the spans and the runs of records decoded on the transport's thread gave, by their
        /// place in the reply, and the span decoders not in use: shared with the threads that decode spans.
        private final class Outcomes: Sendable {
            private let byPlace = Mutex<[Int: Result<Entries, any Error>]>([:])
            /// Decoders keep what they interned from span to span; at most one per span in flight.
            private let idleDecoders = Mutex<[MemberSpanDecoder]>([])

            /// Runs `body` with a decoder no other span is using.
            func withDecoder<Result>(_ body: (MemberSpanDecoder) throws -> Result) rethrows -> Result {
                let decoder = idleDecoders.withLock { $0.popLast() } ?? MemberSpanDecoder()
                defer { idleDecoders.withLock { $0.append(decoder) } }
                return try body(decoder)
            }

            func set(_ outcome: Result<Entries, any Error>, at place: Int) {
                byPlace.withLock { $0[place] = outcome }
            }

            /// The outcomes in the reply's order.
            func inOrder() -> [Result<Entries, any Error>] {
                byPlace.withLock { outcomes in outcomes.keys.sorted().map { outcomes[$0]! } }
            }
        }

        private let method: String
        private let concurrency: Concurrency
        private let decode: @Sendable (XMLRPCValue) throws -> Record
        private var stream = ResultMemberStream()
        /// Pieces of the outcome by their place in the reply: spans, and runs of records decoded here.
        private let outcomes = Outcomes()
        private var nextPlace = 0
        /// Records decoded on the transport's thread since the last span was cut: one place in the
        /// outcome, taken when the next span is cut or the reply ends.
        private var decodedHere: Entries = []
        /// The spans decoded on other threads so far (for tests: a big reply is cut into several).
        private(set) var spansHandedOver = 0
        private let spansRunning = DispatchGroup()
        private let spanSlots = DispatchSemaphore(value: RecordStream.spansInFlight)

        /// A receiver for the reply to `method`, decoding each record with `decode`.
        public init(method: String, concurrency: Concurrency = .otherThreads, decode: @escaping @Sendable (XMLRPCValue) throws -> Record) {
            self.method = method
            self.concurrency = concurrency
            self.decode = decode
        }

        /// See ``XenAPIReplyReceiver``.
        public func expect(length: Int?) {
            stream = ResultMemberStream(expectedLength: length)
            if concurrency == .otherThreads, length.map({ $0 >= Self.concurrentLength }) ?? true {
                stream.handOverMembers(upTo: Self.spanLength) { [unowned self] span in decodeElsewhere(span) }
            }
        }

        /// See ``XenAPIReplyReceiver``.
        public func receive(_ bytes: UnsafeRawBufferPointer) throws {
            do {
                try stream.append(bytes, add)
            } catch {
                try throwFirstFailure(after: error)
            }
        }

        /// The records, once the whole reply was received; throws as ``XenAPIReply/records(of:method:concurrency:decode:)``.
        public func finish() throws -> [Ref<Record>: Record] {
            let status: XMLRPCDecoder.XAPIStatus
            do {
                status = try stream.finish(add)
            } catch {
                try throwFirstFailure(after: error)
            }
            settleDecodedHere()
            spansRunning.wait()
            let entries = try outcomes.inOrder().map { try $0.get() }
            switch status {
            case .success:
                var records: [Ref<Record>: Record] = [:]
                records.reserveCapacity(entries.reduce(0) { $0 + $1.count })
                for piece in entries {
                    for (ref, record) in piece { records[ref] = record }
                }
                return records
            case .failure(let errorDescription) where errorDescription.isEmpty:
                throw XenAPIProtocolError(method: method, problem: "a Failure reply has no ErrorDescription")
            case .failure(let errorDescription):
                throw XenAPIError(errorDescription: errorDescription)
            }
        }

        /// Decodes a record read on the transport's thread, in its place after the spans before it.
        private func add(_ name: String, _ value: XMLRPCValue) throws {
            decodedHere.append((Ref(name), try decode(value)))
        }

        /// Gives the records decoded here since the last span their place in the outcome.
        private func settleDecodedHere() {
            guard !decodedHere.isEmpty else { return }
            outcomes.set(.success(decodedHere), at: takePlace())
            decodedHere = []
        }

        /// Decodes `span` on another thread once a slot is free.
        private func decodeElsewhere(_ span: MemberSpan) {
            settleDecodedHere()
            spansHandedOver += 1
            let place = takePlace()
            let method = method
            let decode = decode
            spanSlots.wait()
            spansRunning.enter()
            DispatchQueue.global(qos: .userInitiated).async { [outcomes, spanSlots, spansRunning] in
                let outcome = Result<Entries, any Error> {
                    var entries: Entries = []
                    do {
                        try outcomes.withDecoder { decoder in
                            try decoder.decodeMembers(of: span) { name, value in entries.append((Ref(name), try decode(value))) }
                        }
                    } catch let error as XMLRPCError {
                        throw XenAPIProtocolError(method: method, problem: "\(error)")
                    }
                    return entries
                }
                outcomes.set(outcome, at: place)
                spanSlots.signal()
                spansRunning.leave()
            }
        }

        private func takePlace() -> Int {
            defer { nextPlace += 1 }
            return nextPlace
        }

        /// After `error` on this thread: waits for the spans, then throws the first error in the
        /// reply's order (a span's before `error`, which comes after every span cut so far).
        private func throwFirstFailure(after error: any Error) throws -> Never {
            spansRunning.wait()
            for case .failure(let earlier) in outcomes.inOrder() { throw earlier }
            if let error = error as? XMLRPCError { throw XenAPIProtocolError(method: method, problem: "\(error)") }
            throw error
        }
    }
}
