@testable import App
import TUI
import Testing
import XenAPI

private typealias F = PoolFixture

/// Tiled consoles: `+` `-` `Tab`, input to the focused tile only, and the tiles drawn side by side.
@Suite struct TiledConsoleTests {
    /// Two installs running, captured; install-01's console open, then the VMs pane in front with
    /// install-02 selected.
    private static func twoInstallsOneOpen(size: Size = Size(width: 120, height: 40)) throws -> AppState {
        var state = F.capturingState(limit: 16)
        _ = state.reduce(.resized(size))
        _ = state.reduce(.poolChanged(Installs.snapshot(2)))
        try select(Installs.vm(1), in: &state)
        _ = state.reduce(.keyPressed(.enter))
        try select(Installs.vm(2), in: &state)
        return state
    }

    private static func select(_ vm: Ref<VMRecord>, in state: inout AppState) throws {
        _ = state.type("2g")
        let row = try #require(state.vmList.rows.firstIndex(of: vm))
        _ = state.type(String(repeating: "j", count: row))
    }

    @Test func plusTilesTheSelectedVMBesideTheOpenConsole() throws {
        var state = try Self.twoInstallsOneOpen()
        _ = state.type("+")
        #expect(state.console.tiles == [Installs.vm(1), Installs.vm(2)])
        #expect(state.console.vm == Installs.vm(1))
        #expect(state.status?.text.hasPrefix("install-02 tiled (2 of 4)") == true)
        // Again: already tiled; the open console's VM too.
        _ = state.type("+")
        #expect(state.status?.text.contains("tiled already") == true)
        #expect(state.console.tiles.count == 2)
    }

    @Test func everyTileIsCapturedEvenBeyondTheLimit() throws {
        var state = F.capturingState(limit: 1)
        _ = state.reduce(.resized(Size(width: 120, height: 40)))
        _ = state.reduce(.poolChanged(Installs.snapshot(2)))
        #expect(state.captures[Installs.vm(2)]?.status == .waitingForSlot)
        try Self.select(Installs.vm(1), in: &state)
        _ = state.reduce(.keyPressed(.enter))
        try Self.select(Installs.vm(2), in: &state)
        let effects = state.type("+")
        #expect(Installs.started(effects).contains(Installs.vm(2)))
        #expect(state.captures[Installs.vm(2)]?.status == .connecting)
    }

    @Test func tabMovesBetweenTilesAndFromTheLastOneToTheNextPane() throws {
        var state = try Self.twoInstallsOneOpen()
        _ = state.type("+3")
        #expect(state.pane == .console && state.console.vm == Installs.vm(1))
        _ = state.reduce(.keyPressed(.tab))
        #expect(state.pane == .console && state.console.vm == Installs.vm(2))
        #expect(state.console.tiles == [Installs.vm(1), Installs.vm(2)])
        _ = state.reduce(.keyPressed(.backTab))
        #expect(state.console.vm == Installs.vm(1))
        _ = state.reduce(.keyPressed(.backTab))
        #expect(state.pane == .vms)
        _ = state.type("3")
        _ = state.reduce(.keyPressed(.tab))
        _ = state.reduce(.keyPressed(.tab))
        #expect(state.pane == .fleet)
        #expect(state.console.vm == Installs.vm(2))
    }

    @Test func inputGoesToTheFocusedTileOnly() throws {
        var state = try Self.twoInstallsOneOpen()
        _ = state.type("+3")
        _ = state.reduce(.keyPressed(.tab))
        let id = try #require(state.captures[Installs.vm(2)]?.id)
        _ = state.reduce(.captureStatusChanged(vm: Installs.vm(2), id: id, .capturing))
        _ = state.type("i")
        #expect(state.console.isInputMode)
        #expect(state.type("ls") == [.sendToCapture(vm: Installs.vm(2), [UInt8(ascii: "l")]), .sendToCapture(vm: Installs.vm(2), [UInt8(ascii: "s")])])
        // In input mode Tab is a key for the VM, not a move.
        #expect(state.reduce(.keyPressed(.tab)) == [.sendToCapture(vm: Installs.vm(2), [0x09])])
        #expect(state.console.vm == Installs.vm(2))
    }

