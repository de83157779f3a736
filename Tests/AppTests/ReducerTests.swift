@testable import App
import FAIControl
import Terminal
import TUI
import Testing
import XenAPI

@Suite struct ReducerTests {
    typealias F = PoolFixture

    @Test func poolLoadListsTemplatesCustomFirstAndHidesControlDomainsAndSnapshots() {
        let state = F.loadedState
        #expect(state.templates.rows == [F.custom, F.squeeze])
        #expect(state.vmList.rows == [F.armed, F.aborted, F.web, F.unicode])
        #expect(state.poolName == "lab")
        #expect(state.hosts == [F.host: "xs1"])
    }

    @Test func tabAndDigitsSwitchPanes() {
        var state = F.loadedState
        var expected = state
        #expect(state.reduce(.keyPressed(.tab)) == [])
        expected.pane = .vms
        #expect(state == expected)
        #expect(state.reduce(.keyPressed(.backTab)) == [])
        expected.pane = .templates
        #expect(state == expected)
        #expect(state.type("3") == [])
        expected.pane = .console
        #expect(state == expected)
    }

    @Test func slashFiltersIncrementallyAndEscClears() {
        var state = F.loadedState
        _ = state.type("2")
        let unfiltered = state
        #expect(state.type("/fai-") == [])
        var expected = unfiltered
        expected.vmList.isEditingFilter = true
        expected.vmList.filter = TextInput("fai-")
        expected.vmList.rows = [F.armed, F.aborted]
        #expect(state == expected)
        _ = state.reduce(.keyPressed(.enter))
        expected.vmList.isEditingFilter = false
        #expect(state == expected)
        _ = state.reduce(.keyPressed(.escape))
        #expect(state == unfiltered)
    }

    @Test func movingSelectionClampsAtTheEnds() {
        var state = F.loadedState
        _ = state.type("2")
        _ = state.type("jjjjjjj")
        #expect(state.vmList.position == ListPosition(selection: 3, offset: 0))
        _ = state.type("g")
        #expect(state.vmList.selected == F.armed)
        _ = state.type("G")
        #expect(state.vmList.selected == F.unicode)
    }

    @Test func rearmOnAHaltedVMAppliesAtOnce() {
        var state = F.loadedState
        _ = state.type("2j")
        var expected = state
        let effects = state.type("r")
        #expect(rearmed(effects) == [F.aborted.rawValue])
        #expect(effects.first.map { if case .rearm(let plan) = $0 { !plan.shutsDownFirst } else { false } } == true)
        expected.status = StatusMessage("rearming fai-broken…")
        // The rearm begins an install attempt: the fleet pane (4) has a row for it.
        #expect(state.fleet.rows.map(\.id) == [.vm(F.aborted)])
        expected.fleet = state.fleet
        #expect(state == expected)
    }

    @Test func rearmOnARunningVMAsksForAHardShutdownFirst() {
        var state = F.loadedState
        _ = state.type("2jj")
        #expect(state.vmList.selected == F.web)
        #expect(state.type("r") == [])
        guard case .confirm(let confirmation) = state.overlay, case .rearm(let plan) = confirmation.effect else {
            Issue.record("no rearm confirmation")
            return
        }
        let effect = confirmation.effect
        #expect(confirmation.question == "web01 is running: hard shutdown and rearm?")
        #expect(plan.shutsDownFirst && plan.changes.target.ref == F.web.rawValue)
        var expected = state
        #expect(state.type("y") == [effect])
        expected.overlay = nil
        expected.status = StatusMessage("working…")
        // The rearm begins an install attempt: the fleet pane (4) has a row for it.
        #expect(state.fleet.rows.map(\.id) == [.vm(F.web)])
        expected.fleet = state.fleet
        #expect(state == expected)
    }

    @Test func rearmOnAnArmedVMSaysSoAndWritesNothing() {
        var state = F.loadedState
        _ = state.type("2")
        var expected = state
        #expect(state.type("r") == [])
        expected.status = StatusMessage("fai-armed is already armed: it installs on next start")
        #expect(state == expected)
    }

