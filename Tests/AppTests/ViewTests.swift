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
        #expect(lines.contains { $0.contains("pick a pane (4: fleet)") })
        _ = state.type("G")
        let end = render(state)
        #expect(end.contains { $0.contains("rearm / start (plans") && $0.contains("rearm the selected VM") == false } && end.contains { $0.contains("rearm the selected VM") }, "the fleet keys, further down: \(end.joined(separator: "\n"))")
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
        state.retype("console=hvc0")
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

    @Test func consolePaneHidesConcealedTextAndKeepsBlinkAndStrikethrough() {
        var state = F.webConsoleOpen()
        let buffer = F.installOutput(endingWith: "login: root\r\nPassword: \u{1b}[8msecret\u{1b}[28m \u{1b}[5mblink\u{1b}[25m \u{1b}[9mgone\u{1b}[0m\r\n")
        state.advance(to: buffer)
        let canvas = AppView(state: state, console: buffer).render().canvas
        let row = canvas.lines.firstIndex { $0.contains("Password:") }
        #expect(row != nil)
        guard let row else { return }
        #expect(!canvas.lines[row].contains("secret"))
        #expect(canvas.lines[row].contains("Password:        blink gone"))
        let x = canvas.lines[row].distance(from: canvas.lines[row].startIndex, to: canvas.lines[row].range(of: "blink")!.lowerBound)
        #expect(canvas[x, row].attributes.contains(.blink))
        #expect(canvas[x + 6, row].attributes.contains(.strikethrough))
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
        let id = state.captures[PoolFixture.web]?.id ?? 0
        _ = state.reduce(.captureStatusChanged(vm: PoolFixture.web, id: id, .retrying(delayMilliseconds: 500, reason: "connection reset")))
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

/// Names and messages from the pool are drawn with their controls as visible escapes, in every view.
@Suite struct HostileTextViewTests {
    static let hostile = "evil\u{1B}]0;owned\u{07}\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}[2J\u{9B}2J"

    @Test func aVMNamedWithEscapeSequencesIsDrawnWithVisibleEscapes() {
        var snapshot = PoolFixture.snapshot
        snapshot.vms[PoolFixture.unicode]?.nameLabel = Self.hostile
        var state = PoolFixture.loadedState
        _ = state.reduce(.poolChanged(snapshot))
        _ = state.type("2")
        let canvas = AppView(state: state, console: nil).render().canvas
        let text = canvas.lines.joined(separator: "\n")
        #expect(text.contains("evil\\e]0;owned\\x07… halted"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
    }

    @Test func statusBarAndDialogTextShowEscapes() {
        var canvas = Canvas(width: 100, height: 6)
        StatusBarView(message: "failed: " + Self.hostile, messageRole: .error, facts: "pool \u{1B}[2Jx")
            .render(into: &canvas, area: Rect(x: 0, y: 0, width: 100, height: 1))
        #expect(canvas.lines[0].contains("failed: evil\\e]0;owned\\x07"))
        #expect(canvas.lines[0].contains("pool \\e[2Jx"))
        for y in 0..<canvas.size.height {
            for x in 0..<canvas.size.width {
                #expect(!canvas[x, y].text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            }
        }
    }
}
