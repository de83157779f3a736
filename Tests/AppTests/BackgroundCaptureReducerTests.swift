@testable import App
import FAIControl
import TUI
import Testing
import XenAPI

private typealias F = PoolFixture

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
        let effects = state.reduce(.captureAdvanced(vm: Installs.vm(1), id: id, CaptureReading(phase: .failed(task: "instsoft"), progress: "FAI: failed in instsoft", lastLine: "Error in task instsoft")))
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
        _ = state.reduce(.captureAdvanced(vm: Installs.vm(2), id: id, CaptureReading(phase: .installing(task: "instsoft", index: 5, count: 12), progress: "FAI: instsoft (5/12)", lastLine: "Get:1 http://10.0.0.1/debian")))
        let record = try #require(state.vms[Installs.vm(2)])
        #expect(InstallState(ref: Installs.vm(2), record: record, state: state).label == "installing instsoft 5/12")
        #expect(state.captures[Installs.vm(2)]?.status == .capturing)
        #expect(state.captures[Installs.vm(2)]?.progress == "FAI: instsoft (5/12)")
        // A report of an earlier capture of the VM is ignored.
        _ = state.reduce(.captureAdvanced(vm: Installs.vm(2), id: id - 100, CaptureReading(phase: .succeeded, progress: "", lastLine: "old")))
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
        let verdict = state.reduce(.captureAdvanced(vm: Installs.vm(2), id: id, CaptureReading(phase: .succeeded, progress: "FAI: done", lastLine: "login:")))
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
        let fresh = restarted.compactMap { if case .startCapture(let vm, _, let fresh) = $0, vm == Installs.vm(1) { fresh } else { nil } }
        #expect(fresh == [true])
        #expect(state.captures[Installs.vm(1)]?.console == Installs.console(1, domain: 20))
    }

    @Test func aRebootFollowsTheVMToItsNewConsoleInTheSameCapture() throws {
        var state = F.capturingState(limit: 4)
        _ = state.reduce(.poolChanged(Installs.snapshot(1)))
        let id = try #require(state.captures[Installs.vm(1)]?.id)
        // The capture's follower attaches to the new console itself: no new capture is started.
        let effects = state.reduce(.poolChanged(Installs.snapshot(1, domain: 30)))
        #expect(Installs.started(effects) == [])
        #expect(state.captures[Installs.vm(1)]?.id == id)
        #expect(state.captures[Installs.vm(1)]?.console == Installs.console(1, domain: 30))
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

    @Test func aBootBeforeFAIsBannerIsNotCalledAnInstallAndALoginPromptEndsTheCapture() throws {
        // web01 runs on pygrub with FAI's kernel args: an install, or its installed system booting?
        var state = F.capturingState(limit: 4)
        let id = try #require(state.captures[F.web]?.id)
        let record = try #require(state.vms[F.web])
        _ = state.reduce(.captureAdvanced(vm: F.web, id: id, CaptureReading(
            phase: .installing(task: "nfsrootInit", index: 3, count: 18), progress: "FAI: nfsrootInit", lastLine: "INIT: version 2.86 booting",
            hasFAIStarted: false)))
        #expect(state.phases[F.web] == nil)
        #expect(InstallState(ref: F.web, record: record, state: state).label == "installed")
        let effects = state.reduce(.captureAdvanced(vm: F.web, id: id, CaptureReading(
            phase: .installing(task: "nfsrootInit", index: 3, count: 18), progress: "", lastLine: "web01 login:",
            hasFAIStarted: false, showsInstalledSystem: true)))
        #expect(effects.contains(.endCapture(vm: F.web, keepHistory: true)))
        #expect(state.captures[F.web]?.status == .finished)
        #expect(InstallState(ref: F.web, record: record, state: state).label == "installed")
        // Once FAI's banner was seen the same stage counts.
        var other = F.capturingState(limit: 4)
        let otherID = try #require(other.captures[F.web]?.id)
        _ = other.reduce(.captureAdvanced(vm: F.web, id: otherID, CaptureReading(
            phase: .installing(task: "confdir", index: 4, count: 18), progress: "FAI: confdir", lastLine: "Calling task_confdir")))
        #expect(InstallState(ref: F.web, record: record, state: other).label == "installing confdir 4/18")
    }
}
