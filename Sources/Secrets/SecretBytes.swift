import CSecrets
import Synchronization

/// A secret (a password) in one buffer of its own, never in a `String` held by it: created from
/// bytes, handed out only inside ``withBytes(_:)``, and overwritten with zeros (in a way the compiler
/// keeps) by ``wipe()`` and when the last reference goes. A process holding one should make itself
/// non-dumpable (``ProcessDumping/disable()``), so the buffer never reaches a core file.
///
/// Copies it cannot prevent are the caller's: wipe the source bytes after ``init(copying:)``.
public final class SecretBytes: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private struct Storage: @unchecked Sendable {
        var pointer: UnsafeMutableBufferPointer<UInt8>
    }

    private let storage: Mutex<Storage>

    /// Copies `bytes` into a fresh buffer (the caller wipes its own copy).
    public init(copying bytes: some Collection<UInt8>) {
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        storage = Mutex(Storage(pointer: UnsafeMutableBufferPointer(rebasing: buffer[..<bytes.count])))
    }

    /// Copies the UTF-8 of `text` (for secrets that already are in a `String`: a config file's
    /// `password`, the simulator's); the `String` stays the caller's.
    public convenience init(copyingUTF8 text: String) {
        self.init(copying: text.utf8)
    }

    deinit {
        storage.withLock { storage in
            xsfai_wipe(storage.pointer.baseAddress, storage.pointer.count)
            storage.pointer.baseAddress.map { $0.deallocate() }
        }
    }

    /// The number of bytes (0 after ``wipe()``).
    public var count: Int { storage.withLock { $0.pointer.count } }

    /// Whether the secret was wiped (or empty).
    public var isEmpty: Bool { count == 0 }

    /// Runs `body` with the bytes; `body` must not keep them.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withLock { try body(UnsafeBufferPointer($0.pointer)) }
    }

    /// Overwrites the bytes with zeros; the secret is empty from then on.
    public func wipe() {
        storage.withLock { storage in
            xsfai_wipe(storage.pointer.baseAddress, storage.pointer.count)
            storage.pointer = UnsafeMutableBufferPointer(rebasing: storage.pointer[..<0])
        }
    }

    /// Overwrites `bytes` with zeros in a way the compiler keeps (for a copy of a secret the caller
    /// owns, e.g. a request body).
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { xsfai_wipe($0.baseAddress, $0.count) }
    }

    /// Never the secret.
    public var description: String { "<secret, \(count) bytes>" }
    /// Never the secret.
    public var debugDescription: String { description }
}
