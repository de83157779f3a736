/// The active faults and their counters.
struct FaultState {
    /// What to do with one API request.
    enum Decision: Equatable {
        case answer(delayMilliseconds: Int, truncate: Bool)
        case drop
        /// Carry the call out, then close without replying.
        case dropAfterCall
    }

    private(set) var faults: [SimulatorFault]
    private var requests = 0
    private var replies = 0
    private var random = SplitMix64(seed: 1)
    private var callsByMethod: [String: Int] = [:]

    init(faults: [SimulatorFault]) {
        self.faults = []
        replace(with: faults)
    }

    mutating func replace(with faults: [SimulatorFault]) {
        self.faults = faults
        requests = 0
        replies = 0
        callsByMethod = [:]
        for case .dropConnectionRandomly(_, let seed) in faults { random = SplitMix64(seed: seed) }
    }

    /// The session call budget of `expireSessions`, if set.
    var sessionCallLimit: Int? {
        for case .expireSessions(let calls) in faults { return calls }
        return nil
    }

    /// The byte budget of each console relay under `dropConsoleRelays`, if set.
    var consoleRelayByteLimit: Int? {
        for case .dropConsoleRelays(let bytes) in faults { return bytes }
        return nil
    }

    /// Decides the fate of the next API request, a call of `method`.
    mutating func nextRequest(method: String) -> Decision {
        requests += 1
        callsByMethod[method, default: 0] += 1
        let nth = callsByMethod[method] ?? 0
        for fault in faults {
            switch fault {
            case .loseReply(method, nth): return .dropAfterCall
            case .dropBefore(method, nth): return .drop
            default: break
            }
        }
        var delay = 0
        for fault in faults {
            switch fault {
            case .dropConnection(let n) where requests % n == 0: return .drop
            case .dropConnectionRandomly(let probability, _) where random.nextUnit() < probability: return .drop
            case .delayReplies(let milliseconds): delay = milliseconds
            default: break
            }
        }
        replies += 1
        var truncate = false
        for case .malformedReplies(let n) in faults where replies % n == 0 { truncate = true }
        return .answer(delayMilliseconds: delay, truncate: truncate)
    }
}
