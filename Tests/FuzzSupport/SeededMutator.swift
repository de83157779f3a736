/// A reproducible mutation fuzzer for the suites: from a seed and a corpus it makes inputs by flipping
/// bits, overwriting bytes with interesting ones, inserting format tokens, deleting, duplicating,
/// splicing corpus entries and truncating, and runs a check on each until an iteration count or a time
/// budget is spent (so it stays a few seconds in CI). A failing input is reported with its seed and
/// iteration, so it is replayed exactly.
public struct SeededMutator {
    /// The inputs mutated from.
    public let corpus: [[UInt8]]
    /// Byte strings of the format under test worth inserting (tags, escape introducers, big numbers).
    public let tokens: [[UInt8]]
    private var state: UInt64

    /// Bytes that tend to matter to parsers: markup, escapes, C0/C1 controls, UTF-8 leads, digits.
    static let interestingBytes: [UInt8] = [0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x22, 0x26, 0x23, 0x3B, 0x3C, 0x3E, 0x2F, 0x5B, 0x5D, 0x3F, 0x39, 0x7F, 0x80, 0x9B, 0x9C, 0x9D, 0xC2, 0xE2, 0xF0, 0xFF]

    /// A mutator over `corpus` (must not be empty) with format `tokens`, seeded with `seed`.
    public init(corpus: [[UInt8]], tokens: [String], seed: UInt64) {
        precondition(!corpus.isEmpty, "a mutator needs a corpus")
        self.corpus = corpus
        self.tokens = tokens.map { Array($0.utf8) }
        state = seed
    }

    /// The next pseudo-random number (SplitMix64).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A mutant of a corpus entry: one to eight mutations stacked.
    public mutating func mutant() -> [UInt8] {
        var bytes = corpus[below(corpus.count)]
        for _ in 0...below(8) { mutate(&bytes) }
        return bytes
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let position = bytes.isEmpty ? 0 : below(bytes.count)
        switch below(7) {
        case 0 where !bytes.isEmpty:
            bytes[position] ^= UInt8(1 << below(8))
        case 1 where !bytes.isEmpty:
            bytes[position] = Self.interestingBytes[below(Self.interestingBytes.count)]
        case 2 where !tokens.isEmpty:
            bytes.insert(contentsOf: tokens[below(tokens.count)], at: position)
        case 3 where !bytes.isEmpty:
            bytes.removeSubrange(position..<min(bytes.count, position + 1 + below(32)))
        case 4 where !bytes.isEmpty:
            let end = min(bytes.count, position + 1 + below(64))
            let piece = Array(bytes[position..<end])
            for _ in 0...below(4) { bytes.insert(contentsOf: piece, at: position) }
        case 5:
            let other = corpus[below(corpus.count)]
            guard !other.isEmpty else { return }
            let start = below(other.count)
            bytes.insert(contentsOf: other[start..<min(other.count, start + 1 + below(256))], at: position)
        default:
            if !bytes.isEmpty { bytes.removeSubrange(position...) }
        }
    }

    /// Runs `check` on `iterations` mutants (or fewer when `budget` runs out); returns how many ran.
    /// `check` returns a failure description, or nil; the first failure ends the run and is returned
    /// with the seed's iteration and the input in hex.
    public static func run(
        corpus: [[UInt8]], tokens: [String], seed: UInt64, iterations: Int, budget: Duration,
        check: ([UInt8]) -> String?
    ) -> (ran: Int, failure: String?) {
        var mutator = SeededMutator(corpus: corpus, tokens: tokens, seed: seed)
        let deadline = ContinuousClock.now + budget
        for iteration in 0..<iterations {
            if ContinuousClock.now >= deadline { return (iteration, nil) }
            let input = iteration < corpus.count ? corpus[iteration] : mutator.mutant()
            if let failure = check(input) {
                let hex = input.prefix(512).map { String($0, radix: 16) }.joined(separator: " ")
                return (iteration + 1, "seed \(seed) iteration \(iteration): \(failure); input (\(input.count) bytes): \(hex)")
            }
        }
        return (iterations, nil)
    }
}
