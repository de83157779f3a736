@testable import App
import FAIControl
import FAIMonitor
import TUI
import Testing
import XMLRPC
import XenAPI

/// The fleet pane (`4`): one row per install attempt from consoles and the FAI monitor, verdicts with
/// FAI's error bands, sort, filters, marks, and `r` / `s` on the marked rows through the usual plans.
@Suite struct FleetPaneTests {
    typealias F = PoolFixture

    static let webMAC = "aa:00:00:00:00:01"
    static let abortedMAC = "aa:00:00:00:00:02"
    static let armedMAC = "aa:00:00:00:00:03"

    /// The fixture pool with a VIF per VM (MACs above).
    static var snapshot: PoolSnapshot {
        var snapshot = F.snapshot
        for (index, (vm, mac)) in [(F.web, webMAC), (F.aborted, abortedMAC), (F.armed, armedMAC)].enumerated() {
            let vif = try? VIFRecord(xmlrpc: .structure([
                "uuid": .string("vif-\(index)"), "VM": .string(vm.rawValue), "device": "0", "MAC": .string(mac),
            ]))
            snapshot.vifs[Ref("OpaqueRef:vif-\(index)")] = vif
        }
        return snapshot
    }

    /// The fixture pool with its VIFs on a screen of `size`, the fleet pane in front.
    static func state(size: Size = Size(width: 160, height: 40), backgroundCaptures: Bool = false) -> AppState {
        var state = AppState(size: size, user: "root", origin: "http://127.0.0.1:8080")
        state.fleet.monitor = MonitorFleet()
        state.fleet.monitorSource = "listening on 127.0.0.1:4711"
        // Unless asked, no background captures (web01 runs with FAI's kernel arguments): rows come
        // from what each test gives.
        if !backgroundCaptures { state.captures.limit = 0 }
        _ = state.reduce(.connectionChanged(.connected))
        _ = state.reduce(.poolChanged(snapshot))
        _ = state.type("4")
        return state
    }

    /// A monitor fleet that heard `reports` (sender, messages), one message a second from `start`.
    static func monitor(_ reports: [(String, [String])], start: Double = 1000) -> MonitorFleet {
        var fleet = MonitorFleet()
        for (sender, messages) in reports {
            for (offset, message) in messages.enumerated() {
                fleet.apply(sender: sender, message: MonitorMessage(text: message), at: start + Double(offset))
            }
        }
        return fleet
    }

    static let success = ["check", "TASKBEGIN confdir", "TASKEND confdir 0", "TASKBEGIN install", "TASKBEGIN partition",
                          "TASKEND partition 0", "TASKBEGIN instsoft", "TASKEND instsoft 0", "TASKEND install 0",
                          "TASKBEGIN faiend", "TASKEND faiend 0"]
    static func finishing(_ task: String, _ code: Int) -> [String] {
        ["check", "TASKBEGIN install", "TASKBEGIN \(task)", "TASKEND \(task) \(code)", "TASKEND install 0",
         "TASKBEGIN faiend", "TASKEND faiend 0"]
    }

    private func lines(_ state: AppState) -> [String] { AppView(state: state, console: nil).render().canvas.lines }

    private func row(_ state: AppState, _ name: String) -> FleetRow? { state.fleet.rows.first { $0.name == name } }

    @Test func monitorSendersMapToVMsByMACPxeAndNameAndUnmappedOnesShowAsSuch() throws {
        var state = Self.state()
        _ = state.reduce(.monitorChanged(Self.monitor([
            (Self.webMAC, Self.success),
            ("01-aa-00-00-00-00-02", ["check", "TASKBEGIN install", "TASKBEGIN partition"]),
            ("fai-armed", Self.finishing("instsoft", 472)),
            ("stranger", ["check", "TASKBEGIN confdir"]),
        ]), at: 1020))
        #expect(state.fleet.rows.count == 4)
        #expect(row(state, "web01")?.id == .vm(F.web))
        #expect(row(state, "web01")?.source == .monitor)
        #expect(row(state, "web01")?.host == "xs1")
        #expect(row(state, "fai-broken")?.sender == "01-aa-00-00-00-00-02", "pxe id mapped through the VIF's MAC")
        #expect(row(state, "fai-broken")?.verdict == .running)
        #expect(row(state, "fai-armed")?.verdict == .failed(task: "instsoft", code: 472, stopped: false))
        #expect(row(state, "stranger")?.id == .sender("stranger"))
        let screen = lines(state).joined(separator: "\n")
        #expect(screen.contains("stranger (unmapped)"))
        #expect(screen.contains("4 Fleet (4) · sort state ▲ · monitor listening on 127.0.0.1:4711"))
    }

