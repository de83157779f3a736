import Simulator
import Testing

@testable import FAIControl

@Suite("FAI progress: newer FAI and hostile input")
struct ProgressRobustnessTests {
    @Test func newerFAIWaitsForReturnAfterASuccess() {
        var tracker = FAIProgressTracker(startTime: 0)
        let text = """
            [    0.000000] Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org)\r
            [    0.000000] Booting paravirtualized kernel on Xen\r
            [    0.000000] Kernel command line: console=hvc0 root=/dev/nfs boot=live FAI_ACTION=install\r
                          Fully Automatic Installation  -  FAI\r
                          FAI 6.2, 20 Jan 2024   (c) 1999-2024\r
            Calling task_confdir\r
            Calling task_setup\r
            Calling task_defclass\r
            Calling task_defvar\r
            Calling task_action\r
            Calling task_install\r
            Calling task_partition\r
            Calling task_mountdisks\r
            Calling task_extrbase\r
            Calling task_debconf\r
            Calling task_repository\r
            Calling task_updatebase\r
            Calling task_instsoft\r
            Calling task_configure\r
            Calling task_tests\r
            Calling task_finish\r
            FAI finished at: Mon Jan 22 10:42:23 CET 2024\r
            The install took 411 seconds.\r
            Calling task_chboot\r
            Calling task_savelog\r
            Duration of task savelog:  2s\r
            Calling task_faiend\r
            Press <RETURN> to reboot (do not remove your removable medium yet).\r

            """
        tracker.consume(Array(text.utf8), at: 0)
        let progress = tracker.progress
        #expect(progress.faiVersion == "6.2")
        #expect(progress.outcome == .succeeded)
        #expect(progress.phaseIndex == 18)
        #expect(progress.record(of: "savelog")?.durationSeconds == 2)
        #expect(tracker.untilDoneExitCode == 0)
        tracker.tick(now: 16)
        #expect(tracker.progress.wait == .waitingForReturn)
        #expect(tracker.statusText == "succeeded (waiting for RETURN)")
    }

    @Test func randomBytesNeverCrashAndKeepTheInvariants() throws {
        var generator = SplitMix64(seed: 42)
        let fixture = try ProgressFixtures.bytes("fail-instsoft")
        let alphabet: [UInt8] = Array("Calling task_ Exit code E: \u{1B}[]()0123456789;:\r\n\u{8}\u{7}(initramfs) ".utf8)
            + [0x00, 0x9B, 0xC3, 0xFF, 0x1B]
        for round in 0..<20 {
            var tracker = FAIProgressTracker(startTime: 0)
            var percent = 0.0
            var phase = 0
            for step in 0..<200 {
                let length = Int.random(in: 0...300, using: &generator)
                var chunk: [UInt8] = []
                if step.isMultiple(of: 3) {
                    let start = Int.random(in: 0..<fixture.count, using: &generator)
                    chunk = Array(fixture[start..<min(fixture.count, start + length)])
                } else {
                    for _ in 0..<length { chunk.append(alphabet.randomElement(using: &generator) ?? 0) }
                }
                let time = Double(round * 1000 + step)
                tracker.consume(chunk, at: time)
                tracker.tick(now: time + Double.random(in: 0...4000, using: &generator))
                let progress = tracker.progress
                #expect(progress.percent >= percent && progress.percent <= 100)
                #expect(progress.phaseIndex >= phase && progress.phaseIndex <= FAIPhase.count)
                #expect(progress.partialLine.utf8.count <= 4096 * 3)
                percent = progress.percent
                phase = progress.phaseIndex
            }
        }
    }
}
