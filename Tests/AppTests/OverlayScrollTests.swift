@testable import App
import FAIControl
import TUI
import Testing
import XenAPI

/// Plans, details, help and the message log can be read in full at every size: long values wrap and
/// the body scrolls.
@Suite struct OverlayScrollTests {
    typealias F = PoolFixture

    /// 300 characters of FAI kernel arguments, each token unique so order is checked too.
    static let longArgs: String = {
        var tokens = ["console=hvc0", "root=/dev/nfs", "nfsroot=10.0.0.1:/srv/fai/nfsroot", "boot=live", "FAI_ACTION=install"]
        var index = 0
        while tokens.joined(separator: " ").count < 300 {
            tokens.append("fai.opt\(index)=value-\(index)")
            index += 1
        }
        return String(tokens.joined(separator: " ").prefix(300))
    }()

    /// The plan overlay for setting fai-broken's PV-args to ``longArgs`` on a screen of `size`.
    static func planState(_ size: Size) -> AppState {
        var state = F.loadedState
        _ = state.reduce(.resized(size))
        _ = state.type("2je")
        _ = state.reduce(.keyPressed(.control("u")))
        _ = state.reduce(.keyPressed(.paste(longArgs)))
        _ = state.reduce(.keyPressed(.enter))
        return state
    }

    /// The dialog's body rows, absolute (scroll + row on screen), read by paging to the end.
    static func wholeBody(_ start: AppState, pageKey: Key = .pageDown) -> (rows: [Int: String], frames: [[String]]) {
        var state = start
        var rows: [Int: String] = [:]
        var frames: [[String]] = []
        for _ in 0..<50 {
            let lines = AppView(state: state, console: nil).render().canvas.lines
            frames.append(lines)
            for (offset, text) in bodyRows(lines).enumerated() { rows[state.overlayScroll + offset] = text }
            let before = state.overlayScroll
            _ = state.reduce(.keyPressed(pageKey))
            if state.overlayScroll == before { break }
        }
        return (rows, frames)
    }

    /// The text rows inside the dialog box (between the borders, above the blank row and the footer).
    static func bodyRows(_ lines: [String]) -> [String] {
        guard let top = lines.firstIndex(where: { $0.contains("┌") }),
            let bottom = lines.lastIndex(where: { $0.contains("└") }), bottom - top - 1 >= 2
        else { return [] }
        return lines[(top + 1)..<(bottom - 2)].map { line in
            let characters = Array(line)
            guard let left = characters.firstIndex(of: "│"), let right = characters.lastIndex(of: "│"), right > left else { return "" }
            return String(characters[(left + 1)..<right])
        }
    }

