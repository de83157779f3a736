import Testing

@testable import FAIControl

@Suite("FAI progress on the fixture transcripts")
struct ProgressFixtureTests {
    @Test func successIsSucceededAndRebooting() throws {
        let progress = ProgressFixtures.trackWhole(try ProgressFixtures.bytes("success")).progress
        #expect(progress.outcome == .succeeded)
        #expect(progress.stage == .rebooting)
        #expect(progress.phaseIndex == 18)
        #expect(progress.percent == 100)
        #expect(progress.faiVersion == "3.4.8")
        #expect(progress.flags == ["sshd"])
        #expect(!progress.isVerbose)
        #expect(progress.isParavirtualized)
        #expect(progress.kernelVersion == "2.6.26-2-xen-686")
        #expect(progress.hostName == "fai01")
        #expect(progress.action == "install")
        #expect(progress.classes == ["DEFAULT", "LINUX", "I386", "FAIBASE", "DHCPC", "GRUB", "XENSERVER", "fai01", "LAST"])
        #expect(progress.kernelArgumentWarnings.isEmpty)
        #expect(progress.installSeconds == 411)
        #expect(progress.logHasErrors == false)
        #expect(progress.tasks.allSatisfy { $0.level == 0 && $0.errorLines.isEmpty })
        #expect(progress.packages == FAIPackageCounters())
        #expect(progress.summary() == "fai01: FAI install succeeded in 411 s, rebooting")
    }

    @Test func successVerboseCountsPackages() throws {
        let progress = ProgressFixtures.trackWhole(try ProgressFixtures.bytes("success-verbose")).progress
        #expect(progress.outcome == .succeeded)
        #expect(progress.isVerbose)
        #expect(progress.packages == FAIPackageCounters(total: 4, unpacked: 4, setUp: 4))
        #expect(progress.percent == 100)
        #expect(progress.runDate == "20110614_103512")
    }

    @Test func failInstsoftFailsWithErrors() throws {
        let tracker = ProgressFixtures.trackWhole(try ProgressFixtures.bytes("fail-instsoft"))
        let progress = tracker.progress
        guard case .failed(let failure) = progress.outcome else {
            Issue.record("expected failed, got \(progress.outcome)")
            return
        }
        #expect(failure.kind == .errors)
        #expect(failure.task == "instsoft")
        #expect(failure.code == 472)
        #expect(failure.errorLines.first == "E: Broken packages")
        #expect(failure.errorLines.contains("1 errors during executing of commands"))
        #expect(failure.errorLines.contains { $0.hasPrefix("ERROR: chroot /target apt-get") })
        #expect(failure.issues.map(\.task) == ["instsoft", "configure"])
        #expect(failure.issues.map(\.level) == [472, 420])
        #expect(failure.issues.last?.errorLines == ["XENSERVER/10-xe-guest FAILED with exit code 1."])
        #expect(progress.record(of: "instsoft")?.contextLines.last == "E: Broken packages")
        #expect(progress.logHasErrors == true)
        #expect(progress.sawReturnPrompt)
        #expect(progress.stage == .installing)
        #expect(progress.phaseIndex == 18)
        #expect(progress.hostName == "fai02")
        #expect(tracker.untilDoneExitCode == 3)
        #expect(tracker.summary() == "fai02: FAI failed in instsoft (472): E: Broken packages; also configure (420)")
    }