    @Test func verdictsCarryFAIsErrorBands() throws {
        var state = Self.state()
        _ = state.reduce(.monitorChanged(Self.monitor([
            ("ok-host", Self.success),
            ("warn-host", Self.finishing("configure", 310)),
            ("fail-host", Self.finishing("instsoft", 472)),
            ("minor-host", Self.finishing("tests", 520)),
            ("stop-host", ["check", "TASKBEGIN install", "TASKBEGIN partition", "TASKEND partition 710"]),
        ]), at: 1100))
        #expect(row(state, "ok-host")?.band == .ok)
        #expect(row(state, "ok-host")?.verdict == .succeeded)
        #expect(row(state, "ok-host")?.phase == 18)
        #expect(row(state, "warn-host")?.verdict == .warnings(task: "configure", code: 310))
        #expect(row(state, "warn-host")?.band == .warning)
        #expect(row(state, "fail-host")?.band == .warning, "472 is below 500: fai-monitor-gui's warning band, yet a failure")
        #expect(row(state, "minor-host")?.band == .minor)
        #expect(row(state, "minor-host")?.verdict == .failed(task: "tests", code: 520, stopped: false))
        #expect(row(state, "stop-host")?.band == .error)
        #expect(row(state, "stop-host")?.verdict == .failed(task: "partition", code: 710, stopped: true))
        // Sorted by state: the failures first, then the warnings, then the successes.
        #expect(state.fleet.rows.map(\.name) == ["fail-host", "minor-host", "stop-host", "warn-host", "ok-host"])
        let screen = lines(state)
        let stopLine = try #require(screen.first { $0.contains("stop-host") })
        #expect(stopLine.contains("stopped (partition 710)") && stopLine.contains("error"), "\(stopLine)")
        let okLine = try #require(screen.first { $0.contains("ok-host") })
        #expect(okLine.contains("██████████ 18/18") && okLine.contains(" ok "), "\(okLine)")
    }

    @Test func consoleAndMonitorMergeAndABootFailureOnlyTheConsoleSawWins() throws {
        var state = Self.state()
        let domain = try #require(state.vms[F.web]?.domid)
        state.phases[F.web] = AttemptPhase(domain: domain, phase: .installing(task: "instsoft", index: 12, count: 18))
        _ = state.reduce(.monitorChanged(Self.monitor([(Self.webMAC, ["check", "TASKBEGIN install", "TASKBEGIN partition"])]), at: 1010))
        #expect(row(state, "web01")?.source == .both)
        #expect(row(state, "web01")?.phase == 12, "the furthest phase of either source")
        #expect(row(state, "web01")?.task == "partition")
        state.phases[F.web] = AttemptPhase(domain: domain, phase: .noBoot)
        _ = state.reduce(.clockTicked(1011))
        #expect(row(state, "web01")?.verdict == .noBoot)
        #expect(FleetRow.Verdict.noBoot.label == "no-boot")
    }

    @Test func sortCyclesThroughStateNameAndElapsedShownInTheHeader() throws {
        var state = Self.state()
        _ = state.reduce(.monitorChanged(Self.monitor([
            ("b-host", Self.success), ("a-host", Self.finishing("instsoft", 472)),
        ], start: 1000), at: 1000))
        _ = state.reduce(.monitorChanged(
            { var fleet = state.fleet.monitor!; fleet.apply(sender: "c-host", message: .check, at: 1050); return fleet }(), at: 1100))
        #expect(state.fleet.rows.map(\.name) == ["a-host", "c-host", "b-host"], "failed, running, ok")
        #expect(lines(state)[2].contains("VERDICT ▲"))
        _ = state.type(">")
        #expect(state.fleet.sort == .name)
        #expect(state.fleet.rows.map(\.name) == ["a-host", "b-host", "c-host"])
        #expect(lines(state)[2].hasPrefix("VM ▲"))
        _ = state.type(">")
        #expect(state.fleet.sort == .elapsed)
        #expect(state.fleet.rows.first?.name == "c-host", "running for 50 s, the others took 10 and 6")
        #expect(lines(state)[2].contains("ELAPSED ▲"))
        _ = state.type("I")
        #expect(state.fleet.rows.last?.name == "c-host")
        #expect(lines(state)[1].contains("sort elapsed ▼"))
        _ = state.type(">")
        #expect(state.fleet.sort == .state)
    }

