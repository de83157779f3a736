import CurlTransport
import Simulator
import XenAPI

/// A simulator on loopback for one test, and sessions to it over libcurl.
struct SimulatedPool {
    let server: SimulatorServer
    let configuration: SimulatorConfiguration

    static func start(_ configuration: SimulatorConfiguration) async throws -> SimulatedPool {
        let server = SimulatorServer(configuration: configuration)
        _ = try await server.start()
        return SimulatedPool(server: server, configuration: configuration)
    }

    /// A session (not logged in) to host `index` (0 is the master).
    func session(host index: Int = 0, password: String? = nil, callTimeout: Duration = .seconds(20)) throws
        -> XenAPISession
    {
        try XenAPISession(
            url: XenAPIURL(string: server.hostURLs[index]),
            credentials: Credentials(user: configuration.user, password: password ?? configuration.password),
            factory: CurlTransportFactory(connectTimeout: .seconds(5)), callTimeout: callTimeout)
    }

    func stop() async { try? await server.stop() }
}

/// Runs `body` against a fresh simulator and always stops the simulator afterwards.
func withSimulatedPool(
    _ configuration: SimulatorConfiguration = SimulatorConfiguration(linesPerSecond: 2000, bootDelay: 1),
    _ body: (SimulatedPool) throws -> Void
) async throws {
    let pool = try await SimulatedPool.start(configuration)
    do {
        try body(pool)
    } catch {
        await pool.stop()
        throw error
    }
    await pool.stop()
}

extension XenAPISession {
    /// The only VM (or template) named `name`.
    func vm(named name: String) throws -> Ref<VMRecord> {
        let refs = try vm.getByNameLabel(name)
        guard refs.count == 1, let ref = refs.first else {
            throw XenAPIError(code: .handleInvalid, parameters: ["VM", "\(refs.count) VMs named \(name)"])
        }
        return ref
    }

    /// The vt100 console of a running VM (the one `xe console` opens), with its reference.
    func textConsole(of vmRef: Ref<VMRecord>) throws -> (ref: Ref<ConsoleRecord>, record: ConsoleRecord) {
        for ref in try vm.getRecord(vmRef).consoles {
            let record = try console.getRecord(ref)
            if record.protocol == .vt100 { return (ref, record) }
        }
        throw XenAPIError(code: .handleInvalid, parameters: ["console", "no vt100 console for \(vmRef)"])
    }

    /// Clones `template`, provisions the clone and makes it a VM, as `xe vm-install` does.
    func install(from template: String, name: String) throws -> Ref<VMRecord> {
        let clone = try vm.clone(try vm(named: template), newName: name)
        try vm.provision(clone)
        try vm.setIsATemplate(clone, false)
        return clone
    }
}

/// Reads a console until `text` has appeared (or the stream ends or `timeout` passes); returns all text read.
func read(_ connection: any ConsoleConnection, until text: String, timeout: Duration = .seconds(20)) throws -> String {
    let deadline = ContinuousClock.now + timeout
    var received: [UInt8] = []
    while ContinuousClock.now < deadline {
        switch try connection.receive(timeout: .milliseconds(200)) {
        case .bytes(let bytes):
            received += bytes
            if String(decoding: received, as: UTF8.self).contains(text) { return String(decoding: received, as: UTF8.self) }
        case .timedOut:
            continue
        case .endOfStream:
            return String(decoding: received, as: UTF8.self)
        }
    }
    return String(decoding: received, as: UTF8.self)
}

/// Whether the console stream ends (the server closes it) within `timeout`, discarding bytes until then.
func endOfStream(_ connection: any ConsoleConnection, within timeout: Duration) throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try connection.receive(timeout: .milliseconds(200)) == .endOfStream { return true }
    }
    return false
}
