import Testing

@testable import FAIControl

@Suite("FAI progress: waits, hangs and reboots")
struct ProgressWaitTests {
    /// The success transcript up to and including `line`, fed at time 0.
    private func success(upTo marker: String, fixture: String = "success") throws -> FAIProgressTracker {
        let lines = ProgressFixtures.lines(try ProgressFixtures.bytes(fixture))
        var tracker = FAIProgressTracker(startTime: 0)
        for line in lines {
            tracker.consume(line, at: 0)
            if String(decoding: line, as: UTF8.self).hasPrefix(marker) { break }
        }
        return tracker
    }

    @Test func silentInstsoftIsNotHungBeforeTheSilentPhaseThreshold() throws {
        var tracker = try success(upTo: "Installing software may take a while")
        #expect(tracker.progress.task == "instsoft")
        tracker.tick(now: 20 * 60)
        #expect(tracker.progress.outcome == .running)
        #expect(tracker.untilDoneExitCode == nil)
        tracker.tick(now: 46 * 60)
        guard case .hung(let hang) = tracker.progress.outcome else {
            Issue.record("expected hung, got \(tracker.progress.outcome)")
            return
        }
        #expect(hang.task == "instsoft")
        #expect(hang.lastLine == "Installing software may take a while")
        #expect(tracker.untilDoneExitCode == 5)
        #expect(tracker.statusText == "HUNG instsoft")
    }

    @Test func outputAfterAHangResumesTheInstall() throws {
        var tracker = try success(upTo: "Installing software may take a while")
        tracker.tick(now: 46 * 60)
        #expect(tracker.untilDoneExitCode == 5)
        tracker.consume(Array("Calling task_configure\r\n".utf8), at: 46 * 60 + 1)
        #expect(tracker.progress.outcome == .running)
        #expect(tracker.progress.task == "configure")
    }

    @Test func thresholdsAreConfigurable() throws {
        let thresholds = FAIProgressTracker.Thresholds(talkativePhase: 30, silentPhase: 60)
        var tracker = FAIProgressTracker(configuration: .init(thresholds: thresholds), startTime: 0)
        tracker.consume(Array("Calling task_partition\r\nExecuting: parted -s /dev/xvda mklabel msdos".utf8), at: 0)
        tracker.tick(now: 29)
        #expect(tracker.progress.outcome == .running)
        tracker.tick(now: 31)
        guard case .hung(let hang) = tracker.progress.outcome else {
            Issue.record("expected hung, got \(tracker.progress.outcome)")
            return
        }
        #expect(hang.task == "partition")
        #expect(hang.partialLine == "Executing: parted -s /dev/xvda mklabel msdos")
    }

