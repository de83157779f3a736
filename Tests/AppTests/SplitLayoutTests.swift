@testable import App
import FAIControl
import Terminal
import TUI
import Testing
import XenAPI

@Suite struct SplitLayoutTests {
    typealias F = PoolFixture

    @Test func bigScreensSplitAndSmallOnesKeepOnePaneAtATime() {
        let big = Layout(size: Size(width: 140, height: 40))
        #expect(big.isSplit)
        #expect(big.listTitle == Rect(x: 0, y: 1, width: 140, height: 1))
        #expect(big.listArea == Rect(x: 0, y: 2, width: 140, height: 13))
        #expect(big.consoleArea == Rect(x: 0, y: 15, width: 140, height: 23))
        #expect(big.listRows == 12)
        #expect(big.consoleRows == 22)
        for size in [Size(width: 80, height: 24), Size(width: 119, height: 40), Size(width: 140, height: 33)] {
            let small = Layout(size: size)
            #expect(!small.isSplit)
            #expect(small.listArea == small.body)
            #expect(small.consoleArea == small.body)
        }
        let smallest = Layout(size: Layout.splitMinimum)
        #expect(smallest.isSplit)
        #expect(smallest.listArea.height == 11)
        #expect(smallest.consoleRows == 18)
    }

    @Test func focusMovesAsBeforeAndTheListAboveTheConsoleIsTheLastOne() {
        var state = F.loadedState
        _ = state.reduce(.resized(Size(width: 140, height: 40)))
        _ = state.type("2")
        #expect(state.pane == .vms)
        var expected = state
        #expect(state.reduce(.keyPressed(.tab)) == [])
        expected.pane = .console
        #expect(state == expected)
        #expect(state.listPane == .vms)
        // j goes to the focused console, not to the VMs list shown above it.
        _ = state.type("j")
        #expect(state.vmList == expected.vmList)
        #expect(state.reduce(.keyPressed(.tab)) == [])
        #expect(state.pane == .fleet)
        #expect(state.listPane == .fleet, "the fleet is a list above the console too")
        #expect(state.reduce(.keyPressed(.tab)) == [])
        #expect(state.pane == .templates)
        #expect(state.listPane == .templates)
        #expect(state.reduce(.keyPressed(.backTab)) == [])
        #expect(state.reduce(.keyPressed(.backTab)) == [])
        #expect(state.pane == .console)
        #expect(state.listPane == .fleet)
        _ = state.type("2")
        #expect(state.pane == .vms)
        #expect(state.listPane == .vms)
    }

    @Test func selectingAVMWithTheConsoleVisibleDoesNotAttachButEnterDoes() {
        var state = F.loadedState
        _ = state.reduce(.resized(Size(width: 140, height: 40)))
        #expect(state.type("2jj") == [])
        #expect(state.vmList.selected == F.web)
        #expect(state.console.vm == nil)
        #expect(state.reduce(.keyPressed(.enter)) == [.resetConsoleBuffer, .startCapture(vm: F.web, id: 1, freshAttempt: false)])
        #expect(state.pane == .console)
        #expect(state.listPane == .vms)
    }

    @Test func listPagesAndConsoleScrollingUseTheSplitSizes() {
        var state = F.webConsoleOpen(size: Size(width: 140, height: 40), attached: false)
        _ = state.reduce(.consoleAdvanced(lineCount: 100, phase: .unknown, progress: ""))
        _ = state.reduce(.keyPressed(.pageUp))
        #expect(state.console.scrollBack == 22)
        _ = state.reduce(.keyPressed(.home))
        #expect(state.console.scrollBack == 100 - 22)
    }
}

@Suite struct SplitViewTests {
    typealias F = PoolFixture

    /// web01's console open on a 140x40 screen, with some output.
    private static func splitState() -> (AppState, ConsoleBuffer) {
        var state = F.webConsoleOpen(size: Size(width: 140, height: 40))
        let buffer = F.installOutput(endingWith: "Calling task_instsoft\r\n")
        state.advance(to: buffer)
        return (state, buffer)
    }

