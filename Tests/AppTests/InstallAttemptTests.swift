@testable import App
import FAIControl
import Foundation
import Terminal
import TUI
import Testing
import XenAPI

/// `r`, `s` into a failing install, `r`, `s` into a succeeding one: the VMs column, the details and
/// the console header follow the current attempt (in memory: reducer, console buffer and views).
@Suite struct InstallAttemptTests {
    typealias F = PoolFixture

    /// The reducer with the console buffer, wired as the main loop wires them.
    struct Session {
        var state = F.loadedState
        let buffer = ConsoleBuffer(scrollbackLimit: 5000)
        var snapshot = F.snapshot

        mutating func perform(_ effects: [Effect]) {
            for effect in effects {
                switch effect {
                case .resetConsoleBuffer: buffer.reset()
                case .restartInstallProgress: buffer.restartProgress()
                case .markConsole(let text): buffer.mark(text)
                default: continue
                }
                state.advance(to: buffer)
            }
        }

        mutating func type(_ text: String) { perform(state.type(text)) }

        mutating func pool(_ change: (inout VMRecord) -> Void) {
            if var record = snapshot.vms[F.aborted] { change(&record); snapshot.vms[F.aborted] = record }
            perform(state.reduce(.poolChanged(snapshot)))
        }

        mutating func console(_ transcript: String) {
            let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../Resources/Transcripts/\(transcript)").standardizedFileURL.path
            let bytes = (FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [])
                .flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
            buffer.feed(bytes, at: 0)
            state.advance(to: buffer)
            if let report = buffer.failureReport { perform(state.reduce(.consoleFailureRead(report))) }
        }

        var column: String {
            guard let record = state.vms[F.aborted] else { return "" }
            return InstallState(ref: F.aborted, record: record, state: state).label
        }

        var screen: [String] { AppView(state: state, console: buffer).render().canvas.lines }
    }

    /// What r, s and the boot do to the record: armed, then running a new domain on pygrub.
    static func armed(_ record: inout VMRecord) {
        record.pvBootloader = "eliloader"
        record.otherConfig["install-distro"] = "debianlike"
        record.pvArgs = "console=hvc0 root=/dev/nfs boot=live FAI_ACTION=install"
    }

    static func booted(_ domain: Int64) -> (inout VMRecord) -> Void {
        { record in
            record.powerState = .running
            record.domid = domain
            record.pvBootloader = "pygrub"
            record.otherConfig["install-distro"] = nil
        }
    }

    static func halted(_ record: inout VMRecord) {
        record.powerState = .halted
        record.domid = -1
    }

    @Test func eachAttemptShowsItsOwnVerdict() throws {
        var session = Session()
        session.type("2j")
        #expect(session.state.vmList.selected == F.aborted)
        session.perform(session.state.reduce(.keyPressed(.enter)))  // console of fai-broken, waiting for power-on

        // First attempt: r, s, FAI fails in instsoft.
        session.pool(Self.armed)
        #expect(session.column == "armed")
        session.pool(Self.booted(7))
        session.console("fail-instsoft.log")
        #expect(session.column == "failed (instsoft)")
        #expect(session.state.console.progress.contains("FAILED"))
        #expect(session.state.consoleFailure(of: F.aborted)?.task == "instsoft")
        session.pool(Self.halted)
        #expect(session.column == "failed (instsoft)")  // the verdict of the last attempt stays while halted

        // Second attempt: r arms it — the old verdict no longer labels the VM.
        session.pool(Self.armed)
        #expect(session.column == "armed")
        session.pool(Self.booted(8))
        #expect(session.column != "failed (instsoft)")
        #expect(!session.state.console.progress.contains("FAILED"))
        #expect(session.state.consoleFailure(of: F.aborted) == nil)
        #expect(!session.screen.contains { $0.contains("FAILED") })
        session.console("success.log")
        #expect(session.column == "installed")
        #expect(!session.state.console.progress.contains("FAILED"))
        // FAI reboots into the installed system: a new domain, the same attempt.
        let progress = session.state.console.progress
        session.pool { $0.domid = 9 }
        #expect(session.column == "installed")
        #expect(session.state.console.progress == progress)
        // The details of the VM explain the current attempt, not the failed one.
        _ = session.state.type("2")
        #expect(session.screen.contains { $0.contains("fai-broken") && $0.contains("installed") })
        _ = session.state.type("d")
        let details = session.screen.joined(separator: "\n")
        #expect(details.contains("successful installation"))
        #expect(!details.contains("failed in task_instsoft"))
        // The capture keeps both attempts, separated by the lifecycle markers.
        #expect(session.buffer.search("VM started").count >= 2)
    }
}
