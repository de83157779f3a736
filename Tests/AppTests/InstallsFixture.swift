@testable import App
import XenAPI

private typealias F = PoolFixture

/// The fixture pool plus running installs `install-01`… with FAI's kernel args and a console each.
enum Installs {
    static func vm(_ number: Int) -> Ref<VMRecord> { Ref("OpaqueRef:vm-install-\(number)") }
    static func console(_ number: Int, domain: Int64 = 10) -> Ref<ConsoleRecord> { Ref("OpaqueRef:console-install-\(number)-\(domain)") }

    /// The fixture with `count` installs running (each in domain `domain`, or halted when `halted` holds it).
    static func snapshot(_ count: Int, domain: Int64 = 10, halted: Set<Int> = []) -> PoolSnapshot {
        var snapshot = F.snapshot
        for number in 1...max(1, count) where count > 0 {
            let isHalted = halted.contains(number)
            snapshot.vms[vm(number)] = F.record(String(format: "install-%02d", number), uuid: "i-\(number)", power: isHalted ? .halted : .running) {
                $0.pvBootloader = "pygrub"
                $0.pvArgs = F.faiArgs
                $0.residentOn = F.host
                $0.domid = isHalted ? -1 : domain + Int64(number)
                $0.consoles = isHalted ? [] : [console(number, domain: domain)]
            }
            if !isHalted, var record = try? ConsoleRecord(xmlrpc: .structure(["protocol": "vt100"])) {
                record.location = "http://127.0.0.1/console?ref=\(console(number, domain: domain).rawValue)"
                record.vm = vm(number)
                snapshot.consoles[console(number, domain: domain)] = record
            }
        }
        return snapshot
    }

    /// The VMs the effects start capturing, in order.
    static func started(_ effects: [Effect]) -> [Ref<VMRecord>] {
        effects.compactMap { if case .startCapture(let vm, _, _) = $0 { vm } else { nil } }
    }
}
