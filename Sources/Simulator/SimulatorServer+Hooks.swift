import Foundation

/// Test hooks: change the running pool from the outside, as a misbehaving network or guest would.
extension SimulatorServer {
    /// Replaces the active faults (counters restart).
    public func setFaults(_ faults: [SimulatorFault]) {
        state.withLock { $0.faults.replace(with: faults) }
    }

    /// The method of every call answered so far, oldest first (the newest 100,000 at most).
    public var callLog: [String] {
        state.withLock { $0.callLog }
    }

    /// The calls of ``callLog`` that can change the pool: everything but `get_*` reads, `event.*`,
    /// `session.*`, `system.*` and `task.*` bookkeeping.
    public var writeCallLog: [String] {
        callLog.filter { method in
            let parts = method.split(separator: ".")
            guard let message = parts.last, let className = parts.first else { return true }
            return !message.hasPrefix("get") && !["event", "session", "system", "task"].contains(String(className))
        }
    }

    /// How many sessions are logged in now (to check that clients log out).
    public var activeSessionCount: Int {
        state.withLock { $0.sessions.count }
    }

    /// Invalidates every session: the next call with any of them fails with SESSION_INVALID.
    public func expireAllSessions() {
        state.withLock { $0.sessions = [:] }
    }

    /// Restarts the toolstack as a `xe-toolstack-restart` does: the listening sockets and every open
    /// connection (API calls, event waits, console relays) close, every session is forgotten (xapi's
    /// sessions do not persist), nothing answers for `downtime`, then every host listens again on the
    /// same port. Guests run on: their domains, consoles and playback are untouched.
    ///
    /// Blocks the calling thread (not the cooperative pool, which a busy test run may starve), so call
    /// it from a thread of its own, never from an event loop.
    public func restartToolstack(downtime: Duration) throws {
        let (listeners, connections, port) = runtime.withLock { runtime in
            defer { runtime.channels = [] }
            return (runtime.channels, Array(runtime.connections.values), runtime.port)
        }
        for listener in listeners { try? listener.close().wait() }
        for connection in connections { try? connection.close().wait() }
        state.withLock { $0.sessions = [:] }
        Thread.sleep(forTimeInterval: Double(downtime.components.seconds) + Double(downtime.components.attoseconds) / 1e18)
        let channels = try configuration.hosts.enumerated().map { index, address in
            try bootstrap(hostIndex: index).bind(host: address, port: port).wait()
        }
        runtime.withLock { $0.channels = channels }
    }

    /// Removes a file from the Debian repository (path under `/repo/debian/`).
    public func removeRepositoryFile(_ path: String) {
        state.withLock { $0.repository.remove(path) }
    }

    /// Changes the console pace for scripts played from now on (lines per second; 0 = at once).
    public func setLinesPerSecond(_ linesPerSecond: Double) {
        state.withLock { $0.configuration.linesPerSecond = max(0, linesPerSecond) }
    }

    /// Makes a running guest reboot now (as if it ran `reboot`): new consoles, a fresh boot.
    /// Returns false if no running VM has this uuid.
    @discardableResult
    public func rebootGuest(vmUUID: String) -> Bool {
        changeRunningGuest(vmUUID) { state, vm in state.rebootVM(vm) }
    }

    /// Makes a running guest crash now (its console ends and the VM halts).
    /// Returns false if no running VM has this uuid.
    @discardableResult
    public func crashGuest(vmUUID: String) -> Bool {
        changeRunningGuest(vmUUID) { state, vm in state.haltVM(vm) }
    }

    /// Closes every live console connection (CONNECT relay) of the VM with `vmUUID`, as a network
    /// drop would, without changing the VM: its consoles, power state and playback go on, and a new
    /// CONNECT attaches again. Returns how many connections were closed (0 for an unknown VM).
    @discardableResult
    public func dropConsoleConnections(vmUUID: String) -> Int {
        mutate { state in
            guard let vm = state.db.ref(forUUID: vmUUID, in: "VM") else { return 0 }
            return state.dropConsoleClients(of: vm)
        }
    }

    /// Applies `change` to the running VM with `vmUUID`; false if no running VM has it.
    private func changeRunningGuest(_ vmUUID: String, _ change: (inout SimulatorState, String) -> Void) -> Bool {
        mutate { state in
            guard let vm = state.db.ref(forUUID: vmUUID, in: "VM"),
                  state.vmField(vm, "power_state")?.stringValue == "Running" else { return false }
            change(&state, vm)
            return true
        }
    }
}
