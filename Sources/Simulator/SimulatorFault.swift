/// A misbehaviour the simulator can inject, for testing clients against an unreliable pool.
///
/// The text form (for `xsfai sim --fault`) is given with each case.
public enum SimulatorFault: Sendable, Equatable, CustomStringConvertible {
    /// Close the connection instead of answering every `n`th API request (counted over the whole
    /// server). Text: `drop-every:N`.
    case dropConnection(everyNthRequest: Int)
    /// Close the connection instead of answering an API request with probability `probability`,
    /// drawn from a generator seeded with `seed` (reproducible). Text: `drop-random:P[:SEED]`.
    case dropConnectionRandomly(probability: Double, seed: UInt64)
    /// Wait `milliseconds` before every API reply. Text: `delay:MS`.
    case delayReplies(milliseconds: Int)
    /// Every session becomes invalid (SESSION_INVALID) after `afterCalls` successful calls, once; a
    /// fresh login works again. Text: `expire-sessions:N`.
    case expireSessions(afterCalls: Int)
    /// Truncate every `n`th API reply body in the middle (malformed XML / JSON). Text: `malformed-every:N`.
    case malformedReplies(everyNthReply: Int)
    /// Close each console connection (CONNECT relay) once it has relayed `afterBytes` bytes, as a
    /// flaky network would; the VM runs on and a new CONNECT attaches again. Text: `drop-console:BYTES`.
    case dropConsoleRelays(afterBytes: Int)

    /// Carry out the `n`th call of `method` (counted from 1 over the whole server), then close the
    /// connection without replying: the pool changed, the client never hears so. Once. Text:
    /// `lose-reply:METHOD[:N]`, e.g. `lose-reply:VM.clone`.
    case loseReply(method: String, nthCall: Int)
    /// Close the connection on the `n`th call of `method` without carrying it out: the call never
    /// reaches the pool. Once. Text: `drop-before:METHOD[:N]`.
    case dropBefore(method: String, nthCall: Int)

    /// Why a fault text could not be read.
    public struct ParseError: Error, CustomStringConvertible {
        /// A message naming the bad text and the accepted forms.
        public let description: String
    }

    /// Parses the text form, e.g. `drop-every:5`, `drop-random:0.1:42`, `delay:200`,
    /// `expire-sessions:3`, `malformed-every:4`, `drop-console:4096`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let bad = ParseError(description: "bad fault '\(text)': expected drop-every:N, drop-random:P[:SEED], delay:MS, expire-sessions:N, malformed-every:N, drop-console:BYTES, lose-reply:METHOD[:N] or drop-before:METHOD[:N]")
        func positive(_ index: Int) throws -> Int {
            guard parts.count > index, let value = Int(parts[index]), value > 0 else { throw bad }
            return value
        }
        switch parts[0] {
        case "drop-every" where parts.count == 2: self = .dropConnection(everyNthRequest: try positive(1))
        case "drop-random" where parts.count == 2 || parts.count == 3:
            guard let probability = Double(parts[1]), (0...1).contains(probability) else { throw bad }
            let seed = parts.count == 3 ? UInt64(parts[2]) : 1
            guard let seed else { throw bad }
            self = .dropConnectionRandomly(probability: probability, seed: seed)
        case "delay" where parts.count == 2: self = .delayReplies(milliseconds: try positive(1))
        case "expire-sessions" where parts.count == 2: self = .expireSessions(afterCalls: try positive(1))
        case "malformed-every" where parts.count == 2: self = .malformedReplies(everyNthReply: try positive(1))
        case "drop-console" where parts.count == 2: self = .dropConsoleRelays(afterBytes: try positive(1))
        case "lose-reply" where parts.count == 2 || parts.count == 3, "drop-before" where parts.count == 2 || parts.count == 3:
            guard parts[1].contains("."), !parts[1].contains(" ") else { throw bad }
            let n = parts.count == 3 ? try positive(2) : 1
            self = parts[0] == "lose-reply" ? .loseReply(method: parts[1], nthCall: n) : .dropBefore(method: parts[1], nthCall: n)
        default: throw bad
        }
    }

    /// The text form.
    public var description: String {
        switch self {
        case .dropConnection(let n): "drop-every:\(n)"
        case .dropConnectionRandomly(let probability, let seed): "drop-random:\(probability):\(seed)"
        case .delayReplies(let milliseconds): "delay:\(milliseconds)"
        case .expireSessions(let calls): "expire-sessions:\(calls)"
        case .malformedReplies(let n): "malformed-every:\(n)"
        case .dropConsoleRelays(let bytes): "drop-console:\(bytes)"
        case .loseReply(let method, let n): "lose-reply:\(method):\(n)"
        case .dropBefore(let method, let n): "drop-before:\(method):\(n)"
        }
    }
}
