import NIOCore

extension SimulatorServer {
    /// Checks a `CONNECT /console?…` request as xapi's console handler does: session from the
    /// `session_id` cookie or query (401), console by `uuid=`/`ref=` of a console or a VM (a VM picks
    /// its rfb console) (404), the VM running on this very host (500), and the pool's
    /// `limit_console_sessions` with a client already attached (503). Returns the console ref or the
    /// refusal to send.
    func resolveConsole(_ request: HTTPRequest, hostIndex: Int) -> Result<(ref: String, isRFB: Bool), RefusedConsole> {
        state.withLock { state in
            let query = request.query
            let session = request.cookie("session_id") ?? query["session_id"] ?? ""
            guard state.isValidSession(session) else { return .failure(RefusedConsole(response: HTTPResponse.unauthorised)) }
            var console: String?
            if let uuid = query["uuid"] {
                console = state.db.ref(forUUID: uuid, in: "console") ?? state.db.ref(forUUID: uuid, in: "VM").flatMap { state.defaultConsole(of: $0) }
            } else if let ref = query["ref"] {
                console = state.db.contains("console", ref: ref) ? ref : state.db.contains("VM", ref: ref) ? state.defaultConsole(of: ref) : nil
            }
            guard let console, let vm = state.db.field("console", ref: console, "VM")?.stringValue else {
                return .failure(RefusedConsole(response: HTTPResponse.notFound()))
            }
            let running = state.vmField(vm, "power_state")?.stringValue == "Running"
            let here = state.hostRefs.indices.contains(hostIndex) && state.vmField(vm, "resident_on")?.stringValue == state.hostRefs[hostIndex]
            guard running, here else {
                return .failure(RefusedConsole(response: HTTPResponse.internalError("VM \(vm) is not running on this host")))
            }
            let limited = state.db.field("pool", ref: state.poolRef, "limit_console_sessions")?.boolValue ?? false
            if limited, !(state.consoleClients[console] ?? []).isEmpty {
                return .failure(RefusedConsole(response: HTTPResponse.connectionLimit))
            }
            let isRFB = state.db.field("console", ref: console, "protocol")?.stringValue == "rfb"
            return .success((console, isRFB))
        }
    }

    /// Attaches a connection to a console after its 200 was written; nil if the console is gone.
    func attachConsoleClient(_ channel: any Channel, to console: String) -> Int? {
        state.withLock { state in
            guard state.db.contains("console", ref: console) else { return nil }
            return state.attachConsoleClient(channel, to: console)
        }
    }

    func detachConsoleClient(_ id: Int, from console: String) {
        state.withLock { $0.detachConsoleClient(id, from: console) }
    }

    /// Passes bytes typed by a console client to the guest.
    func consoleInput(_ bytes: [UInt8], to console: String) {
        mutate { $0.consoleInput(console, bytes) }
    }

    /// Serves a file of the Debian repository (GET, or HEAD without the body).
    func repositoryResponse(_ request: HTTPRequest) -> [UInt8] {
        let path = String(request.path.dropFirst(DebianRepository.mountPath.count))
        let isHead = request.method == "HEAD"
        guard let file = state.withLock({ $0.repository.file(path) }) else { return HTTPResponse.notFound(includeBody: !isHead) }
        return HTTPResponse.file(file, includeBody: !isHead)
    }
}

/// A console CONNECT that was turned down, with the reply to send before closing.
struct RefusedConsole: Error {
    let response: [UInt8]
}

extension SimulatorState {
    /// The console a VM reference selects (`default_console_of_vm`: its rfb console, else any).
    func defaultConsole(of vm: String) -> String? {
        let consoles = refs(vmField(vm, "consoles"))
        return consoles.first { db.field("console", ref: $0, "protocol")?.stringValue == "rfb" } ?? consoles.first
    }
}
