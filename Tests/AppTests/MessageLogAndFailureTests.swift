@testable import App
import Foundation
import TUI
import Testing
import XenAPI

/// The message log (every status, error and xe command, newest first, `Y` copies), status lines that
/// describe the present, and the details of a failed install with its console lines.
@Suite struct MessageLogAndFailureTests {
    typealias F = PoolFixture

    @Test func theLogKeepsEveryMessageNewestFirstAndYCopiesTheXeCommand() {
        var state = F.loadedState
        _ = state.reduce(.operationSucceeded(.init(summary: "fai-broken: set PV-args", xeCommands: ["xe vm-param-set uuid=v-0002 PV-args=x"])))
        _ = state.reduce(.operationFailed("undo refused: PV-args was changed since by someone else"))
        _ = state.reduce(.keyPressed(.escape))
        #expect(state.status == nil)
        _ = state.type("m")
        #expect(state.overlay == .messages)
        let text = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        let error = text.range(of: "✗ undo refused: PV-args was changed since by someone else")
        let success = text.range(of: "✓ fai-broken: set PV-args")
        #expect(error != nil && success != nil)
        if let error, let success { #expect(error.lowerBound < success.lowerBound, "newest first") }
        #expect(text.contains("xe vm-param-set uuid=v-0002 PV-args=x"))
        // The newest (the error) has no xe command: Y copies its text; ↓ picks the change: Y copies its xe.
        #expect(state.type("Y") == [.copyText("undo refused: PV-args was changed since by someone else")])
        _ = state.reduce(.keyPressed(.down))
        #expect(state.type("Y") == [.copyText("xe vm-param-set uuid=v-0002 PV-args=x")])
        _ = state.reduce(.keyPressed(.escape))
        #expect(state.overlay == nil)
    }

    @Test func theHintBarOffersTheLog() {
        var state = F.loadedState
        for pane in ["1", "2", "3"] {
            _ = state.type(pane)
            let hints = AppView(state: state, console: nil).render().canvas.lines[23]
            #expect(hints.contains("m msgs"), "\(pane): \(hints)")
        }
    }

    @Test func aPreflightResultReplacesItsWorkingLine() {
        var state = F.loadedState
        _ = state.type("p")
        #expect(state.status?.text.hasPrefix("preflight of FAI bookworm…") == true)
        _ = state.reduce(.preflightCompleted(vm: F.custom, .init(target: "FAI bookworm", uuid: "t-0002", checks: [])))
        #expect(state.status?.text.hasPrefix("preflight of FAI bookworm: all checks passed") == true)
    }

    @Test func aReconnectReplacesTheErrorOfTheOutage() {
        var state = F.loadedState
        _ = state.reduce(.connectionChanged(.reconnecting(attempt: 1, reason: "connection refused")))
        _ = state.reduce(.operationFailed("start fai-broken: connection refused"))
        _ = state.reduce(.connectionChanged(.connected))
        #expect(state.status?.kind == .success)
        #expect(state.status?.text.hasPrefix("reconnected to the pool") == true)
        #expect(state.messages.contains { $0.text == "start fai-broken: connection refused" })
    }

    static var failedInstall: ConsoleBuffer {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Resources/Transcripts/fail-instsoft.log").standardizedFileURL.path
        let bytes = (FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [])
            .flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        let buffer = ConsoleBuffer(scrollbackLimit: 1000)
        buffer.feed(bytes, at: 0)
        return buffer
    }

    @Test func detailsOfAFailedInstallNameTheTaskTheErrorLinesAndJumpToThem() throws {
        let buffer = Self.failedInstall
        let report = try #require(buffer.failureReport)
        #expect(report.task == "instsoft")
        #expect(report.summary.contains("instsoft"))
        let broken = try #require(report.errorLines.first { $0.text.contains("E: Broken packages") })
        let line = try #require(broken.line)
        #expect(buffer.text(ofLine: line).contains("E: Broken packages"))
        #expect(report.errorLines.contains { $0.task == "configure" })

        var state = F.webConsoleOpen()
        state.advance(to: buffer)
        _ = state.reduce(.consoleFailureRead(report))
        _ = state.type("2")
        _ = state.reduce(.keyPressed(.home))
        while state.vmList.selected != F.web { _ = state.type("j") }
        _ = state.type("d")
        let text = AppView(state: state, console: buffer).render().canvas.lines.joined(separator: "\n")
        #expect(text.contains("FAI failure (read from the console)"))
        #expect(text.contains("failed task       instsoft"))
        #expect(text.contains("line \(line + 1)"))
        #expect(text.contains("Enter show it in the console"))
        // Tab picks the next error line; Enter shows the picked one in the console pane.
        let jumpable = report.jumpableLines
        _ = state.reduce(.keyPressed(.tab))
        #expect(state.overlayPick == 1 % jumpable.count)
        _ = state.reduce(.keyPressed(.backTab))
        _ = state.reduce(.keyPressed(.enter))
        #expect(state.overlay == nil)
        #expect(state.pane == .console)
        let top = state.console.lineCount - state.layout.consoleRows - state.console.scrollBack
        let first = try #require(jumpable.first?.line)
        #expect((top..<(top + state.layout.consoleRows)).contains(first))
        let screen = AppView(state: state, console: buffer).render().canvas.lines.joined(separator: "\n")
        #expect(screen.contains(buffer.text(ofLine: first)))
    }
}

@Suite struct InstallRestartTests {
    typealias F = PoolFixture

