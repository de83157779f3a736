import Foundation
import Synchronization
import XenAPI

/// Follows a VM's vt100 console across power-on and reboots: waits (on the event stream, no polling
/// of the API) until the VM runs with a console it has not attached to yet, attaches, reads until the
/// stream ends, and waits for the next console.
final class ConsoleFollower: Sendable {
    /// What the follower reports to its handler; the handler returns false to stop.
    enum Event {
        /// Attached to the VM's `number`th console.
        case attached(Int)
        /// Bytes from the guest.
        case bytes([UInt8])
        /// The console stream ended (the VM rebooted or stopped).
        case detached
        /// Nothing happened for a moment (for clocks and timeouts).
        case idle
        /// Attaching failed; the follower keeps waiting.
        case attachFailed(String)
    }

    private let session: XenAPISession
    private let connector: any ConsoleConnector
    private let vm: Ref<VMRecord>
    private let cache: PoolCache
    private let current = Mutex<(any ConsoleConnection)?>(nil)
    private let stopped = Mutex(false)

    init(session: XenAPISession, connector: any ConsoleConnector, vm: Ref<VMRecord>) {
        self.session = session
        self.connector = connector
        self.vm = vm
        cache = PoolCache(session: session, eventTimeout: .seconds(5))
    }

    /// Starts the event stream and waits for its first snapshot (so a VM started afterwards is seen
    /// from its first console on); returns false if it did not arrive within `timeout`.
    func prepare(timeout: Duration = .seconds(30)) -> Bool {
        cache.start()
        return cache.wait(timeout: timeout) { !$0.vms.isEmpty } != nil
    }

    /// Sends keystrokes to the console attached now (dropped while none is).
    func send(_ bytes: [UInt8]) {
        let connection = current.withLock { $0 }
        try? connection?.send(bytes)
    }

    /// Makes ``follow(_:)`` return soon; callable from any thread.
    func stop() {
        stopped.withLock { $0 = true }
        current.withLock { $0 }?.close()
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    /// Follows the console until the handler returns false or ``stop()`` is called.
    func follow(_ handler: (Event) -> Bool) {
        if cache.state == .stopped { _ = prepare() }
        defer { cache.stop() }
        var seen = Set<Ref<ConsoleRecord>>()
        var attachments = 0
        while !isStopped {
            let fresh: (PoolSnapshot) -> (Ref<ConsoleRecord>, ConsoleRecord)? = { snapshot in
                guard snapshot.vms[self.vm]?.powerState == .running else { return nil }
                return snapshot.consoles(of: self.vm).first { !seen.contains($0.0) }
            }
            guard let snapshot = cache.wait(timeout: .milliseconds(250), until: { fresh($0) != nil }),
                let (consoleRef, console) = fresh(snapshot)
            else {
                if !handler(.idle) { return }
                continue
            }
            seen.insert(consoleRef)
            let connection: any ConsoleConnection
            do {
                connection = try session.openConsole(location: console.location, using: connector)
            } catch {
                if !handler(.attachFailed("\(error)")) { return }
                continue
            }
            current.withLock { $0 = connection }
            attachments += 1
            let keepGoing = handler(.attached(attachments)) && read(connection, handler)
            current.withLock { $0 = nil }
            connection.close()
            if !keepGoing || isStopped || !handler(.detached) { return }
        }
    }

    /// Reads until the stream ends (true) or the handler says stop (false).
    private func read(_ connection: any ConsoleConnection, _ handler: (Event) -> Bool) -> Bool {
        while !isStopped {
            let chunk: ConsoleChunk
            do {
                chunk = try connection.receive(timeout: .milliseconds(250))
            } catch {
                return true
            }
            switch chunk {
            case .bytes(let bytes): if !handler(.bytes(bytes)) { return false }
            case .timedOut: if !handler(.idle) { return false }
            case .endOfStream: return true
            }
        }
        return false
    }
}
