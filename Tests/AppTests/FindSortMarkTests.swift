@testable import App
import TUI
import Testing
import XenAPI

/// Finding VMs by column and state, sorting by any column, and acting on marked VMs at once.
@Suite struct FindSortMarkTests {
    typealias F = PoolFixture

    private func filtered(_ text: String, _ change: (inout AppState) -> Void = { _ in }) -> [Ref<VMRecord>] {
        var state = F.loadedState
        change(&state)
        _ = state.type("2/")
        _ = state.reduce(.keyPressed(.paste(text)))
        return state.vmList.rows
    }

    @Test func columnFiltersAndFreeText() {
        #expect(filtered("state:running") == [F.web])
        #expect(filtered("host:xs1") == [F.web])
        #expect(filtered("repo:10.0.0.1") == [F.armed, F.aborted, F.web])
        #expect(filtered("repo:10.0.0.1 state:halted") == [F.armed, F.aborted])
        #expect(filtered("state:aborted") == [F.aborted])
        // Free text covers PV-args too (the fixture's FAI args say console=hvc0).
        #expect(filtered("hvc0") == [F.armed, F.web])
        #expect(filtered("args:fai_action") == [F.armed, F.web])
        #expect(filtered("host:nosuch").isEmpty)
    }

    @Test func stateFailedFindsVMsWhoseConsoleShowedAFailure() {
        let rows = filtered("state:failed") { $0.phases[F.aborted] = AttemptPhase(domain: $0.vms[F.aborted]?.domid ?? -1, phase: .failed(task: "instsoft")) }
        #expect(rows == [F.aborted])
    }

    @Test func sortByAnyColumnAndReverse() {
        var state = F.loadedState
        _ = state.type("2")
        #expect(state.vmList.rows == [F.armed, F.aborted, F.web, F.unicode])
        _ = state.type(">>")  // natural → NAME → POWER
        #expect(state.vmList.sort == SortOrder(column: 1))
        #expect(state.vmList.rows == [F.armed, F.aborted, F.unicode, F.web])
        #expect(state.status?.text.hasPrefix("VMs: sorted by POWER ▲") == true)
        let header = AppView(state: state, console: nil).render().canvas.lines[1]
        #expect(header.contains("POWER ▲"), "\(header)")
        _ = state.type("I")
        #expect(state.vmList.rows.first == F.web)
        _ = state.type("<<")
        #expect(state.vmList.sort.column == nil)
        #expect(state.vmList.rows.first == F.unicode, "natural order reversed")
        // The templates pane sorts by its own columns.
        _ = state.type("1>>>>>")
        #expect(state.templates.sort == SortOrder(column: 4))
        #expect(state.templates.rows == [F.custom, F.squeeze])
    }

    @Test func spaceAndStarMarkAndRActsOnEveryMarkedVMWithOneConfirmation() throws {
        var state = F.loadedState
        _ = state.type("2 ")
        #expect(state.vmList.marked == [F.armed])
        #expect(state.vmList.selected == F.aborted)
        _ = state.type(" ")
        #expect(state.vmList.marked == [F.armed, F.aborted])
        _ = state.type("*")
        #expect(state.vmList.marked == Set(state.vmList.rows))
        let drawn = AppView(state: state, console: nil).render().canvas.lines
        #expect(drawn.contains { $0.hasPrefix("* web01") })
        #expect(drawn[23].hasPrefix("4 marked:"))

        #expect(state.type("r") == [])
        let confirmation = try #require(state.confirmation, "no confirmation: \(String(describing: state.overlay))")
        #expect(confirmation.question.hasPrefix("Rearm 2 of 4 marked VMs:"))
        #expect(confirmation.question.contains("fai-armed: skipped, already armed"))
        #expect(confirmation.question.contains("fai-broken: PV-bootloader pygrub → eliloader"))
        #expect(confirmation.question.contains("web01: hard shutdown (running), then"))
        #expect(confirmation.question.contains("Übung-数据库: skipped"))
        #expect(confirmation.question.contains("xe vm-shutdown --force uuid=v-0001"))
        guard case .batch(let effects) = confirmation.effect else {
            Issue.record("not a batch: \(confirmation.effect)")
            return
        }
        #expect(rearmed(effects) == [F.aborted.rawValue, F.web.rawValue])
        #expect(effects.map { if case .rearm(let plan) = $0 { plan.shutsDownFirst } else { false } } == [false, true])
        #expect(state.type("y") == [confirmation.effect])
    }

    @Test func startAndHardShutdownOfMarkedVMsSkipThoseAlreadyThere() throws {
        var state = F.loadedState
        _ = state.type("2*s")
        let start = try #require(state.confirmation, "no confirmation")
        #expect(start.question.contains("web01: skipped, running"))
        #expect(start.effect == .batch([.startVM(F.armed), .startVM(F.aborted), .startVM(F.unicode)]))
        _ = state.reduce(.keyPressed(.escape))
        _ = state.type("S")
        let stop = try #require(state.confirmation, "no confirmation")
        #expect(stop.effect == .hardShutdownVM(F.web))
        _ = state.reduce(.keyPressed(.escape))
        _ = state.reduce(.keyPressed(.escape))
        #expect(state.vmList.marked.isEmpty, "Esc clears the marks")
    }
}