    @Test func aFreshStartReadsTheNewInstallFromScratchButKeepsTheCapture() {
        var state = F.webConsoleOpen()
        var halted = F.snapshot
        halted.vms[F.web]?.powerState = .halted
        _ = state.reduce(.poolChanged(halted))
        _ = state.reduce(.consoleFailureRead(FailureReport(summary: "web01: FAI failed", task: "instsoft", code: 472, errorLines: [])))
        state.phases[F.web] = AttemptPhase(domain: -1, phase: .failed(task: "instsoft"))
        let effects = state.reduce(.poolChanged(F.snapshot))
        #expect(effects.contains(.restartInstallProgress))
        #expect(!effects.contains(.resetConsoleBuffer))
        #expect(state.console.failure == nil && state.phases[F.web] == nil)
    }
}

@Suite struct FailureStatusTests {
    @Test func aFailureIsSaidInTheStatusBarWithItsErrorLineAndWhereToReadMore() {
        var state = PoolFixture.webConsoleOpen()
        let report = FailureReport(summary: "web01: FAI failed in instsoft (472): E: Broken packages", task: "instsoft", code: 472, errorLines: [])
        _ = state.reduce(.consoleFailureRead(report))
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.hasPrefix("web01: FAI failed in instsoft (472): E: Broken packages (d: FAI's error lines") == true)
        _ = state.reduce(.keyPressed(.escape))
        _ = state.reduce(.consoleFailureRead(report))
        #expect(state.status == nil, "the same failure read again does not come back once dismissed")
    }
}

extension FailureStatusTests {
    @Test func aFailureStaysInTheDetailsWhenTheConsoleMovesOn() {
        var state = PoolFixture.webConsoleOpen()
        let report = FailureReport(summary: "web01: FAI failed in instsoft (472): E: Broken packages", task: "instsoft", code: 472,
                                   errorLines: [.init(task: "instsoft", text: "E: Broken packages", line: 40)])
        _ = state.reduce(.consoleFailureRead(report))
        _ = state.type("2")
        _ = state.reduce(.keyPressed(.home))
        _ = state.reduce(.keyPressed(.enter))  // fai-armed's console: web01's capture is gone
        #expect(state.console.vm == PoolFixture.armed)
        _ = state.type("2")
        while state.vmList.selected != PoolFixture.web { _ = state.type("j") }
        _ = state.type("d")
        let text = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(text.contains("failed task       instsoft"))
        #expect(text.contains("(an earlier capture) instsoft: E: Broken packages"))
        #expect(!text.contains("Enter show it in the console"))
    }
}
