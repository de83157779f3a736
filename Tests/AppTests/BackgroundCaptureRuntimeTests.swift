@testable import App
import CurlTransport
import Foundation
import Simulator
import Synchronization
import TUI
import Testing
import XMLRPC
import XenAPI

/// Background captures in the real loop against the simulator over loopback: installs started at
/// the simulator's boot (`--installing`), captured by the TUI while no console is open.
@Suite(.serialized) struct BackgroundCaptureRuntimeTests {
    /// Three installs (success, success, fail-instsoft), slow enough to be captured from their first line.
    private static let installs = SimulatorConfiguration(linesPerSecond: 30, bootDelay: 2, installing: 3)

    @Test func severalInstallsAreCapturedAtOnceAndOpeningOneShowsItsHistory() async throws {
        let pool = try await LoopbackTUI.start(Self.installs)
        let names = ["install-01", "install-02", "install-03"]
        let screen = PacedScreen(size: Size(width: 120, height: 40), steps: [
            .init(name: "all three captured") { state in
                names.allSatisfy { state.installCaptures[$0]?.status == .capturing || state.installCaptures[$0]?.status == .finished }
            },
            .init(name: "install-01 installing, read while no console is open", condition: { state in
                guard state.console.vm == nil, let vm = state.vm(named: "install-01") else { return false }
                if case .installing = state.phases[vm]?.phase { return true }
                return false
            }, events: { $0.keysOpeningConsole(of: "install-01") }),
            .init(name: "install-01's console open on its capture", condition: { state in
                state.console.vm == state.vm(named: "install-01")
            }, events: { _ in [.key(.character("g"))] }),
            .init(name: "scrolled to the top of the history") { state in !state.console.isFollowing },
            .init(name: "install-03's failure read in the background") { state in
                guard let vm = state.vm(named: "install-03"), state.console.vm != vm else { return false }
                if case .failed = state.phases[vm]?.phase { return state.failures[vm] != nil }
                return false
            },
        ], timeout: 60)
        var linksSeenAfterOpening: [String] = []
        var topLines: [String] = []
        screen.observe = { state in
            if state.console.vm != nil, linksSeenAfterOpening.last != state.console.link.summary {
                linksSeenAfterOpening.append(state.console.link.summary)
            }
            if !state.console.isFollowing, topLines.isEmpty { topLines = screen.lastCanvas?.lines ?? [] }
        }
        let final = await pool.run(screen: screen, limit: 16)
        await pool.stop()
        #expect(screen.timedOutStep == nil, "timed out waiting for: \(screen.timedOutStep ?? "")")
        // The history since capture began: the guest's first line is at the top, with no reconnect.
        #expect(topLines.contains { $0.contains("Linux version") })
        // Attached from the first frame on (later the guest's reboot may drop and reattach it).
        #expect(linksSeenAfterOpening.first == "attached")
        #expect(final.captures.byVM.count >= 3)
        for name in ["install-01", "install-02"] {
            let vm = try #require(final.vm(named: name))
            #expect(final.phases[vm] != nil, "\(name) has no progress")
        }
    }

    @Test func theCapIsKeptAndTheNextInstallWaitsForASlot() async throws {
        let pool = try await LoopbackTUI.start(Self.installs)
        let screen = PacedScreen(size: Size(width: 120, height: 40), steps: [
            // The seed's fai01 (running, FAI's kernel args) holds one of the two slots.
            .init(name: "two captured, installs waiting") { state in
                state.captures.activeCount == 2 && state.installCaptures.values.contains { $0.status == .waitingForSlot }
            },
            .init(name: "install-02 captured once install-01 finished") { state in
                state.installCaptures["install-01"]?.status == .finished
                    && state.installCaptures["install-02"].map { $0.status != .waitingForSlot } == true
            },
        ], timeout: 60)
        var most = 0
        screen.observe = { state in most = max(most, state.captures.activeCount) }
        _ = await pool.run(screen: screen, limit: 2)
        await pool.stop()
        #expect(screen.timedOutStep == nil, "timed out waiting for: \(screen.timedOutStep ?? "")")
        #expect(most == 2)
    }

    @Test func aConsoleXapiRefusesIsShownAsRefusedAndTheOthersAreCaptured() async throws {
        let pool = try await LoopbackTUI.start(Self.installs)
        // Another client holds install-02's console, and the pool allows one client per console.
        let poolRef = try #require(try pool.session.call("pool.get_all", []).arrayValue?.first?.stringValue)
        _ = try pool.session.call("pool.set_limit_console_sessions", [.string(poolRef), .bool(true)])
        let records = try pool.session.vm.getAllRecords()
        let holdee = try #require(records.first { $0.value.nameLabel == "install-02" })
        let consoleRef = try #require(holdee.value.consoles.first)
        let console = try pool.session.console.getRecord(consoleRef)
        let holder = try pool.session.openConsole(location: console.location, using: CurlConsoleConnector())
        defer { holder.close() }
        let screen = PacedScreen(size: Size(width: 120, height: 40), steps: [
            .init(name: "install-02 refused, the others captured") { state in
                let captures = state.installCaptures
                guard case .refused = captures["install-02"]?.status else { return false }
                return captures["install-01"]?.status == .capturing && captures["install-03"]?.status == .capturing
            },
        ], timeout: 60)
        let final = await pool.run(screen: screen, limit: 16)
        await pool.stop()
        #expect(screen.timedOutStep == nil, "timed out waiting for: \(screen.timedOutStep ?? "")")
        #expect(final.installCaptures["install-02"]?.status.summary.contains("503") == true)
    }
}