    @Test func stateFilterKeyAndSlashFilterNarrowTheRowsAndEscClearsThem() {
        var state = Self.state()
        _ = state.reduce(.monitorChanged(Self.monitor([
            ("ok-host", Self.success), ("fail-host", Self.finishing("instsoft", 472)),
            ("run-host", ["check", "TASKBEGIN install"]),
        ]), at: 1100))
        _ = state.type("f")
        #expect(state.fleet.stateFilter == .active)
        #expect(state.fleet.rows.map(\.name) == ["run-host"])
        _ = state.type("f")
        #expect(state.fleet.rows.map(\.name) == ["fail-host"])
        #expect(lines(state)[1].contains("show failed"))
        _ = state.type("f")
        #expect(state.fleet.rows.map(\.name) == ["ok-host"])
        _ = state.type("f/")
        #expect(state.fleet.isEditingFilter)
        _ = state.reduce(.keyPressed(.paste("state:fail")))
        #expect(state.fleet.rows.map(\.name) == ["fail-host"])
        _ = state.reduce(.keyPressed(.enter))
        _ = state.type("4")  // keys act again once the filter is kept
        #expect(state.pane == .fleet)
        _ = state.reduce(.keyPressed(.escape))
        #expect(state.fleet.filter.text.isEmpty)
        #expect(state.fleet.rows.count == 3)
    }

