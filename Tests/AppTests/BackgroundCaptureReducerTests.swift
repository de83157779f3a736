@testable import App
import FAIControl
import TUI
import Testing
import XenAPI

private typealias F = PoolFixture

/// The fixture pool plus running installs `install-01`… with FAI's kernel args and a console each.
private enum Installs {
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
        effects.compactMap { if case .startCapture(let vm, _, _, _) = $0 { vm } else { nil } }
    }
}

@Suite struct BackgroundCaptureReducerTests {
    @Test func everyRunningInstallIsCapturedUpToTheLimitAndTheRestWait() {
        var state = F.capturingState(limit: 2)
        let effects = state.reduce(.poolChanged(Installs.snapshot(3)))
        // web01 (FAI args, running) was captured at load; one slot is left for the three installs.
        #expect(state.captures[F.web]?.status == .connecting)
        #expect(Installs.started(effects) == [Installs.vm(1)])
        #expect(state.captures[Installs.vm(1)]?.status == .connecting)
        #expect(state.captures[Installs.vm(2)]?.status == .waitingForSlot)
        #expect(state.captures[Installs.vm(3)]?.status == .waitingForSlot)
        // Not captured: halted VMs, templates, the control domain.
        #expect(state.captures[F.armed] == nil && state.captures[F.custom] == nil && state.captures[F.dom0] == nil)
        #expect(state.captures.activeCount == 2)
    }

    @Test func aVerdictFreesTheSlotForTheLongestWaiting() throws {
        var state = F.capturingState(limit: 2)
        _ = state.reduce(.poolChanged(Installs.snapshot(3)))
        let id = try #require(state.captures[Installs.vm(1)]?.id)
        let effects = state.reduce(.captureAdvanced(vm: Installs.vm(1), id: id, phase: .failed(task: "instsoft"),
                                                    progress: "FAI: failed in instsoft", lastLine: "Error in task instsoft"))
        #expect(effects.contains(.endCapture(vm: Installs.vm(1), keepHistory: true)))
        #expect(Installs.started(effects) == [Installs.vm(2)])
        #expect(state.captures[Installs.vm(1)]?.status == .finished)
        #expect(state.captures[Installs.vm(1)]?.lastLine == "Error in task instsoft")
        #expect(state.captures[Installs.vm(3)]?.status == .waitingForSlot)
        // The verdict labels the VM in the VMs column although its console was never opened.
        let record = try #require(state.vms[Installs.vm(1)])
        #expect(InstallState(ref: Installs.vm(1), record: record, state: state).label == "failed (instsoft)")
    }

    @Test func progressOfABackgroundCaptureFeedsTheVMsColumn() throws {
        var state = F.capturingState(limit: 4)
        _ = state.reduce(.poolChanged(Installs.snapshot(2)))
        let id = try #require(state.captures[Installs.vm(2)]?.id)
        _ = state.reduce(.captureStatusChanged(vm: Installs.vm(2), id: id, .capturing))
        _ = state.reduce(.captureAdvanced(vm: Installs.vm(2), id: id, phase: .installing(task: "instsoft", index: 5, count: 12),
                                          progress: "FAI: instsoft (5/12)", lastLine: "Get:1 http://10.0.0.1/debian"))
        let record = try #require(state.vms[Installs.vm(2)])
        #expect(InstallState(ref: Installs.vm(2), record: record, state: state).label == "installing instsoft 5/12")
        #expect(state.captures[Installs.vm(2)]?.status == .capturing)
        #expect(state.captures[Installs.vm(2)]?.progress == "FAI: instsoft (5/12)")
        // A report of an earlier capture of the VM is ignored.
        _ = state.reduce(.captureAdvanced(vm: Installs.vm(2), id: id - 100, phase: .succeeded, progress: "", lastLine: "old"))
        #expect(state.captures[Installs.vm(2)]?.lastLine == "Get:1 http://10.0.0.1/debian")
    }

    @Test func aRefusedConsoleIsShownWithItsHolder() throws {
        var state = F.capturingState(limit: 4)
        _ = state.reduce(.poolChanged(Installs.snapshot(1)))
        let id = try #require(state.captures[Installs.vm(1)]?.id)
        _ = state.reduce(.captureStatusChanged(vm: Installs.vm(1), id: id, .refused(holder: "another console client")))
        #expect(state.captures[Installs.vm(1)]?.status == .refused(holder: "another console client"))
        #expect(state.captures[Installs.vm(1)]?.status.summary == "console refused (503): held by another console client")
        // It keeps its slot (the runtime asks again later); no second connection is started.
        #expect(Installs.started(state.reduce(.poolChanged(Installs.snapshot(1)))) == [])
    }

