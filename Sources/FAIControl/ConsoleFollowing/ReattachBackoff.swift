/// The delays between attempts to reattach a lost console: doubling from ``first`` up to ``cap``, each
/// shortened by a random part of up to ``jitter`` (so many followers of one pool do not retry in
/// step after a toolstack restart). ``reset()`` after a successful attach.
public struct ReattachBackoff: Sendable {
    /// The delay before the first retry.
    public var first: Duration
    /// The longest delay.
    public var cap: Duration
    /// The largest fraction taken off a delay at random (0 = no jitter).
    public var jitter: Double
    private var failures = 0

    /// A backoff from `first` doubling to `cap`, with up to `jitter` (0…1) taken off at random.
    public init(first: Duration = .milliseconds(250), cap: Duration = .seconds(15), jitter: Double = 0.25) {
        self.first = first
        self.cap = cap
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before the next attempt (each call counts one more failure).
    public mutating func next<Generator: RandomNumberGenerator>(using generator: inout Generator) -> Duration {
        let doubled = first * (1 << min(failures, 20))
        failures += 1
        let full = min(doubled, cap)
        let cut = jitter > 0 ? Double.random(in: 0...jitter, using: &generator) : 0
        return full * (1 - cut)
    }

    /// The delay before the next attempt, jittered with the system's random numbers.
    public mutating func next() -> Duration {
        var generator = SystemRandomNumberGenerator()
        return next(using: &generator)
    }

    /// Starts again from ``first`` (the console attached).
    public mutating func reset() { failures = 0 }
}