    @Test func rearmOnAVMOnEliloaderWithDroppedPVArgsRestoresThem() {
        // The XenCenter bug: armed by bootloader and install-distro, but the FAI kernel args are gone,
        // so the installer would not find its root. Not armed: r writes, and the column says why.
        var snapshot = F.snapshot
        snapshot.vms[F.armed]?.pvArgs = ""
        snapshot.vms[F.armed]?.otherConfig["base_template_name"] = "FAI bookworm"
        var state = F.loadedState
        _ = state.reduce(.poolChanged(snapshot))
        _ = state.type("2")
        let record = state.vms[F.armed]
        #expect(record.map { InstallState(ref: F.armed, record: $0, state: state).label } == "half-armed: PV-args (r)")
        var expected = state
        #expect(rearmed(state.type("r")) == [F.armed.rawValue])
        expected.status = StatusMessage("rearming fai-armed…")
        // The rearm begins an install attempt: the fleet pane (4) has a row for it.
        #expect(state.fleet.rows.map(\.id) == [.vm(F.armed)])
        expected.fleet = state.fleet
        #expect(state == expected)
    }

    @Test func enterOnARunningVMOpensItsConsoleOnACaptureOfIt() throws {
        // Background captures off: the open console is captured all the same (by the shared follower).
        var state = F.loadedState
        _ = state.type("2jj")
        let before = state
        let effects = state.reduce(.keyPressed(.enter))
        #expect(effects == [.resetConsoleBuffer, .startCapture(vm: F.web, id: 1, freshAttempt: false)])
        var expected = before
        expected.pane = .console
        expected.console.vm = F.web
        expected.console.lastSeen = before.vms[F.web]
        expected.console.link = .connecting(F.webConsole)
        #expect(state.console == expected.console)
        #expect(state.captures[F.web]?.status == .connecting)
        _ = state.reduce(.captureStatusChanged(vm: F.web, id: 1, .capturing))
        expected.console.link = .attached(F.webConsole)
        #expect(state.console == expected.console)
        // Reports of another capture change nothing.
        _ = state.reduce(.captureStatusChanged(vm: F.web, id: 7, .retrying(delayMilliseconds: 250, reason: "stale")))
        #expect(state.console.link == .attached(F.webConsole))
    }

    @Test func aHaltedVMsConsoleAttachesWhenItStartsAndMarksTheStart() {
        var state = F.loadedState
        _ = state.type("2j")
        #expect(state.type("c") == [.resetConsoleBuffer])
        #expect(state.console.link == .waitingForPowerOn)
        var started = F.snapshot
        started.vms[F.aborted]?.powerState = .running
        started.vms[F.aborted]?.residentOn = F.host
        started.vms[F.aborted]?.consoles = [F.webConsole]
        let effects = state.reduce(.poolChanged(started))
        #expect(effects == [.startCapture(vm: F.aborted, id: 1, freshAttempt: false), .restartInstallProgress, .markConsole("VM started on xs1")])
        #expect(state.console.link == .connecting(F.webConsole))
    }

    @Test func eliloaderSwitchingToPygrubIsMarkedInTheConsole() {
        var state = F.loadedState
        _ = state.type("2")
        _ = state.type("c")
        var switched = F.snapshot
        switched.vms[F.armed]?.pvBootloader = "pygrub"
        #expect(state.reduce(.poolChanged(switched)) == [.markConsole("bootloader switched to pygrub by eliloader")])
    }

    @Test func aDroppedConsoleShowsItsFollowersBackoffAndReattach() throws {
        var state = F.webConsoleOpen()
        let id = try #require(state.captures[F.web]?.id)
        #expect(state.reduce(.captureStatusChanged(vm: F.web, id: id, .retrying(delayMilliseconds: 500, reason: "reset"))) == [])
        #expect(state.console.link == .retrying(delayMilliseconds: 500, reason: "reset"))
        _ = state.reduce(.captureStatusChanged(vm: F.web, id: id, .connecting))
        #expect(state.console.link == .connecting(F.webConsole))
        _ = state.reduce(.captureStatusChanged(vm: F.web, id: id, .capturing))
        #expect(state.console.link == .attached(F.webConsole))
    }

    @Test func editShowsThePlanAndYApplies() {
        var state = F.loadedState
        _ = state.type("2j")
        _ = state.type("e")
        guard case .editForm(let form) = state.overlay else {
            Issue.record("no edit form")
            return
        }
        #expect(form.fields.map(\.parameter.xeName).prefix(3) == ["PV-args", "PV-bootloader", "other-config:install-repository"])
        _ = state.type("console=hvc0")
        _ = state.reduce(.keyPressed(.enter))
        guard let record = state.vms[F.aborted] else { return }
        let plan = ChangePlan(ref: F.aborted, record: record, requested: [ParamChange(.pvArgs, "console=hvc0")])
        #expect(state.overlay == .plan(plan))
        #expect(plan.xeCommands == ["xe vm-param-set uuid=v-0002 PV-args=console=hvc0"])
        #expect(state.type("y") == [.applyPlan(plan)])
        #expect(state.overlay == nil)
    }