    @Test func markedFailedRowsAreRearmedWithOneConfirmationAndAPlanEachThenStarted() throws {
        var state = Self.state()
        _ = state.reduce(.monitorChanged(Self.monitor([
            (Self.abortedMAC, Self.finishing("instsoft", 472)), (Self.armedMAC, Self.finishing("partition", 0)),
            (Self.webMAC, Self.finishing("configure", 420)),
        ]), at: 1100))
        _ = state.type("f")  // running
        _ = state.type("f")  // failed
        #expect(Set(state.fleet.rows.map(\.name)) == ["fai-broken", "web01"])
        _ = state.type("*")
        #expect(state.fleet.marked == [F.aborted, F.web])
        let hints = KeyMap.hints(for: state).map(\.keys)
        #expect(hints.contains("2 marked:"))
        #expect(state.type("r").isEmpty, "r asks first")
        let confirmation = try #require(state.confirmation, "no confirmation: \(String(describing: state.overlay))")
        #expect(confirmation.question.contains("Rearm 2 of 2 marked VMs"))
        #expect(confirmation.question.contains("fai-broken: PV-bootloader pygrub → eliloader"))
        #expect(confirmation.question.contains("web01: hard shutdown (running), then PV-bootloader pygrub → eliloader"))
        #expect(confirmation.question.contains("xe vm-param-set uuid=v-0002 PV-bootloader=eliloader"))
        let effects = state.type("y")
        guard case .batch(let steps) = try #require(effects.first) else {
            Issue.record("expected one batch, got \(effects)")
            return
        }
        let rearmed = steps.compactMap { step -> String? in
            if case .rearm(let plan) = step { return plan.changes.target.nameLabel }
            return nil
        }
        #expect(rearmed == ["fai-broken", "web01"], "one rearm (one change set) per VM, in display order")
        // The failed reports belong to the previous attempt now: the rows wait for the next one.
        _ = state.reduce(.clockTicked(1200))
        #expect(state.fleet.rows.isEmpty, "the failed filter hides the waiting rows")
        _ = state.type("ff")  // ok, then all
        #expect(state.fleet.stateFilter == .all)
        #expect(state.fleet.rows.first { $0.name == "fai-broken" }?.verdict == .waiting)
        // Halted and armed now (as the pool reports): s starts both, once confirmed.
        var snapshot = F.snapshot
        for ref in [F.aborted, F.web] {
            snapshot.vms[ref]?.powerState = .halted
            snapshot.vms[ref]?.domid = -1
            snapshot.vms[ref]?.pvBootloader = "eliloader"
        }
        snapshot.vifs = [:]
        _ = state.reduce(.poolChanged(snapshot))
        _ = state.type("s")
        guard case .confirm(let start) = state.overlay else {
            Issue.record("no start confirmation")
            return
        }
        #expect(start.question.contains("Start 2 of 2 marked VMs"))
        #expect(start.effect == .batch([.startVM(F.aborted), .startVM(F.web)]))
    }

    @Test func enterOpensTheVMsConsoleAndAnUnmappedSenderSaysWhy() {
        var state = Self.state(backgroundCaptures: true)
        _ = state.reduce(.monitorChanged(Self.monitor([(Self.webMAC, ["check"]), ("stranger", ["check"])]), at: 1001))
        _ = state.type(">g")  // by name: stranger, web01; the top row
        #expect(state.fleet.selected?.name == "stranger")
        _ = state.reduce(.keyPressed(.enter))
        #expect(state.pane == .fleet)
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.contains("maps to no VM") == true)
        _ = state.type("jd")
        #expect(state.overlay == .details(F.web))
        _ = state.reduce(.keyPressed(.escape))
        let effects = state.reduce(.keyPressed(.enter))
        #expect(state.pane == .console)
        #expect(state.console.vm == F.web)
        // web01 runs an install: its console is its background capture (history since capture
        // began), not a connection of its own.
        #expect(state.captures[F.web] != nil)
        #expect(!effects.contains { if case .startCapture = $0 { true } else { false } })
    }

    @Test func aHostNameTheConsolePrintedMapsAHostSender() {
        var state = Self.state()
        _ = state.reduce(.monitorChanged(Self.monitor([("node7", ["check", "TASKBEGIN confdir"])]), at: 1001))
        #expect(state.fleet.rows.first?.id == .sender("node7"))
        _ = state.reduce(.consoleHostNameRead(vm: F.aborted, name: "node7"))
        #expect(state.fleet.rows.first?.id == .vm(F.aborted))
        #expect(state.fleet.rows.first?.name == "fai-broken")
    }

    @Test func anAttemptBegunHereCountsElapsedTimeUntilItsVerdict() throws {
        var state = Self.state()
        _ = state.reduce(.clockTicked(5000))
        _ = state.type("2")
        while state.vmList.selected != F.armed { _ = state.type("j") }
        let effects = state.type("s")
        #expect(effects == [.startVM(F.armed)])
        _ = state.type("4")
        #expect(row(state, "fai-armed")?.verdict == .waiting)
        #expect(row(state, "fai-armed")?.source == FleetRow.Source.none)
        _ = state.reduce(.clockTicked(5075))
        #expect(row(state, "fai-armed")?.elapsed == 75)
        #expect(lines(state).contains { $0.contains("fai-armed") && $0.contains("1:15") && $0.contains("waiting") })
        // Monitor reports from before the start are an earlier attempt's: ignored.
        _ = state.reduce(.monitorChanged(Self.monitor([(Self.armedMAC, Self.finishing("instsoft", 472))], start: 4000), at: 5076))
        #expect(row(state, "fai-armed")?.verdict == .waiting)
        _ = state.reduce(.monitorChanged(Self.monitor([(Self.armedMAC, Self.success)], start: 5080), at: 5100))
        #expect(row(state, "fai-armed")?.verdict == .succeeded)
        #expect(row(state, "fai-armed")?.elapsed == 10, "from its check to faiend's end")
    }

    @Test func narrowTerminalsDropColumnsByPriorityKeepingNameAndVerdict() throws {
        for (width, absent, present) in [
            (160, [String](), ["HOST", "SOURCE", "LAST LINE", "BAND", "ELAPSED", "TASK", "PROGRESS"]),
            (100, ["SOURCE", "HOST", "LAST LINE"], ["BAND", "ELAPSED", "TASK", "PROGRESS"]),
            (60, ["SOURCE", "HOST", "LAST LINE", "BAND", "ELAPSED"], ["TASK", "PROGRESS"]),
            (40, ["TASK", "PROGRESS", "ELAPSED"], []),
        ] {
            var state = Self.state(size: Size(width: width, height: 24))
            _ = state.reduce(.monitorChanged(Self.monitor([("stop-host", ["check", "TASKBEGIN partition", "TASKEND partition 710"])]), at: 1010))
            let screen = lines(state)
            let header = try #require(screen.first { $0.hasPrefix("VM") })
            for title in absent { #expect(!header.contains(title), "\(width) columns: \(header)") }
            for title in present + ["VM", "VERDICT"] { #expect(header.contains(title), "\(width) columns: \(header)") }
            #expect(screen.contains { $0.contains("stop-host") && $0.contains("stopped") }, "\(width): \(screen)")
        }
    }
}

/// `n` and `r` offer the monitor arguments when a monitor is configured, as `install --monitor` and
/// `rearm --monitor` add them: shown in the form and the plan, and the operator may leave them out.
@Suite struct MonitorArgumentsOfferTests {
    typealias F = PoolFixture
    static let target = MonitorKernelArguments(server: "10.0.0.5", port: 4711)
    static let words = "monserver=10.0.0.5 FAI_MONITOR_PORT=4711 FAI_SENDID=mac"

    private func state() -> AppState {
        var state = F.loadedState
        state.fleet.monitorTarget = Self.target
        return state
    }

    private func install(_ effects: [Effect]) -> InstallRequest? {
        for case .install(let request, _, _) in effects { return request }
        return nil
    }

    @Test func newInstallOffersTheMonitorArgumentsAndCanLeaveThemOut() throws {
        var state = state()
        _ = state.type("1n")
        guard case .prompt(let form) = state.overlay else {
            Issue.record("no form")
            return
        }
        #expect(form.fields.last?.label == "Monitor")
        #expect(form.fields.last?.input.text == "‹ add \(Self.words) ›")
        let screen = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(screen.contains("Monitor"), "\(screen)")
        var taking = state
        let request = try #require(install(taking.reduce(.keyPressed(.enter))))
        #expect(request.monitor == Self.target)
        // Tab to the Monitor field, → picks "no monitor".
        let monitorField = try #require(form.fields.firstIndex { $0.label == "Monitor" })
        for _ in 0..<monitorField { _ = state.reduce(.keyPressed(.tab)) }
        _ = state.reduce(.keyPressed(.right))
        let without = try #require(install(state.reduce(.keyPressed(.enter))))
        #expect(without.monitor == nil)
        // Without a monitor configured the form has no such field.
        var plain = F.loadedState
        _ = plain.type("1n")
        if case .prompt(let form) = plain.overlay { #expect(!form.fields.contains { $0.label == "Monitor" }) }
    }

    @Test func rearmShowsThePlanWithTheMonitorArgumentsAndWLeavesThemOut() throws {
        var state = state()
        _ = state.type("2j")  // fai-broken: halted, PV-args dropped
        #expect(state.vmList.selected == F.aborted)
        #expect(state.type("r").isEmpty, "the offer is shown first")
        let confirmation = try #require(state.confirmation, "no confirmation")
        #expect(confirmation.question.contains("The PV-args gain \(Self.words)"))
        #expect(confirmation.question.contains("xe vm-param-set uuid=v-0002 PV-bootloader=eliloader"))
        #expect(confirmation.question.contains("FAI_ACTION=install \(Self.words)"))
        let footer = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(footer.contains("w without monitor args"))
        var taking = state
        guard case .rearm(let plan) = try #require(taking.type("y").first) else {
            Issue.record("y does not rearm")
            return
        }
        #expect(plan.changes.changes.first { $0.parameter == .pvArgs }?.new == F.faiArgs + " " + Self.words)
        guard case .rearm(let bare) = try #require(state.type("w").first) else {
            Issue.record("w does not rearm")
            return
        }
        #expect(bare.changes.changes.first { $0.parameter == .pvArgs }?.new == F.faiArgs, "restored from the template, no monitor words")
    }

    @Test func markedRearmOffersTheMonitorArgumentsForTheWholeBatch() throws {
        var state = state()
        _ = state.type("2")
        _ = state.type(" ")  // fai-armed
        _ = state.type(" ")  // fai-broken
        _ = state.type("r")
        let confirmation = try #require(state.confirmation, "no confirmation")
        #expect(confirmation.question.contains("Rearm 2 of 2 marked VMs"))
        #expect(confirmation.question.contains("The PV-args gain \(Self.words)"))
        let alternative = try #require(confirmation.alternative)
        #expect(alternative.key == "w")
        // Without the monitor words fai-armed is armed already: only fai-broken is rearmed.
        guard case .rearm(let plan) = alternative.effect else {
            Issue.record("the alternative is \(alternative.effect)")
            return
        }
        #expect(plan.changes.target.nameLabel == "fai-broken")
        guard case .batch(let both) = confirmation.effect else {
            Issue.record("y does not rearm both")
            return
        }
        #expect(both.count == 2)
    }
}

