import CurlTransport
import FAIControl
import Foundation
import Simulator
import XenAPI
import TestScratch

extension CurlURLProber: URLProber {}

/// A simulator on loopback for one test, a logged-in session to it, and the helpers the controller
/// tests share.
struct LoopbackPool {
    let server: SimulatorServer
    let session: XenAPISession
    let configuration: SimulatorConfiguration

    static func start(
        _ configuration: SimulatorConfiguration = SimulatorConfiguration(linesPerSecond: 3000, bootDelay: 2)
    ) async throws -> LoopbackPool {
        let server = SimulatorServer(configuration: configuration)
        _ = try await server.start()
        let session = try XenAPISession(
            url: XenAPIURL(string: server.masterURL),
            credentials: Credentials(user: configuration.user, password: configuration.password),
            factory: CurlTransportFactory(connectTimeout: .seconds(5)), callTimeout: .seconds(20))
        try session.login()
        return LoopbackPool(server: server, session: session, configuration: configuration)
    }

    func stop() async {
        session.logout()
        try? await server.stop()
    }

    func resolver() throws -> TargetResolver { TargetResolver(records: try session.allVMRecords()) }

    /// A controller for this pool journaling into `stateFolder` (a fresh temporary one by default).
    func controller(stateFolder: String = temporaryStateFolder()) throws -> PoolController {
        try PoolController.open(api: session, stateFolder: stateFolder)
    }

    /// Starts `vm` and follows its console with FAIProgressTracker until it decides; returns the
    /// `--until-done` exit code (5 when `timeout` passes first) and the tracker's summary.
    func startAndWatch(_ vm: Ref<VMRecord>, timeout: Duration = .seconds(60)) throws -> (Int32, String) {
        try session.vm.start(vm)
        return try watch(vm, timeout: timeout)
    }

    /// Follows `vm`'s consoles (attaching to each new one) until the tracker decides or `timeout` passes.
    func watch(_ vm: Ref<VMRecord>, timeout: Duration = .seconds(60)) throws -> (Int32, String) {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + timeout
        func seconds() -> Double {
            let elapsed = start.duration(to: clock.now)
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        var tracker = FAIProgressTracker(startTime: 0)
        var attached: Set<Ref<ConsoleRecord>> = []
        while clock.now < deadline {
            let record = try session.vm.getRecord(vm)
            let consoles = try record.consoles.filter { !attached.contains($0) }
                .map { ($0, try session.console.getRecord($0)) }.filter { $0.1.protocol == .vt100 }
            guard record.powerState == .running, let (ref, console) = consoles.first else {
                try? Task.checkCancellation()
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            attached.insert(ref)
            let connection = try session.openConsole(location: console.location, using: CurlConsoleConnector())
            defer { connection.close() }
            reading: while clock.now < deadline {
                switch try connection.receive(timeout: .milliseconds(200)) {
                case .bytes(let bytes): tracker.consume(bytes, at: seconds())
                case .timedOut: break
                case .endOfStream: break reading
                }
                tracker.tick(now: seconds())
                if let code = tracker.untilDoneExitCode { return (code, tracker.summary()) }
            }
        }
        return (5, tracker.summary())
    }

    /// Installs `request` through `controller` from its template, resolved in the pool now, as `xsfai install` does.
    @discardableResult
    func install(_ request: InstallRequest, with controller: PoolController) throws -> InstallReport {
        let resolver = try resolver()
        let (ref, template) = try resolver.resolve(request.template, kind: .template)
        return try controller.install(request, templateRef: ref, template: template, existing: resolver.records)
    }
}

extension XenAPISession {
    /// The only object named `name`.
    func ref(named name: String) throws -> Ref<VMRecord> {
        let refs = try vm.getByNameLabel(name)
        guard refs.count == 1, let ref = refs.first else {
            throw XenAPIError(code: .handleInvalid, parameters: ["VM", "\(refs.count) objects named \(name)"])
        }
        return ref
    }
}

/// A journal file in a fresh temporary folder.
func temporaryJournal() -> ChangeJournal {
    ChangeJournal(path: temporaryStateFolder() + "/journal.jsonl")
}

/// A fresh temporary folder path (not created) for xsfai's state.
func temporaryStateFolder() -> String {
    Scratch.path("xsfai-e2e") + "/xsfai"
}