    @Test func newInstallAsksForANameThenCreatesStartsAndWatches() {
        var state = F.loadedState
        #expect(state.type("n") == [])
        guard case .prompt(let form) = state.overlay, case .newInstall(template: F.custom) = form.purpose else {
            Issue.record("no new-install form: \(String(describing: state.overlay))")
            return
        }
        #expect(form.text(0) == "fai-bookworm-01")
        let install = state.reduce(.keyPressed(.enter))
        guard case .install(let request, let template, let record) = install.first else {
            Issue.record("no install effect: \(install)")
            return
        }
        #expect(request.name == "fai-bookworm-01" && template == F.custom && record == F.snapshot.vms[F.custom])
        let effects = state.reduce(.installCreated(vm: F.aborted, OperationOutcome(summary: "created fai-bookworm-01")))
        #expect(effects == [.resetConsoleBuffer, .startVM(F.aborted)])
        #expect(state.pane == .console)
        #expect(state.console.link == .waitingForPowerOn)
    }

    @Test func consoleSearchIsIncrementalAndNStepsThroughMatches() {
        var state = F.webConsoleOpen(attached: false)
        _ = state.reduce(.consoleAdvanced(lineCount: 100, phase: .unknown, progress: ""))
        #expect(state.type("/ta") == [.searchConsole("t"), .searchConsole("ta")])
        let matches = [SearchMatch(line: 10, columns: 0..<2), SearchMatch(line: 90, columns: 4..<6)]
        _ = state.reduce(.consoleSearched(needle: "ta", matches: matches))
        #expect(state.console.search?.current == 1)
        _ = state.reduce(.keyPressed(.enter))
        _ = state.type("n")
        #expect(state.console.search?.current == 0)
        #expect(state.console.isFollowing == false)
        #expect(state.console.scrollBack == 100 - 20 - (10 - 20 / 3))
        _ = state.type("N")
        #expect(state.console.search?.current == 1)
    }

    @Test func inputModeSendsKeysAndCtrlBracketLeaves() {
        var state = F.webConsoleOpen()
        #expect(state.reduce(.keyPressed(.enter)) == [])
        #expect(state.console.isInputMode)
        #expect(state.type("q") == [.sendToCapture(vm: F.web, [0x71])])
        #expect(state.reduce(.keyPressed(.up)) == [.sendToCapture(vm: F.web, [0x1B, 0x5B, 0x41])])
        #expect(state.reduce(.keyPressed(.paste("ls\n"))) == [.sendToCapture(vm: F.web, [0x6C, 0x73, 0x0D])])
        #expect(state.reduce(.keyPressed(.control("]"))) == [])
        #expect(!state.console.isInputMode)
        #expect(state.isRunning)
    }

    @Test func errorsStayUntilDismissed() {
        var state = F.loadedState
        _ = state.reduce(.operationFailed("the VM is running, but this needs it halted"))
        _ = state.type("j")
        #expect(state.status?.kind == .error)
        _ = state.reduce(.keyPressed(.escape))
        #expect(state.status == nil)
    }

    @Test func qQuitsAndClosesTheConsole() {
        var state = F.loadedState
        var expected = state
        #expect(state.type("q") == [.quit])
        expected.isRunning = false
        #expect(state == expected)
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var state = F.loadedState
        _ = state.type("2G")
        _ = state.reduce(.resized(Size(width: 40, height: 6)))
        #expect(state.layout.listRows == 2)
        #expect(state.vmList.position == ListPosition(selection: 3, offset: 2))
    }
}

@Suite struct ReducerActionTests {
    typealias F = PoolFixture

