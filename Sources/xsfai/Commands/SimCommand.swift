import ArgumentParser
import Dispatch
import FAIControl
import Foundation
import Simulator

/// `xsfai sim`: runs the built-in XenServer simulator until SIGINT or SIGTERM.
///
/// Prints `READY <port>` on stdout once every host listens. The login is `--user` (default `root`)
/// with the password from `--password-file`, or the default password `xenroot` (printed on stderr).
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the built-in XenServer simulator (a pool on loopback speaking the XenAPI wire protocol).",
        discussion: """
            Hosts listen on the same port; the first is the pool master, the others answer HOST_IS_SLAVE. \
            There is no TLS: use http://HOST:PORT. Faults (repeatable --fault): drop-every:N, drop-random:P[:SEED], \
            delay:MS, expire-sessions:N, malformed-every:N, drop-console:BYTES (close each console relay after BYTES), \
            lose-reply:METHOD[:N] (carry out the Nth call of METHOD, e.g. VM.clone, then close without replying), \
            drop-before:METHOD[:N] (close on the Nth call of METHOD without carrying it out). Set other-config:xsfai-sim-scenario on a VM to \
            fail-instsoft, fail-partition, no-nfsroot or success-verbose to choose the FAI transcript it plays.
            """
    )

    @Option(help: "The TCP port every host listens on (0 picks a free one).")
    var port = 0

    @Option(help: "Comma-separated host addresses; the first is the pool master (e.g. 127.0.0.1,127.0.0.2).")
    var hosts = "127.0.0.1"

    @Option(help: "Extra realistic VMs to add for scale tests.")
    var vms = 0

    @Option(help: "Console pace in lines per second (0: as fast as possible).")
    var speed = 40.0

    @Option(help: "Seconds between a VM start and its first console line.")
    var bootDelay = 0.5

    @Option(help: "The user name the simulator accepts.")
    var user = "root"

    @Option(help: "A file holding the password the simulator accepts (default password: xenroot).")
    var passwordFile: String?

    @Option(name: .customLong("fault"), help: "A fault to inject (repeatable), e.g. delay:200 or drop-every:5.")
    var faults: [String] = []

    @Option(name: .customLong("missing-repo-file"), help: "A path under /repo/debian/ to leave out (repeatable).")
    var missingRepositoryFiles: [String] = []

    @Option(help: "The product modelled: xcp-ng-8.2 (eliloader installs PV guests) or xcp-ng-8.3 (eliloader retired).")
    var platform = "xcp-ng-8.2"

    @Option(help: "Start this many concurrent FAI installs at boot (generated VMs), for scale runs.")
    var installing = 0

    @Option(help: "With --installing: have those installs report to the FAI monitor at ADDR:PORT (FAI_SENDID=mac).")
    var installingMonitor: String?

    @Option(help: "Pool-wide networks beyond eth0's (eth1, eth2, …), so an install has to pick one.")
    var extraNetworks = 0

    @Flag(help: "Add a VM whose name-label holds terminal escapes (title, clipboard, clear screen), ESC sent as &#27; as a hostile server would.")
    var hostileNames = false

    func run() async throws {
        guard let platform = SimulatorPlatform(rawValue: platform) else {
            throw ValidationError("--platform must be one of " + SimulatorPlatform.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let hostList = hosts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !hostList.isEmpty else { throw ValidationError("--hosts needs at least one address") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        var parsedFaults: [SimulatorFault] = []
        for text in faults {
            do { parsedFaults.append(try SimulatorFault(parsing: text)) } catch { throw ValidationError("\(error)") }
        }
        let password: String
        if let passwordFile {
            guard let contents = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                throw ValidationError("cannot read the password file \(passwordFile)")
            }
            password = contents.trimmingCharacters(in: .newlines)
        } else {
            password = SimulatorConfiguration.defaultPassword
            FileHandle.standardError.write(Data("xsfai sim: log in as \(user) with the default password \"\(password)\"\n".utf8))
        }
        let configuration = SimulatorConfiguration(
            hosts: hostList, port: port, extraVMs: max(0, vms), linesPerSecond: max(0, speed), bootDelay: max(0, bootDelay),
            user: user, password: password, faults: parsedFaults, missingRepositoryFiles: Set(missingRepositoryFiles),
            platform: platform, installing: max(0, installing),
            installingMonitor: try installingMonitor.map { text in
                guard let arguments = MonitorKernelArguments(address: text) else {
                    throw ValidationError("--installing-monitor needs ADDR:PORT")
                }
                return arguments.words.joined(separator: " ")
            },
            extraNetworks: min(max(0, extraNetworks), 16),
            hostileNames: hostileNames
        )
        let server = SimulatorServer(configuration: configuration)
        let boundPort = try await server.start()
        FileHandle.standardOutput.write(Data("READY \(boundPort)\n".utf8))
        FileHandle.standardError.write(Data("xsfai sim: pool master \(server.masterURL), repository \(server.repositoryURL)\n".utf8))
        await Self.waitForTermination()
        try await server.stop()
    }

    /// Suspends until SIGINT or SIGTERM arrives.
    private static func waitForTermination() async {
        let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
        let queue = DispatchQueue(label: "xsfai.sim.signals")
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        for await _ in stream { break }
        for source in sources { source.cancel() }
    }
}