    @Test func failPartitionIsFatalWithInferredCode() throws {
        let tracker = ProgressFixtures.trackWhole(try ProgressFixtures.bytes("fail-partition"))
        let progress = tracker.progress
        guard case .failed(let failure) = progress.outcome else {
            Issue.record("expected failed, got \(progress.outcome)")
            return
        }
        #expect(failure.kind == .fatal)
        #expect(failure.task == "partition")
        #expect(failure.code == 710)
        #expect(failure.isCodeInferred)
        #expect(failure.errorLines == ["Insufficient space available for partition /dev/xvda1"])
        #expect(failure.traceback == "task_error task_partition task task_install task task_action task main")
        #expect(progress.partialLine == "root@fai03:/#")
        #expect(progress.phaseIndex == 9)
        #expect(tracker.untilDoneExitCode == 3)
        #expect(tracker.summary(vmName: "fai03")
            == "fai03: FAI stopped in partition (710, inferred): Insufficient space available for partition /dev/xvda1")
    }

    @Test func noNFSRootIsKernelPanic() throws {
        let tracker = ProgressFixtures.trackWhole(try ProgressFixtures.bytes("no-nfsroot"))
        let progress = tracker.progress
        guard case .noBoot(let noBoot) = progress.outcome else {
            Issue.record("expected noBoot, got \(progress.outcome)")
            return
        }
        #expect(noBoot.kind == .panic)
        #expect(noBoot.reasonLines == [
            "FATAL: Could not load /lib/modules/2.6.26-2-xen-686/modules.dep: No such file or directory",
            "Kernel panic - not syncing: Attempted to kill init!",
        ])
        #expect(!progress.hasFAIStarted)
        #expect(progress.stage == .initramfs)
        #expect(tracker.untilDoneExitCode == 4)
    }

    @Test func noFAIArgsIsInitramfsShellWithArgumentWarning() throws {
        var tracker = ProgressFixtures.trackWhole(try ProgressFixtures.bytes("no-fai-args"))
        let progress = tracker.progress
        guard case .noBoot(let noBoot) = progress.outcome else {
            Issue.record("expected noBoot, got \(progress.outcome)")
            return
        }
        #expect(noBoot.kind == .initramfsShell)
        #expect(noBoot.reasonLines.contains("ALERT!  does not exist.  Dropping to a shell!"))
        #expect(progress.kernelArgumentWarnings == [.waitedForLocalRoot])
        #expect(progress.partialLine == "(initramfs)")
        #expect(tracker.untilDoneExitCode == 4)
        #expect(tracker.summary(vmName: "fai04").contains("PV-args lack root=/dev/nfs boot=live"))
        #expect(progress.wait == nil)
        tracker.tick(now: 5)
        #expect(tracker.progress.wait == .waitingAtShell)
    }

    @Test(arguments: ProgressFixtures.names)
    func chunkingDoesNotChangeTheResult(name: String) throws {
        let bytes = try ProgressFixtures.bytes(name)
        let whole = ProgressFixtures.trackWhole(bytes).progress
        var byteByByte = FAIProgressTracker(startTime: 0)
        for byte in bytes { byteByByte.consume(CollectionOfOne(byte), at: 0) }
        #expect(byteByByte.progress == whole)
        for seed in UInt64(1)...8 {
            let split = ProgressFixtures.trackSplit(bytes, seed: seed, maximumChunk: seed.isMultiple(of: 2) ? 7 : 300)
            #expect(split.progress == whole, "seed \(seed)")
        }
    }

    @Test(arguments: ProgressFixtures.names)
    func phaseAndPercentNeverDecrease(name: String) throws {
        let bytes = try ProgressFixtures.bytes(name)
        var tracker = FAIProgressTracker(startTime: 0)
        var phase = 0
        var percent = 0.0
        for (index, line) in ProgressFixtures.lines(bytes).enumerated() {
            let time = Double(index) * 2
            tracker.consume(line, at: time)
            tracker.tick(now: time + 1)
            let progress = tracker.progress
            #expect(progress.phaseIndex >= phase, "phase fell at line \(index)")
            #expect(progress.percent >= percent, "percent fell at line \(index)")
            #expect(progress.percent <= 100)
            phase = progress.phaseIndex
            percent = progress.percent
        }
        if name.hasPrefix("success") {
            #expect(percent == 100)
        } else {
            #expect(percent < 100)
        }
    }
}