    @Test func hardShutdownAsksFirstAndYConfirms() {
        var state = F.loadedState
        _ = state.type("2jj")
        #expect(state.type("S") == [])
        #expect(state.overlay == .confirm(Confirmation(
            question: "Hard shutdown of web01? Unsaved guest state is lost.", effect: .hardShutdownVM(F.web))))
        var expected = state
        #expect(state.reduce(.keyPressed(.escape)) == [])
        expected.overlay = nil
        #expect(state == expected)
    }

    @Test func startPreflightAndUndoAskTheRunner() {
        var state = F.loadedState
        _ = state.type("2j")
        #expect(state.type("s") == [.startVM(F.aborted)])
        #expect(state.type("p") == [.preflight(F.aborted)])
        #expect(state.type("u") == [.undo(nil)])
        #expect(state.status == StatusMessage("undoing the newest change set…"))
    }

    @Test func startingATemplateIsRefusedWithAHint() {
        var state = F.loadedState
        #expect(state.type("s") == [])
        #expect(state.status == StatusMessage("FAI bookworm is a template: n makes a VM from it", kind: .error))
    }

    @Test func outcomesShowTheirXeCommandsInTheStatusBar() {
        var state = F.loadedState
        _ = state.reduce(.operationSucceeded(OperationOutcome(
            summary: "rearmed fai-broken", xeCommands: ["xe vm-param-set uuid=v-0002 PV-bootloader=eliloader"])))
        #expect(state.status?.line == "rearmed fai-broken  ⟶  xe vm-param-set uuid=v-0002 PV-bootloader=eliloader")
        #expect(state.status?.kind == .success)
    }

    @Test func preflightResultOpensAReport() {
        var state = F.loadedState
        let report = PreflightReport(target: "fai-broken", uuid: "v-0002", checks: [PreflightCheck("kernel URL", .fail, "404")])
        _ = state.reduce(.preflightCompleted(vm: F.aborted, report))
        #expect(state.overlay == .preflight(name: "fai-broken", report))
        _ = state.reduce(.keyPressed(.escape))
        #expect(state.overlay == nil)
    }

    @Test func saveAndCopyAreConsoleEffects() {
        var state = F.webConsoleOpen(attached: false)
        #expect(state.type("L") == [.saveConsoleCapture(vmName: "web01")])
        #expect(state.type("Y") == [.copyConsoleText(matchLine: nil, scrollBack: 0)])
        _ = state.reduce(.captureSaved(path: "/tmp/xsfai-web01.log", lines: 12))
        #expect(state.status == StatusMessage("saved 12 console lines to /tmp/xsfai-web01.log", kind: .success))
    }

    @Test func aHaltedConsoleVMIsMarkedAndWaitsForTheNextStart() {
        var state = F.webConsoleOpen()
        var halted = F.snapshot
        halted.vms[F.web]?.powerState = .halted
        halted.vms[F.web]?.consoles = []
        #expect(state.reduce(.poolChanged(halted)) == [.endCapture(vm: F.web, keepHistory: true), .markConsole("VM halted")])
        #expect(state.console.link == .waitingForPowerOn)
        #expect(state.captures[F.web]?.status == .finished)
    }

    @Test func editFormRemovesEmptiedKeysAndAddsNewOnes() {
        var state = F.loadedState
        _ = state.type("2j")
        _ = state.type("e")
        _ = state.reduce(.keyPressed(.down))
        _ = state.reduce(.keyPressed(.down))
        _ = state.reduce(.keyPressed(.control("u")))
        _ = state.reduce(.keyPressed(.backTab))
        _ = state.reduce(.keyPressed(.backTab))
        _ = state.reduce(.keyPressed(.backTab))
        _ = state.type("install-proxy=http://proxy:3128")
        _ = state.reduce(.keyPressed(.enter))
        guard case .plan(let plan) = state.overlay else {
            Issue.record("no plan")
            return
        }
        #expect(plan.changes.map(\.parameter.xeName) == ["other-config:install-repository", "other-config:install-proxy"])
        #expect(plan.changes.map(\.new) == [nil, "http://proxy:3128"])
    }

    @Test func editFormRefusesARepositoryEliloaderWouldRejectBeforeAnyPlan() {
        var state = F.loadedState
        _ = state.type("2j")
        _ = state.type("e")
        _ = state.reduce(.keyPressed(.down))
        _ = state.reduce(.keyPressed(.down))
        state.retype("htp:/bad")
        #expect(state.reduce(.keyPressed(.enter)) == [])
        guard case .editForm = state.overlay else {
            Issue.record("the form closed: \(String(describing: state.overlay))")
            return
        }
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.contains("not a repository eliloader accepts") == true)
    }
}

/// The refs of the VMs the rearm effects in `effects` write to.
func rearmed(_ effects: [Effect]) -> [String] {
    effects.compactMap { if case .rearm(let plan) = $0 { plan.changes.target.ref } else { nil } }
}
