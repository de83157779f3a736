import NIOCore
import NIOPosix

/// A XenServer pool in a process: every configured host address listens on the same loopback port
/// and speaks the XenAPI wire protocol (XML-RPC on `/` and `/RPC2`, JSON-RPC on `/jsonrpc`, the
/// console proxy on `CONNECT /console`, and a Debian repository under `/repo/debian/`).
///
/// There is no TLS: console `location`s and the master URL are plain `http://` (xapi uses https).
/// Test hooks change the pool at run time (expire sessions, inject faults, remove repository files,
/// crash or reboot a guest).
///
/// Pool content: one control domain per host; a shared default SR and an ISO SR; the default PV
/// templates "Debian Lenny 5.0 (32-bit)", "Debian Squeeze 6.0 (32-bit)" and "(64-bit)" (eliloader,
/// `-- quiet console=hvc0`, the real template other-config keys) and two HVM templates; the custom
/// template "FAI Squeeze 64" (FAI PV-args, `install-repository` = ``repositoryURL``); the VMs "fai01"
/// (installed, running), "fai02" (aborted install: pygrub, no install-distro, empty disk) and "fai03"
/// (made from the FAI template with its PV-args dropped, the XenCenter bug); plus `extraVMs` generated VMs.
///
/// Guest behaviour: starting an eliloader VM follows eliloader's first round and plays an FAI
/// transcript on the vt100 console — `no-fai-args` when PV-args lack `root=/dev/nfs`, `boot=live` or
/// `FAI_ACTION`; else the one named by the test hook `other_config:xsfai-sim-scenario`
/// (`fail-instsoft`, `fail-partition`, `no-nfsroot`, `success-verbose`, `success`); else
/// `success-verbose` or `success` by FAI_FLAGS. A success ends in a reboot into the installed system
/// (new console objects, a login prompt); a kernel panic crashes the domain and the VM halts
/// (whatever `actions_after_crash` says, which the simulator sets to `destroy`).
public final class SimulatorServer: Sendable {
    struct Runtime {
        var port = 0
        var channels: [any Channel] = []
        /// Every accepted connection still open (closed by a toolstack restart).
        var connections: [ObjectIdentifier: any Channel] = [:]
    }

    let configuration: SimulatorConfiguration
    let group: MultiThreadedEventLoopGroup
    let state: LockedState<SimulatorState>
    let runtime = LockedState(Runtime())
    let monitorSender: MonitorSender

    /// Creates a stopped server; ``start()`` binds it and fills the pool.
    public init(configuration: SimulatorConfiguration) {
        self.configuration = configuration
        group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        monitorSender = MonitorSender(group: group)
        state = LockedState(SimulatorState(configuration: configuration, port: configuration.port, transcripts: .bundled))
    }

    /// Binds every host address on the same port (the configured one, or a free one when it is 0),
    /// fills the pool, and returns the port.
    public func start() async throws -> Int {
        var port = configuration.port
        var channels: [any Channel] = []
        do {
            for (index, address) in configuration.hosts.enumerated() {
                let channel = try await bootstrap(hostIndex: index).bind(host: address, port: port).get()
                channels.append(channel)
                if port == 0 { port = channel.localAddress?.port ?? 0 }
            }
        } catch {
            for channel in channels { try? await channel.close() }
            throw error
        }
        let boundPort = port
        runtime.withLock {
            $0.port = boundPort
            $0.channels = channels
        }
        mutate { state in
            state.port = boundPort
            state.seedPool()
        }
        return boundPort
    }

    /// Closes the listening sockets and every connection, and stops the event loops.
    public func stop() async throws {
        let channels = runtime.withLock { runtime -> [any Channel] in
            defer { runtime.channels = [] }
            return runtime.channels
        }
        for channel in channels { try? await channel.close() }
        let (waiters, clients) = state.withLock { state -> ([EventLoopPromise<Void>], [any Channel]) in
            defer {
                state.eventWaiters = [:]
                state.consoleClients = [:]
                state.playbacks = [:]
            }
            return (Array(state.eventWaiters.values), state.consoleClients.values.flatMap { $0.map(\.channel) })
        }
        for waiter in waiters { waiter.fail(ChannelError.ioOnClosedChannel) }
        for client in clients { try? await client.close() }
        await monitorSender.stop()
        try await group.shutdownGracefully()
    }

    /// The pool master's URL, e.g. `http://127.0.0.1:40123` (plain http: the simulator has no TLS).
    public var masterURL: String {
        "http://\(configuration.hosts.first ?? "127.0.0.1"):\(runtime.withLock { $0.port })"
    }

    /// The URL of every host, master first.
    public var hostURLs: [String] {
        let port = runtime.withLock { $0.port }
        return configuration.hosts.map { "http://\($0):\(port)" }
    }

    /// The URL of the simulator's Debian repository (the FAI template's `install-repository`).
    public var repositoryURL: String {
        state.withLock { $0.repositoryURL }
    }

    func bootstrap(hostIndex: Int) -> ServerBootstrap {
        ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [self] channel in
                let id = ObjectIdentifier(channel)
                runtime.withLock { $0.connections[id] = channel }
                channel.closeFuture.whenComplete { [runtime] _ in _ = runtime.withLock { $0.connections.removeValue(forKey: id) } }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(HTTPRequestDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SimulatorConnectionHandler(server: self, hostIndex: hostIndex))
                }
            }
    }

    /// Changes the state under the lock, then performs the effects the change left behind and wakes
    /// event.from waiters if the database generation moved.
    @discardableResult
    func mutate<Result>(_ body: (inout SimulatorState) -> Result) -> Result {
        let (result, effects) = state.withLock { state -> (Result, [SimulatorEffect]) in
            let before = state.db.generation
            let result = body(&state)
            var effects = state.effects
            state.effects = []
            if state.db.generation != before, !state.eventWaiters.isEmpty {
                effects.append(.wake(Array(state.eventWaiters.values)))
                state.eventWaiters = [:]
            }
            return (result, effects)
        }
        perform(effects)
        return result
    }

    private func perform(_ effects: [SimulatorEffect]) {
        for effect in effects {
            switch effect {
            case .write(let channels, let bytes):
                for channel in channels { channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil) }
            case .close(let channels):
                for channel in channels { channel.close(promise: nil) }
            case .schedulePlayback(let console, let delay):
                let nanoseconds = Int64(min(max(0, delay), 86_400) * 1_000_000_000)
                group.next().scheduleTask(in: .nanoseconds(nanoseconds)) { [self] in
                    mutate { $0.advancePlayback(console) }
                }
            case .sendMonitor(let server, let port, let lines):
                monitorSender.send(lines, to: server, port: port)
            case .wake(let promises):
                for promise in promises { promise.succeed(()) }
            }
        }
    }
}
