import Dispatch
import Synchronization

/// Runs `second` on another thread while `first` runs on this one and returns both results; if either
/// throws, the first error (`first`'s before `second`'s) is thrown once both have finished.
///
/// For independent reads of one command: `vms` reads the hosts while the big VM reply arrives.
func concurrently<First, Second: Sendable>(
    _ first: () throws -> First, _ second: @escaping @Sendable () throws -> Second
) throws -> (First, Second) {
    let outcome = BackgroundOutcome<Second>()
    DispatchQueue.global().async { outcome.finish(Result { try second() }) }
    let firstResult = Result { try first() }
    let secondResult = outcome.wait()
    return (try firstResult.get(), try secondResult.get())
}

/// The result of work running on another thread, handed over once.
final class BackgroundOutcome<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func finish(_ value: Result<Value, any Error>) {
        result.withLock { $0 = value }
        done.signal()
    }

    /// Blocks until `finish` was called, and returns what it was given.
    func wait() -> Result<Value, any Error> {
        done.wait()
        return result.withLock { $0! }
    }
}