/// Background console captures feed the fleet rows: their VMs are attempts, their last line shows,
/// and a console xapi refused says so while the monitor carries the row.
@Suite struct FleetCaptureTests {
    typealias F = PoolFixture

    @Test func capturedConsolesGiveRowsTheirLastLineAndARefusalIsShown() throws {
        var state = FleetPaneTests.state()
        var capture = BackgroundCaptureState(status: .capturing, id: 1, seen: 0)
        capture.lastLine = "Calling task_instsoft"
        state.captures.byVM[F.web] = capture
        _ = state.reduce(.clockTicked(2000))
        let row = try #require(state.fleet.rows.first { $0.id == .vm(F.web) })
        #expect(row.source == .console)
        #expect(row.lastLine == "Calling task_instsoft")
        #expect(row.verdict == .waiting)

        capture.status = .refused(holder: "XenCenter on 10.0.0.9")
        state.captures.byVM[F.web] = capture
        _ = state.reduce(.monitorChanged(FleetPaneTests.monitor([(FleetPaneTests.webMAC, ["check", "TASKBEGIN partition"])]), at: 2001))
        let refused = try #require(state.fleet.rows.first { $0.id == .vm(F.web) })
        #expect(refused.lastLine == "console refused (503): held by XenCenter on 10.0.0.9 · TASKBEGIN partition")
        #expect(refused.verdict == .running)
        let screen = AppView(state: state, console: nil).render().canvas.lines
        #expect(screen.contains { $0.contains("web01") && $0.contains("console refused (503)") }, "\(screen)")
    }
}

