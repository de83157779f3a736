@testable import App
import Terminal
import TUI
import Testing
import XenAPI

@Suite struct ViewTests {
    typealias F = PoolFixture

    private func render(_ state: AppState, console: (any ConsoleLines)? = nil) -> [String] {
        AppView(state: state, console: console).render().canvas.lines
    }

    @Test func templatesPane() {
        assertSnapshot(render(F.loadedState), named: "templatesPane")
    }

    @Test func vmsPaneWithInstallStatesDriftAndUnicodeNames() {
        var state = F.loadedState
        _ = state.type("2")
        assertSnapshot(render(state), named: "vmsPane")
    }

    @Test func filteredVMsPane() {
        var state = F.loadedState
        _ = state.type("2/fai")
        assertSnapshot(render(state), named: "vmsPaneFiltered")
    }

    @Test func helpOverlayListsTheKeys() {
        var state = F.loadedState
        _ = state.type("?")
        let lines = render(state)
        assertSnapshot(lines, named: "helpOverlay")
        #expect(lines.contains { $0.contains("rearm the selected VM") })
    }

    @Test func detailsOfAnAbortedInstallExplainWhyItIsAGuess() {
        var state = F.loadedState
        _ = state.type("2jd")
        let text = render(state).joined(separator: "\n")
        #expect(text.contains("install state       aborted install? (r rearms)"))
        #expect(text.contains("eliloader switched PV-bootloader to pygrub"))
        #expect(text.contains("The API cannot see the disk"))
        #expect(text.contains("install keys restored"))
    }

    @Test func planOverlayShowsOldNewAndXeCommands() {
        var state = F.loadedState
        _ = state.type("2je")
        _ = state.reduce(.keyPressed(.control("u")))
        _ = state.type("console=hvc0")
        _ = state.reduce(.keyPressed(.enter))
        assertSnapshot(render(state), named: "planOverlay")
    }

    @Test func consolePaneWithSearchMatchesAndMarkers() {
        var state = F.webConsoleOpen()
        let buffer = F.installOutput(endingWith: "\u{1b}[32mCalling task_instsoft\u{1b}[0m\r\n数据库 ok\r\n")
        state.advance(to: buffer)
        _ = state.type("/")
        _ = state.type("package-2")
        _ = state.reduce(.consoleSearched(needle: "package-2", matches: buffer.search("package-2")))
        _ = state.reduce(.keyPressed(.enter))
        let lines = render(state, console: buffer)
        assertSnapshot(lines, named: "consolePane")
        #expect(lines.contains { $0.contains("package-29") })
    }

    @Test func narrowScreenKeepsTheBars() {
        var state = F.loadedState
        _ = state.reduce(.resized(Size(width: 50, height: 10)))
        _ = state.type("2")
        let lines = render(state)
        assertSnapshot(lines, named: "narrowVMsPane")
        #expect(lines.count == 10)
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverSplit() {
        var canvas = Canvas(width: 6, height: 1)
        let used = canvas.write("a数据库", at: Point(x: 0, y: 0))
        #expect(used == 5)
        #expect(canvas.lines == ["a数据"])
        #expect(canvas[2, 0].isContinuation)
    }
}

@Suite struct StatusBarViewTests {
    @Test func aConsoleReconnectingWithBackoffIsShownInTheStatusBar() {
        var state = PoolFixture.webConsoleOpen()
        _ = state.reduce(.consoleDetached(generation: 1, reason: "connection reset"))
        _ = state.type("1")
        let statusLine = AppView(state: state, console: nil).render().canvas.lines[22]
        #expect(statusLine.contains("console reconnecting in 0.5s (connection reset)"))
    }

    @Test func theConnectionStateStaysVisibleWhenTheMessageIsLong() {
        let facts = "pool xsfai-sim · root@127.0.0.1:40197 · connected "
        let message = " saved 230 console lines to /tmp/tmp.Vquk9lfotG/xsfai-e2e-install-20261127-033325.log"
        for width in [120, 80] {
            var canvas = Canvas(width: width, height: 1)
            StatusBarView(message: message, messageRole: .success, facts: facts)
                .render(into: &canvas, area: Rect(x: 0, y: 0, width: width, height: 1))
            let line = canvas.lines[0]
            #expect(line.hasSuffix("pool xsfai-sim · root@127.0.0.1:40197 · connected"), "\(width): \(line)")
            #expect(line.hasPrefix(" saved 230 console lines"), "\(width): \(line)")
            #expect(line.contains("…"))
        }
    }

    @Test func onANarrowRowTheFactsAreCutFromTheFrontKeepingTheConnectionState() {
        var canvas = Canvas(width: 40, height: 1)
        StatusBarView(message: " rearmed fai-broken", messageRole: .success,
                      facts: "pool xsfai-sim · root@127.0.0.1:40197 · connected ")
            .render(into: &canvas, area: Rect(x: 0, y: 0, width: 40, height: 1))
        let line = canvas.lines[0]
        #expect(line.hasPrefix(" rearmed …"))
        #expect(line.hasSuffix(" …27.0.0.1:40197 · connected"))
    }
}
