@testable import App
import FAIControl
import Foundation
import TUI
import Testing
import XenAPI

/// The journal overlay (J) and the interrupted-change dialog, in memory.
@Suite struct JournalViewTests {
    typealias F = PoolFixture

    static func step(_ parameter: VMParameter, _ old: String?, _ new: String?) -> JournalStep {
        guard let record = F.snapshot.vms[F.aborted] else { fatalError("fixture VM missing") }
        let target = PlanTarget(ref: F.aborted, record: record)
        return JournalStep(PlannedChange(parameter: parameter, old: old, new: new, calls: []), of: target)
    }

    static var contents: JournalContents {
        var contents = JournalContents(records: [])
        let time = Date(timeIntervalSince1970: 1_800_000_000)
        contents.sets = [
            ChangeSet(number: 1, id: "a", pool: "p", command: "tui rearm", time: time,
                      steps: [step(.pvBootloader, "pygrub", "eliloader"), step(.otherConfig("install-distro"), nil, "debianlike")],
                      states: [.applied, .applied]),
            ChangeSet(number: 2, id: "b", pool: "p", command: "vm-set", time: time, steps: [step(.pvArgs, "a", "b")],
                      states: [.applied]),
        ]
        return contents
    }

    @Test func jListsThisPoolsSetsNewestFirstEnterShowsOneAndUUndoesTheSelected() {
        var state = F.loadedState
        #expect(state.type("J") == [.loadJournal])
        _ = state.reduce(.journalLoaded(Self.contents))
        var lines = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(lines.contains("Journal of this pool"))
        #expect(lines.contains("#2"))
        #expect(lines.contains("tui rearm of fai-broken: applied"))
        _ = state.type("j")
        _ = state.reduce(.keyPressed(.enter))
        lines = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(lines.contains(#"fai-broken PV-bootloader: "pygrub" -> "eliloader"  [applied]"#))
        #expect(lines.contains(#"other-config:install-distro: absent -> "debianlike""#))
        _ = state.reduce(.keyPressed(.escape))  // back to the list
        #expect(state.type("u") == [.undo(1)])
        #expect(state.overlay == nil)
    }

    @Test func aLongJournalKeepsTheSelectionInView() {
        var contents = Self.contents
        let template = contents.sets[1]
        contents.sets = (1...60).map { number in
            var set = template
            set.number = number
            set.id = "s\(number)"
            return set
        }
        var state = F.loadedState
        _ = state.type("J")
        _ = state.reduce(.journalLoaded(contents))
        for _ in 0..<45 { _ = state.type("j") }
        let lines = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(lines.contains("▶ #15 "))
        #expect(state.type("u") == [.undo(15)])
    }

    @Test func anInterruptedSetOpensADialogOfferingCompleteOrRollBack() {
        var state = AppState(size: Size(width: 100, height: 30), user: "root", origin: "sim")
        #expect(state.reduce(.connectionChanged(.connected)) == [.reconcileJournal])
        var set = Self.contents.sets[0]
        set.states = nil
        let pending = ReconciledSet(set: set, states: [.applied, .notApplied], createdUUID: nil)
        _ = state.reduce(.journalReconciled([pending]))
        #expect(state.overlay == .interrupted(pending))
        let lines = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(lines.contains("interrupted tui rearm of fai-broken (change set 1): 1 of 2 changes applied"))
        #expect(lines.contains("c complete it"))
        var other = state
        #expect(state.type("c") == [.completeChangeSet(1)])
        #expect(other.type("b") == [.rollBackChangeSet(1)])
        // Reconnecting does not reconcile again.
        #expect(state.reduce(.connectionChanged(.connected)) == [])
    }
}