extension FleetCaptureTests {
    @Test func aPanicReadAfterTheDomainHaltedIsStillThatAttemptsNoBoot() throws {
        var state = FleetPaneTests.state()
        state.captures.byVM[F.web] = BackgroundCaptureState(status: .capturing, id: 7, seen: 0)
        _ = state.reduce(.captureAdvanced(vm: F.web, id: 7, CaptureReading(
            phase: .installing(task: "initramfs", index: 2, count: 18), progress: "",
            lastLine: "Begin: Mounting root file system... ...", hasFAIStarted: false)))
        // The simulator halts the panicked domain; the panic's line is read after the halt.
        var snapshot = FleetPaneTests.snapshot
        snapshot.vms[F.web]?.powerState = .halted
        snapshot.vms[F.web]?.domid = -1
        _ = state.reduce(.poolChanged(snapshot))
        _ = state.reduce(.captureAdvanced(vm: F.web, id: 7, CaptureReading(
            phase: .noBoot, progress: "", lastLine: "Kernel panic - not syncing: Attempted to kill init!", hasFAIStarted: false)))
        let row = try #require(state.fleet.rows.first { $0.id == .vm(F.web) })
        #expect(row.verdict == .noBoot)
        #expect(row.lastLine.hasPrefix("Kernel panic"))
    }

    @Test func theCaptureOfThePreviousAttemptDoesNotSpeakForARearmedVM() throws {
        var state = FleetPaneTests.state()
        var capture = BackgroundCaptureState(status: .finished, id: 3, seen: 0)
        capture.lastLine = "Press <RETURN> to reboot."
        state.captures.byVM[F.aborted] = capture
        _ = state.type("2j")
        #expect(state.vmList.selected == F.aborted)
        _ = state.type("r")  // halted: rearmed at once
        _ = state.type("4")
        let row = try #require(state.fleet.rows.first { $0.id == .vm(F.aborted) })
        #expect(row.verdict == .waiting)
        #expect(row.lastLine.isEmpty, "\(row.lastLine)")
        #expect(row.source == FleetRow.Source.none)
    }
}

extension FleetCaptureTests {
    @Test func aCaptureThatEndedOnAnInstalledSystemIsNoRow() {
        var state = FleetPaneTests.state()
        var capture = BackgroundCaptureState(status: .finished, id: 2, seen: 0)
        capture.lastLine = "web01 login:"
        state.captures.byVM[F.web] = capture
        _ = state.reduce(.clockTicked(3000))
        #expect(state.fleet.rows.isEmpty)
        capture.phase = .succeeded
        state.captures.byVM[F.web] = capture
        _ = state.reduce(.clockTicked(3001))
        #expect(state.fleet.rows.map(\.id) == [.vm(F.web)])
    }
}