    @Test func aSilentConsoleHangsAtBoot() {
        var tracker = FAIProgressTracker(startTime: 100)
        tracker.tick(now: 399)
        #expect(tracker.progress.outcome == .running)
        tracker.tick(now: 401)
        #expect(tracker.progress.outcome
            == .hung(FAIHang(task: nil, lastLine: nil, partialLine: "", silentSeconds: 301)))
    }

    @Test func rootMountErrorsFollowedBySilenceAreNoBoot() {
        var tracker = FAIProgressTracker(startTime: 0)
        tracker.consume(Array("Loading, please wait...\r\nUnable to find a live file system on the network\r\n".utf8), at: 0)
        tracker.tick(now: 30)
        #expect(tracker.progress.outcome == .running)
        tracker.tick(now: 61)
        #expect(tracker.progress.outcome == .noBoot(FAINoBoot(
            kind: .silentAfterError, reasonLines: ["Unable to find a live file system on the network"])))
    }

    @Test func returnPromptWithoutRebootWaitsForReturn() throws {
        var tracker = ProgressFixtures.trackWhole(try ProgressFixtures.bytes("fail-instsoft"))
        tracker.tick(now: 14)
        #expect(tracker.progress.wait == nil)
        tracker.tick(now: 16)
        #expect(tracker.progress.wait == .waitingForReturn)
        #expect(tracker.summary().hasSuffix("(waiting for RETURN)"))
        #expect(tracker.untilDoneExitCode == 3)
    }

    @Test func succeededIsSettledOnlyAtTheEndOfFAI() throws {
        var tracker = try success(upTo: "The install took")
        #expect(tracker.progress.outcome == .succeeded)
        #expect(tracker.untilDoneExitCode == nil)
        tracker.consume(Array("Calling task_faiend\r\nPress <RETURN> to reboot.\r\n".utf8), at: 1)
        #expect(tracker.untilDoneExitCode == 0)
    }

    @Test func savelogErrorsTurnSuccessIntoWarnings() throws {
        var tracker = try success(upTo: "Source hook: savelog.LAST.source")
        tracker.consume(Array("ERRORS found in log files. See /tmp/fai/error.log\r\n".utf8), at: 1)
        #expect(tracker.progress.outcome == .succeededWithWarnings([
            FAITaskIssue(task: "savelog", level: 0, errorLines: ["ERRORS found in log files. See /tmp/fai/error.log"])
        ]))
    }

    @Test func warningLevelsAreWarnings() throws {
        var tracker = try success(upTo: "Calling task_chboot")
        tracker.consume(Array("Exit code task_chboot: 312\r\n".utf8), at: 1)
        #expect(tracker.progress.outcome == .succeededWithWarnings([
            FAITaskIssue(task: "chboot", level: 312, errorLines: [])
        ]))
    }

    @Test func rebootThenLoginIsInstalled() throws {
        var tracker = ProgressFixtures.trackWhole(try ProgressFixtures.bytes("success"))
        tracker.consume(Array("Linux version 2.6.26-2-xen-686 (Debian)\r\nKernel command line: root=/dev/xvda1 ro\r\n".utf8), at: 5)
        #expect(tracker.progress.stage == .installedBooting)
        #expect(tracker.progress.kernelArgumentWarnings.isEmpty)
        tracker.consume(Array("\r\nDebian GNU/Linux 5.0 fai01 hvc0\r\n\r\nfai01 login: ".utf8), at: 9)
        let progress = tracker.progress
        #expect(progress.stage == .installed)
        #expect(progress.outcome == .succeeded)
        #expect(progress.percent == 100)
        #expect(tracker.untilDoneExitCode == 0)
        #expect(tracker.statusText == "succeeded, installed")
    }

    @Test func aKernelAfterFAIFinishedIsTheInstalledSystem() throws {
        var tracker = try success(upTo: "The install took")
        tracker.consume(Array("Linux version 2.6.26-2-xen-686 (Debian)\r\n".utf8), at: 1)
        #expect(tracker.progress.stage == .installedBooting)
        #expect(tracker.progress.percent == 100)
        #expect(tracker.untilDoneExitCode == 0)
    }

    @Test func loginBeforeAnyRebootIsNotInstalled() {
        var tracker = FAIProgressTracker(startTime: 0)
        tracker.consume(Array("fai01 login: ".utf8), at: 0)
        #expect(tracker.progress.stage == .booting)
    }

    @Test func configSpaceSleepIsPausedAndNotAHang() {
        var tracker = FAIProgressTracker(startTime: 0)
        let text = "Calling task_confdir\r\nSleeping. Now you may change the config space in /var/lib/fai/config.\r\n"
            + "Continue after killall sleep.\r\n"
        tracker.consume(Array(text.utf8), at: 0)
        #expect(tracker.progress.wait == .paused)
        tracker.tick(now: 3600)
        #expect(tracker.progress.outcome == .running)
        tracker.consume(Array("Calling task_setup\r\n".utf8), at: 3601)
        #expect(tracker.progress.wait == nil)
    }

    @Test func panicAfterFAIStartedIsACrash() throws {
        var tracker = try success(upTo: "Installing software may take a while")
        tracker.consume(Array("Kernel panic - not syncing: Out of memory and no killable processes...\r\n".utf8), at: 1)
        guard case .failed(let failure) = tracker.progress.outcome else {
            Issue.record("expected failed, got \(tracker.progress.outcome)")
            return
        }
        #expect(failure.kind == .crash)
        #expect(failure.task == "instsoft")
        #expect(tracker.untilDoneExitCode == 3)
    }

    @Test func newerFAIFatalErrorCarriesItsCode() {
        var tracker = FAIProgressTracker(startTime: 0)
        let text = """
            Calling task_confdir\r
            Calling task_partition\r
            Starting setup-storage 3.0\r
            Cannot satisfy pre-depends for mkfs.xfs: xfsprogs -- system left untouched.\r
            Error in task partition. Code: 710\r
            Traceback: task_error task_partition task task_install task task_action task main\r
            ERRORS found in log files. See /tmp/fai/error.log\r
            FATAL ERROR. Installation stopped.\r
            root@fai05:/#\u{20}
            """
        tracker.consume(Array(text.utf8), at: 0)
        guard case .failed(let failure) = tracker.progress.outcome else {
            Issue.record("expected failed, got \(tracker.progress.outcome)")
            return
        }
        #expect(failure.kind == .fatal)
        #expect(failure.code == 710)
        #expect(!failure.isCodeInferred)
        #expect(failure.errorLines == ["Cannot satisfy pre-depends for mkfs.xfs: xfsprogs -- system left untouched."])
        #expect(failure.traceback == "task_error task_partition task task_install task task_action task main")
        tracker.tick(now: 4)
        #expect(tracker.progress.wait == .waitingAtShell)
    }

    @Test func templateCommandLineIsWarnedAbout() {
        var tracker = FAIProgressTracker(startTime: 0)
        tracker.consume(Array("[    0.000000] Kernel command line: -- quiet console=hvc0\r\n".utf8), at: 0)
        #expect(tracker.progress.kernelArgumentWarnings == [.missingNFSRoot, .missingLiveBoot, .missingFAIAction])
    }
}
