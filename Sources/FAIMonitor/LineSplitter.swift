/// Splits a byte stream into lines of at most ``maximumLength`` bytes; an over-long line is reported
/// once as ``MonitorLineError/tooLong(length:)`` and skipped up to its newline.
public struct LineSplitter: Sendable, Equatable {
    /// The longest line kept.
    public let maximumLength: Int
    private var pending: [UInt8] = []
    private var skipping = false

    /// Creates a splitter.
    public init(maximumLength: Int = MonitorLine.defaultMaximumLength) {
        self.maximumLength = max(1, maximumLength)
    }

    /// Drops everything up to the next newline (after starting in the middle of a file).
    public mutating func skipToNextLine() {
        pending = []
        skipping = true
    }

    /// Feeds bytes; returns the complete lines (without their newline) and over-long lines as errors.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [Result<[UInt8], MonitorLineError>] {
        var lines: [Result<[UInt8], MonitorLineError>] = []
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                if !skipping { lines.append(.success(pending)) }
                pending.removeAll(keepingCapacity: true)
                skipping = false
                continue
            }
            guard !skipping else { continue }
            pending.append(byte)
            if pending.count > maximumLength {
                lines.append(.failure(.tooLong(length: pending.count)))
                pending.removeAll(keepingCapacity: true)
                skipping = true
            }
        }
        return lines
    }
}
