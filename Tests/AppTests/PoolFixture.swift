@testable import App
import TUI
import XMLRPC
import XenAPI

/// A small pool: two templates (one custom), VMs in the states an operator meets, a control domain
/// and a snapshot (both hidden), one host.
enum PoolFixture {
    static let host = Ref<HostRecord>("OpaqueRef:host-1")
    static let squeeze = Ref<VMRecord>("OpaqueRef:t-squeeze")
    static let custom = Ref<VMRecord>("OpaqueRef:t-custom")
    static let web = Ref<VMRecord>("OpaqueRef:vm-web")
    static let aborted = Ref<VMRecord>("OpaqueRef:vm-aborted")
    static let armed = Ref<VMRecord>("OpaqueRef:vm-armed")
    static let unicode = Ref<VMRecord>("OpaqueRef:vm-unicode")
    static let dom0 = Ref<VMRecord>("OpaqueRef:vm-dom0")
    static let snap = Ref<VMRecord>("OpaqueRef:vm-snap")
    static let webConsole = Ref<ConsoleRecord>("OpaqueRef:console-web")

    static let faiArgs = "console=hvc0 ip=dhcp root=/dev/nfs nfsroot=10.0.0.1:/srv/fai/nfsroot FAI_ACTION=install"
    static let installKeys = [
        "install-distro": "debianlike", "debian-release": "bookworm", "install-arch": "amd64",
        "install-repository": "http://10.0.0.1/debian",
    ]

    static func record(_ name: String, uuid: String, power: VMPowerState = .halted, _ change: (inout VMRecord) -> Void = { _ in }) -> VMRecord {
        // A minimal decodable record; the fields tests need are set below.
        var record = try? VMRecord(xmlrpc: .structure(["power_state": .string(power.rawValue)]))
        record?.nameLabel = name
        record?.uuid = uuid
        record?.domid = -1
        guard var result = record else { fatalError("fixture record does not decode") }
        change(&result)
        return result
    }

    static var snapshot: PoolSnapshot {
        var snapshot = PoolSnapshot()
        if var hostRecord = try? HostRecord(xmlrpc: .structure([:])) {
            hostRecord.nameLabel = "xs1"
            snapshot.hosts[host] = hostRecord
        }
        if var pool = try? PoolRecord(xmlrpc: .structure([:])) {
            pool.nameLabel = "lab"
            snapshot.pools[Ref("OpaqueRef:pool")] = pool
        }
        snapshot.vms = [
            squeeze: record("Debian Squeeze 6.0 (64-bit)", uuid: "t-0001") {
                $0.isATemplate = true
                $0.isDefaultTemplate = true
                $0.pvArgs = "-- quiet console=hvc0"
                $0.pvBootloader = "eliloader"
                $0.otherConfig = ["install-distro": "debianlike", "debian-release": "squeeze", "install-arch": "amd64"]
            },
            custom: record("FAI bookworm", uuid: "t-0002") {
                $0.isATemplate = true
                $0.pvArgs = faiArgs
                $0.pvBootloader = "eliloader"
                $0.otherConfig = installKeys
            },
            web: record("web01", uuid: "v-0001", power: .running) {
                $0.pvBootloader = "pygrub"
                $0.residentOn = host
                $0.domid = 3
                $0.consoles = [webConsole]
                $0.otherConfig = ["base_template_name": "FAI bookworm", "install-repository": "http://10.0.0.1/debian",
                                  "debian-release": "bookworm", "install-arch": "amd64"]
                $0.pvArgs = faiArgs
            },
            aborted: record("fai-broken", uuid: "v-0002") {
                $0.pvBootloader = "pygrub"
                $0.otherConfig = ["base_template_name": "FAI bookworm", "install-repository": "http://10.0.0.1/debian",
                                  "debian-release": "bookworm", "install-arch": "amd64"]
                $0.pvArgs = ""
            },
            armed: record("fai-armed", uuid: "v-0003") {
                $0.pvBootloader = "eliloader"
                $0.otherConfig = installKeys
                $0.pvArgs = faiArgs
            },
            unicode: record("Übung-数据库", uuid: "v-0004") { $0.pvBootloader = "pygrub" },
            dom0: record("Control domain on host: xs1", uuid: "d-0001", power: .running) { $0.isControlDomain = true },
            snap: record("web01 before upgrade", uuid: "s-0001") { $0.isASnapshot = true },
        ]
        if var console = try? ConsoleRecord(xmlrpc: .structure(["protocol": "vt100"])) {
            console.location = "http://127.0.0.1/console?ref=\(webConsole.rawValue)"
            console.vm = web
            snapshot.consoles[webConsole] = console
        }
        return snapshot
    }

    static var webConsoleRecord: ConsoleRecord {
        guard let console = snapshot.consoles[webConsole] else { fatalError("fixture console missing") }
        return console
    }

    /// A state with the fixture pool loaded on an 80x24 screen, background captures off (the open
    /// console connects on its own; ``capturingState(limit:)`` turns them on).
    static var loadedState: AppState { capturingState(limit: 0) }

    /// The fixture pool loaded on an 80x24 screen capturing up to `limit` consoles in the background.
    static func capturingState(limit: Int) -> AppState {
        var state = AppState(size: Size(width: 80, height: 24), user: "root", origin: "http://127.0.0.1:8080")
        state.captures.limit = limit
        _ = state.reduce(.connectionChanged(.connected))
        _ = state.reduce(.poolChanged(snapshot))
        return state
    }

    /// The loaded state (resized to `size` if given) with web01's console opened from the VMs pane
    /// and, when `attached`, connected.
    static func webConsoleOpen(size: Size? = nil, attached: Bool = true) -> AppState {
        var state = loadedState
        if let size { _ = state.reduce(.resized(size)) }
        _ = state.type("2jj")
        _ = state.reduce(.keyPressed(.enter))
        if attached, let id = state.captures[web]?.id { _ = state.reduce(.captureStatusChanged(vm: web, id: id, .capturing)) }
        return state
    }

    /// A console capture of an install: the start marker, 30 apt `Get:` lines, then `lastOutput`.
    static func installOutput(endingWith lastOutput: String) -> ConsoleBuffer {
        let buffer = ConsoleBuffer(scrollbackLimit: 1000)
        buffer.mark("VM started on xs1")
        for index in 1...30 {
            buffer.feed(Array("Get:\(index) http://10.0.0.1/debian bookworm/main amd64 package-\(index) [1,234 kB]\r\n".utf8), at: 0)
        }
        buffer.feed(Array(lastOutput.utf8), at: 0)
        return buffer
    }
}

extension AppState {
    /// Reduces keys typed as text, one character each; returns all effects.
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { reduce(.keyPressed(.character($0))) }
    }

    /// The confirmation on screen, or `nil` when the overlay is something else (or none).
    var confirmation: Confirmation? {
        if case .confirm(let confirmation) = overlay { confirmation } else { nil }
    }

    /// Clears the focused form field (Ctrl-U) and types `text` into it; returns the typing's effects.
    @discardableResult
    mutating func retype(_ text: String) -> [Effect] {
        _ = reduce(.keyPressed(.control("u")))
        return type(text)
    }

    /// Reduces the console's news about `buffer` (what the main loop does after feeding it).
    mutating func advance(to buffer: ConsoleBuffer) {
        _ = reduce(.consoleAdvanced(lineCount: buffer.lineCount, phase: buffer.phase, progress: buffer.progressText))
    }
}
