import CurlTransport
import Simulator
import Testing
import XenAPI

/// Console CONNECT and the event-fed cache, over real loopback.
@Suite struct LoopbackConsoleTests {
    @Test func consoleStreamsTheFAIInstallThenTheRebootReplacesTheConsole() async throws {
        try await withSimulatedPool(SimulatorConfiguration(linesPerSecond: 400, bootDelay: 1)) { pool in
            let session = try pool.session()
            let vm = try session.install(from: "FAI Squeeze 64", name: "web9")
            try session.vm.start(vm)
            let (consoleRef, console) = try session.textConsole(of: vm)

            let connection = try session.openConsole(location: console.location, using: CurlConsoleConnector())
            defer { connection.close() }
            let text = try read(connection, until: "Restarting system.")
            #expect(text.contains("Fully Automatic Installation"))
            #expect(text.contains("Restarting system."))

            #expect(try endOfStream(connection, within: .seconds(10)))

            let rebooted = try session.vm.getRecord(vm)
            #expect(rebooted.powerState == .running)
            #expect(!rebooted.consoles.isEmpty)
            #expect(!rebooted.consoles.contains(consoleRef))
            let stale = try #require(throws: ConsoleError.self) {
                try session.openConsole(location: console.location, using: CurlConsoleConnector())
            }
            #expect(stale == .notFound)
        }
    }

    @Test func consoleWithABadSessionIsUnauthorized() async throws {
        try await withSimulatedPool() { pool in
            let session = try pool.session()
            let location = try session.textConsole(of: try session.vm(named: "fai01")).record.location
            let error = try #require(throws: ConsoleError.self) {
                try CurlConsoleConnector().connect(location: location, sessionRef: "OpaqueRef:bogus")
            }
            #expect(error == .unauthorized)
        }
    }

    @Test func consoleAcceptsInput() async throws {
        try await withSimulatedPool() { pool in
            let session = try pool.session()
            let console = try session.textConsole(of: try session.vm(named: "fai01")).record
            let connection = try session.openConsole(location: console.location, using: CurlConsoleConnector())
            defer { connection.close() }
            _ = try read(connection, until: "login: ", timeout: .seconds(5))
            try connection.send(Array("root".utf8))
            #expect(try read(connection, until: "root", timeout: .seconds(5)).contains("root"))
        }
    }

    @Test func poolCacheLoadsTheSnapshotAndFollowsChanges() async throws {
        let pool = try await SimulatedPool.start(SimulatorConfiguration(linesPerSecond: 2000, bootDelay: 1))
        let session = try pool.session()
        let callbacks = Counter()
        let cache = PoolCache(session: session, eventTimeout: .seconds(2)) { _ in _ = callbacks.next() }
        let updates = cache.updates()
        cache.start()
        var streamed = updates.makeAsyncIterator()
        let firstUpdate = await streamed.next()
        let loaded = cache.wait(timeout: .seconds(10)) { $0.vms.values.contains { $0.nameLabel == "fai01" } }
        let stateAfterLoad = cache.state
        var renamed: PoolSnapshot?
        var running: PoolSnapshot?
        var failure: (any Error)?
        do {
            let vm = try session.vm(named: "fai03")
            try session.vm.setNameLabel(vm, "fai03-renamed")
            renamed = cache.wait(timeout: .seconds(10)) { $0.vms[vm]?.nameLabel == "fai03-renamed" }
            try session.vm.setPVArgs(vm, "console=hvc0 root=/dev/nfs boot=live FAI_ACTION=install")
            try session.vm.setPVBootloader(vm, "eliloader")
            try session.vm.start(vm)
            running = cache.wait(timeout: .seconds(10)) { snapshot in
                snapshot.vms[vm]?.powerState == .running && !snapshot.consoles(of: vm).isEmpty
            }
        } catch {
            failure = error
        }
        cache.stop()
        await pool.stop()
        #expect(failure == nil, "\(String(describing: failure))")
        #expect(firstUpdate?.isFullReload == true)
        #expect(firstUpdate?.snapshot.vms.isEmpty == false)
        #expect(callbacks.current >= 3)
        #expect(loaded?.hosts.count == 1)
        #expect(loaded?.pool != nil)
        #expect(stateAfterLoad == .connected)
        #expect(renamed != nil)
        #expect(running != nil)
    }
}

/// The event stream's recovery when the pool goes away and comes back.
@Suite struct PoolCacheReconnectTests {
    @Test func cacheReportsReconnectingAndReloadsWhenThePoolReturns() async throws {
        let first = try await SimulatedPool.start(SimulatorConfiguration())
        let port = try XenAPIURL(string: first.server.masterURL).port
        let session = try first.session()
        let cache = PoolCache(session: session, eventTimeout: .seconds(1))
        cache.start()
        defer { cache.stop() }
        let loaded = cache.wait(timeout: .seconds(10)) { !$0.vms.isEmpty }
        let renamed: Void? = try? session.vm.setNameLabel(try session.vm(named: "fai03"), "only-in-the-first-pool")
        let seen = cache.wait(timeout: .seconds(10)) { $0.vms.values.contains { $0.nameLabel == "only-in-the-first-pool" } }
        await first.stop()
        #expect(loaded != nil && renamed != nil && seen != nil)

        let reconnecting = cache.waitForState(timeout: .seconds(10)) {
            if case .reconnecting = $0 { return true }
            return false
        }
        #expect(reconnecting)

        let second = try await SimulatedPool.start(SimulatorConfiguration(port: port))
        let connected = cache.waitForState(timeout: .seconds(30)) { $0 == .connected }
        let reloaded = cache.wait(timeout: .seconds(10)) { snapshot in
            snapshot.vms.values.contains { $0.nameLabel == "fai03" }
        }
        cache.stop()
        await second.stop()
        #expect(connected)
        #expect(reloaded?.vms.values.contains { $0.nameLabel == "only-in-the-first-pool" } == false)
    }
}