    @Test func consoleFocusedBelowTheVMsList() {
        let (state, buffer) = Self.splitState()
        let lines = AppView(state: state, console: buffer).render().canvas.lines
        assertSnapshot(lines, named: "splitConsoleFocused")
        #expect(lines[1].hasPrefix("  2 VMs (4)"))
        #expect(lines[15].hasPrefix("▸ web01 · attached · follow"))
        #expect(lines.contains { $0.contains("package-30") })
    }

    @Test func vmsListFocusedAboveTheConsole() {
        let (split, buffer) = Self.splitState()
        var state = split
        _ = state.type("2")
        let lines = AppView(state: state, console: buffer).render().canvas.lines
        assertSnapshot(lines, named: "splitVMsFocused")
        #expect(lines[1].hasPrefix("▸ 2 VMs (4)"))
        #expect(lines[15].hasPrefix("  web01 · attached · follow"))
    }

    @Test func noConsoleYetInTheSplitSaysHowToOpenOne() {
        var state = F.loadedState
        _ = state.reduce(.resized(Size(width: 140, height: 40)))
        let lines = AppView(state: state, console: nil).render().canvas.lines
        #expect(lines[1].hasPrefix("▸ 1 Templates (2)"))
        #expect(lines.contains { $0.contains("FAI bookworm") })
        #expect(lines.contains { $0.contains("No console open.") })
    }
}

@Suite struct DriftColumnTests {
    typealias F = PoolFixture

    @Test func theDriftColumnAgreesWithTheControllersCheck() throws {
        var snapshot = F.snapshot
        // Made from the default template, then pointed at an FAI repository by hand: both `xsfai check`
        // and the column compare it with the template it names (`base_template_name`).
        let handMade = Ref<VMRecord>("OpaqueRef:vm-hand")
        snapshot.vms[handMade] = F.record("hand-made", uuid: "v-0005") {
            $0.pvBootloader = "pygrub"
            $0.pvArgs = "-- quiet console=hvc0"
            $0.otherConfig = ["base_template_name": "Debian Squeeze 6.0 (64-bit)",
                              "install-repository": "http://10.0.0.1/debian", "debian-release": "bookworm"]
        }
        var state = F.loadedState
        _ = state.reduce(.poolChanged(snapshot))
        let resolver = TargetResolver(records: snapshot.vms)
        for (ref, record) in snapshot.vms {
            let expected = DriftChecker.isCovered(record) ? DriftChecker.check(ref, record, resolver: resolver) : nil
            #expect(state.drift(of: ref, record) == expected, "\(record.nameLabel)")
        }
        let record = try #require(snapshot.vms[handMade])
        #expect(state.drift(of: handMade, record)?.columnText == "debian-release,install-arch")
        #expect(state.drift(of: F.aborted, try #require(snapshot.vms[F.aborted]))?.columnText == "PV-args")
    }
}

@Suite struct ThreePaneLayoutTests {
    typealias F = PoolFixture

    @Test func atTwoHundredByFiftyTemplatesAndVMsShowSideBySideAboveTheConsole() {
        var state = F.webConsoleOpen(size: Size(width: 200, height: 60))
        _ = state.type("1")
        let lines = AppView(state: state, console: nil).render().canvas.lines
        #expect(lines[1].hasPrefix("▸ 1 Templates (2)"), "\(lines[1])")
        #expect(lines[1].contains("  2 VMs (4)"))
        let top = lines[2..<22].joined(separator: "\n")
        #expect(top.contains("FAI bookworm") && top.contains("web01") && top.contains("fai-broken"))
        #expect(lines.contains { $0.hasPrefix("  web01 · attached") }, "the console sits below both lists")
        // Focus moves between all three without changing the layout.
        _ = state.type("2")
        let vmsFocused = AppView(state: state, console: nil).render().canvas.lines
        #expect(vmsFocused[1].hasPrefix("  1 Templates (2)") && vmsFocused[1].contains("▸ 2 VMs (4)"))
    }

    @Test func belowTwoHundredByFiftyTheSplitShowsOneList() {
        var state = F.webConsoleOpen(size: Size(width: 160, height: 45))
        _ = state.type("1")
        let lines = AppView(state: state, console: nil).render().canvas.lines
        #expect(lines[1].hasPrefix("▸ 1 Templates (2)"))
        #expect(!lines[1].contains("2 VMs"))
    }
}