    static func withoutSpaces(_ text: String) -> String { text.filter { $0 != " " && $0 != "\n" } }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 60)])
    func everyCharacterOfALongPlanIsOnScreenAfterScrolling(size: Size) throws {
        let state = Self.planState(size)
        guard case .plan(let plan) = state.overlay else {
            Issue.record("no plan overlay: \(String(describing: state.overlay))")
            return
        }
        let (rows, frames) = Self.wholeBody(state)
        let body = rows.keys.sorted().compactMap { rows[$0] }.joined(separator: "\n")
        #expect(!body.contains("…"), "a row was cut instead of wrapped")
        let xe = try #require(plan.xeCommands.first)
        #expect(xe.count > 300)
        let flat = Self.withoutSpaces(body)
        #expect(flat.contains(Self.withoutSpaces("new\"\(Self.longArgs)\"")), "the new value is not all on screen:\n\(body)")
        #expect(flat.contains(Self.withoutSpaces(xe)), "the xe command is not all on screen:\n\(body)")
        // The first screen already shows the change (not only its name), and every frame keeps the bars.
        let first = Self.bodyRows(frames[0]).joined(separator: "\n")
        #expect(first.contains("new  \"console=hvc0 root=/dev/nfs"))
        for frame in frames {
            #expect(frame.count == size.height)
            #expect(frame[size.height - 1].contains("y yes, apply"))
        }
    }

    @Test func arrowKeysScrollOneRowAndStopAtTheEnds() {
        var state = Self.longDetailsState()
        #expect(AppView(state: state, console: nil).render().canvas.lines.contains { $0.contains("↑↓ PgUp PgDn · 1–") })
        _ = state.reduce(.keyPressed(.up))
        #expect(state.overlayScroll == 0)
        _ = state.reduce(.keyPressed(.down))
        #expect(state.overlayScroll == 1)
        _ = state.reduce(.keyPressed(.end))
        let bottom = state.overlayScroll
        _ = state.reduce(.keyPressed(.down))
        #expect(state.overlayScroll == bottom)
        _ = state.reduce(.keyPressed(.home))
        #expect(state.overlayScroll == 0)
    }

    @Test func yAppliesTheWholePlanAfterScrolling() {
        var state = Self.planState(Size(width: 80, height: 24))
        _ = state.reduce(.keyPressed(.pageDown))
        let effects = state.type("y")
        guard case .applyPlan(let plan)? = effects.first else {
            Issue.record("y did not apply: \(effects)")
            return
        }
        #expect(plan.changes.first?.new == Self.longArgs)
    }

    /// The details of fai-broken with ``longArgs`` as PV-args and a long repository URL, at 80x24.
    static func longDetailsState() -> AppState {
        var snapshot = F.snapshot
        snapshot.vms[F.aborted]?.pvArgs = longArgs
        snapshot.vms[F.aborted]?.otherConfig["install-repository"] = "http://10.0.0.1/debian"
        snapshot.vms[F.aborted]?.otherConfig["xsfai-note"] = String(repeating: "long-note ", count: 30)
        var state = F.loadedState
        _ = state.reduce(.poolChanged(snapshot))
        _ = state.type("2jd")
        return state
    }

    @Test func detailsWrapLongValuesAndScrollAt80x24() throws {
        let (rows, _) = Self.wholeBody(Self.longDetailsState())
        let body = rows.keys.sorted().compactMap { rows[$0] }.joined(separator: "\n")
        #expect(Self.withoutSpaces(body).contains(Self.withoutSpaces("PV-args \(Self.longArgs)")), "\(body)")
        #expect(body.contains("other-config:install-repository = http://10.0.0.1/debian"))
    }

    @Test func helpScrollsToItsLastKeyAt80x24() {
        var state = F.loadedState
        _ = state.type("?")
        var seen = Set<String>()
        for _ in 0..<20 {
            AppView(state: state, console: nil).render().canvas.lines.forEach { seen.insert($0) }
            let before = state.overlayScroll
            _ = state.reduce(.keyPressed(.pageDown))
            if before == state.overlayScroll { break }
        }
        let text = seen.joined(separator: "\n")
        for hint in KeyMap.help.flatMap(\.hints) {
            #expect(text.contains(hint.keys), "help never shows \(hint.keys)")
        }
        #expect(text.contains("Ctrl-Z") && text.contains("suspend"))
    }

    @Test func wrappingKeepsEveryCharacter() {
        for width in [1, 7, 20, 80] {
            let rows = Self.longArgs.wrapped(toWidth: width)
            #expect(rows.joined() == Self.longArgs)
            #expect(rows.allSatisfy { $0.trimmingSuffix(" ").displayWidth <= width })
        }
        #expect("数据库数据库".wrapped(toWidth: 5) == ["数据", "库数", "据库"])
    }
}

extension String {
    fileprivate func trimmingSuffix(_ character: Character) -> Substring {
        var text = Substring(self)
        while text.last == character { text.removeLast() }
        return text
    }
}

extension OverlayScrollTests {
    @Test func controlCharactersInAValueWrapAsTheirVisibleEscapes() {
        let hostile = "console=hvc0 \u{1b}]52;c;UFdORUQ=\u{07} " + Self.longArgs
        var state = F.loadedState
        _ = state.type("2je")
        _ = state.reduce(.keyPressed(.control("u")))
        _ = state.reduce(.keyPressed(.paste(hostile)))
        _ = state.reduce(.keyPressed(.enter))
        let lines = AppView(state: state, console: nil).render().canvas.lines
        #expect(lines.allSatisfy { !$0.contains("\u{1b}") && !$0.contains("\u{07}") })
        let body = Self.bodyRows(lines)
        #expect(!body.isEmpty)
        #expect(body.contains { $0.contains("\\e]52;c;UFdORUQ=") }, "\(body)")
        #expect(body.allSatisfy { $0.hasSuffix(" ") || $0.count <= 76 })
        let frame = lines.filter { $0.contains("│") }.map { Array($0) }
        let rightBorder = frame.first.flatMap { $0.lastIndex(of: "│") }
        #expect(frame.allSatisfy { $0.lastIndex(of: "│") == rightBorder }, "a row ran over the box's border")
    }
}