    @Test func minusRemovesTheFocusedTileAndTheLastOneStaysAlone() throws {
        var state = try Self.twoInstallsOneOpen()
        _ = state.type("+3")
        _ = state.reduce(.keyPressed(.tab))
        _ = state.type("-")
        #expect(state.console.tiles == [])
        #expect(state.console.vm == Installs.vm(1))
        #expect(state.status?.text == "install-02 untiled (1 left)")
        _ = state.type("-")
        #expect(state.status?.text.hasPrefix("- removes a tiled console") == true)
    }

    @Test func atMostFourConsolesAreTiled() throws {
        var state = F.capturingState(limit: 16)
        _ = state.reduce(.resized(Size(width: 120, height: 40)))
        _ = state.reduce(.poolChanged(Installs.snapshot(5)))
        for number in 1...5 {
            try Self.select(Installs.vm(number), in: &state)
            _ = state.type("+")
        }
        #expect(state.console.tiles == (1...4).map(Installs.vm))
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.hasPrefix("at most 4 consoles") == true)
    }

    @Test func tilesAreDrawnSideBySideEachWithItsHeaderAndItsOwnCapture() throws {
        var state = try Self.twoInstallsOneOpen()
        _ = state.type("+3")
        let id = try #require(state.captures[Installs.vm(2)]?.id)
        _ = state.reduce(.captureAdvanced(vm: Installs.vm(2), id: id, CaptureReading(phase: .installing(task: "instsoft", index: 5, count: 12), progress: "FAI: instsoft (5/12)", lastLine: "second console")))
        let first = ConsoleBuffer(scrollbackLimit: 100)
        let second = ConsoleBuffer(scrollbackLimit: 100)
        for number in 1...30 {
            first.feed(Array("first console line \(number)\r\n".utf8), at: 0)
            second.feed(Array("second console line \(number)\r\n".utf8), at: 0)
        }
        let (canvas, _) = AppView(state: state, console: first, tiles: [Installs.vm(1): first, Installs.vm(2): second]).render()
        let lines = canvas.lines
        let areas = state.layout.tileAreas(count: 2)
        #expect(areas.count == 2 && areas[0].y == areas[1].y && areas[0].maxX < areas[1].x)
        let header = lines[areas[0].y]
        #expect(header.contains("▸ 1 install-01"))
        #expect(header.contains("2 install-02"))
        #expect(header.contains("FAI: instsoft (5/12)"))
        // Both follow their newest output: line 30 on the row above the guest's (empty) cursor row.
        let body = Array(lines[(areas[0].y + 1)..<areas[0].maxY])
        let newest = try #require(body.lastIndex { $0.contains("line 30") })
        #expect(String(body[newest].prefix(areas[0].width)).hasPrefix("first console line 30"))
        #expect(String(body[newest].dropFirst(areas[1].x)).hasPrefix("second console line 30"))
        #expect(body[newest].contains("│"))
        // Each tile's emulator keeps the guest's 80x25; a tile narrower than 80 columns shows the left part.
        #expect(areas[0].width < ConsoleBuffer.guestSize.columns)
    }

    @Test func anUntiledVMOutsideAnInstallIsNoLongerCaptured() throws {
        var state = try Self.twoInstallsOneOpen()
        // dom0 cannot be tiled; fai-broken is halted; web01 runs without install keys once its args are gone.
        var snapshot = Installs.snapshot(2)
        snapshot.vms[F.web]?.pvArgs = "console=hvc0"
        _ = state.reduce(.poolChanged(snapshot))
        #expect(state.captures[F.web] == nil || state.captures[F.web]?.status == .finished)
        try Self.select(F.web, in: &state)
        _ = state.type("+")
        #expect(state.captures[F.web]?.status == .connecting)
        #expect(state.console.tiles == [Installs.vm(1), F.web])
        _ = state.type("3")
        _ = state.reduce(.keyPressed(.tab))
        #expect(state.console.vm == F.web)
        let effects = state.type("-")
        #expect(effects.contains(.endCapture(vm: F.web, keepHistory: true)))
        #expect(state.captures[F.web]?.status == .finished)
    }
}