    @Test func openingACapturedVMShowsItsCaptureWithoutAConnectionOfItsOwn() throws {
        var state = F.capturingState(limit: 4)
        _ = state.reduce(.poolChanged(Installs.snapshot(1)))
        let id = try #require(state.captures[F.web]?.id)
        _ = state.reduce(.captureStatusChanged(vm: F.web, id: id, .capturing))
        _ = state.type("2")
        let row = try #require(state.vmList.rows.firstIndex(of: F.web))
        _ = state.type(String(repeating: "j", count: row))
        let effects = state.reduce(.keyPressed(.enter))
        #expect(effects == [.resetConsoleBuffer])
        #expect(state.console.sharesCapture)
        #expect(state.console.link == .attached(F.webConsole))
        // Input goes to the capture's connection.
        _ = state.reduce(.keyPressed(.character("i")))
        #expect(state.reduce(.keyPressed(.character("x"))) == [.sendToCapture(vm: F.web, Array("x".utf8))])
        // The capture dropping shows in the console's link.
        _ = state.reduce(.captureStatusChanged(vm: F.web, id: id, .retrying(delayMilliseconds: 500, reason: "console closed")))
        #expect(state.console.link == .retrying(delayMilliseconds: 500, reason: "console closed"))
    }

    @Test func theOpenConsoleIsCapturedBeyondTheLimitAndKeepsCapturingAfterItsVerdict() throws {
        var state = F.capturingState(limit: 1)
        _ = state.reduce(.poolChanged(Installs.snapshot(2)))
        #expect(state.captures[Installs.vm(2)]?.status == .waitingForSlot)
        // Open install-02 (waiting for a slot): it is captured at once, outside the limit.
        _ = state.type("2")
        let row = try #require(state.vmList.rows.firstIndex(of: Installs.vm(2)))
        _ = state.type(String(repeating: "j", count: row))
        let effects = state.reduce(.keyPressed(.enter))
        #expect(Installs.started(effects) == [Installs.vm(2)])
        let id = try #require(state.captures[Installs.vm(2)]?.id)
        let verdict = state.reduce(.captureAdvanced(vm: Installs.vm(2), id: id, phase: .succeeded, progress: "FAI: done", lastLine: "login:"))
        #expect(!verdict.contains(.endCapture(vm: Installs.vm(2), keepHistory: true)))
        #expect(state.captures[Installs.vm(2)]?.status == .connecting)
    }

    @Test func aHaltEndsTheCaptureAndTheNextStartIsAFreshAttemptInANewConsole() throws {
        var state = F.capturingState(limit: 4)
        _ = state.reduce(.poolChanged(Installs.snapshot(1)))
        let halted = state.reduce(.poolChanged(Installs.snapshot(1, halted: [1])))
        #expect(halted.contains(.endCapture(vm: Installs.vm(1), keepHistory: true)))
        #expect(state.captures[Installs.vm(1)]?.status == .finished)
        let restarted = state.reduce(.poolChanged(Installs.snapshot(1, domain: 20)))
        let fresh = restarted.compactMap { if case .startCapture(let vm, _, let console, let fresh) = $0, vm == Installs.vm(1) { (console.location, fresh) } else { nil } }
        #expect(fresh.count == 1)
        #expect(fresh.first?.0.hasSuffix(Installs.console(1, domain: 20).rawValue) == true)
        #expect(fresh.first?.1 == true)
    }

    @Test func aRebootFollowsTheVMToItsNewConsoleInTheSameCapture() throws {
        var state = F.capturingState(limit: 4)
        _ = state.reduce(.poolChanged(Installs.snapshot(1)))
        let id = try #require(state.captures[Installs.vm(1)]?.id)
        let effects = state.reduce(.poolChanged(Installs.snapshot(1, domain: 30)))
        let moved = effects.compactMap { if case .startCapture(let vm, let capture, let console, let fresh) = $0, vm == Installs.vm(1) { (capture, console.location, fresh) } else { nil } }
        #expect(moved.count == 1)
        #expect(moved.first?.0 == id)
        #expect(moved.first?.1.hasSuffix(Installs.console(1, domain: 30).rawValue) == true)
        #expect(moved.first?.2 == false)
    }

    @Test func aDestroyedVMsCaptureIsDropped() {
        var state = F.capturingState(limit: 4)
        _ = state.reduce(.poolChanged(Installs.snapshot(1)))
        let effects = state.reduce(.poolChanged(Installs.snapshot(0)))
        #expect(effects.contains(.endCapture(vm: Installs.vm(1), keepHistory: false)))
        #expect(state.captures[Installs.vm(1)] == nil)
    }

    @Test func vmsThisTUIStartsAreCapturedWhateverTheirArguments() throws {
        var state = F.capturingState(limit: 4)
        _ = state.type("2")
        let row = try #require(state.vmList.rows.firstIndex(of: F.unicode))
        _ = state.type(String(repeating: "j", count: row))
        #expect(state.type("s") == [.startVM(F.unicode)])
        var snapshot = F.snapshot
        snapshot.vms[F.unicode]?.powerState = .running
        snapshot.vms[F.unicode]?.domid = 7
        snapshot.vms[F.unicode]?.consoles = [Installs.console(9)]
        var console = F.webConsoleRecord
        console.vm = F.unicode
        snapshot.consoles[Installs.console(9)] = console
        #expect(Installs.started(state.reduce(.poolChanged(snapshot))) == [F.unicode])
    }

    @Test func zeroTurnsBackgroundCapturesOff() {
        var state = F.capturingState(limit: 0)
        _ = state.reduce(.poolChanged(Installs.snapshot(3)))
        #expect(state.captures.byVM.isEmpty)
    }
}
