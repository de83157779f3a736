import Testing

@testable import FAIControl

@Suite("FAI console line classes (P2)")
struct ProgressClassifierTests {
    private func classify(_ text: String) -> FAIConsoleEvent? {
        let bytes = Array(text.utf8)
        return FAIConsoleEvent.classify(ByteLine(bytes[...]))
    }

    @Test func taskLinesOfAllVersions() {
        #expect(classify("Calling task_instsoft") == .taskStarted("instsoft"))
        #expect(classify("Skiping task_mirror") == .taskSkipped("mirror"))
        #expect(classify("Skipping task_mirror") == .taskSkipped("mirror"))
        #expect(classify("Exit code task_instsoft: 472") == .taskExitCode(task: "instsoft", level: 472))
        #expect(classify("Duration of task partition:  12s") == .taskDuration(task: "partition", seconds: 12))
        #expect(classify("Source hook: savelog.LAST.sh") == .hook("savelog.LAST.sh"))
        #expect(classify("Calling task_Bad") == nil)
    }

    @Test func bannerAndVersions() {
        #expect(classify("                   Fully Automatic Installation  -  FAI") == .banner)
        #expect(classify("                   FAI 3.4.8, 10 May 2011   (c) 1999-2010") == .faiVersion("3.4.8"))
        #expect(classify("        FAI 6.6   (c) 1999-2026") == .faiVersion("6.6"))
        #expect(classify("   6.2.2~bpo12+1      (c) 1999-2024") == .faiVersion("6.2.2~bpo12+1"))
    }

    @Test func scriptStatusLines() {
        #expect(classify("10-base-classes      OK.") == .scriptSucceeded("10-base-classes"))
        #expect(classify("XENSERVER/10-xe-guest FAILED with exit code 1.")
            == .scriptFailed(name: "XENSERVER/10-xe-guest", code: 1))
        #expect(classify("Not everything is OK.") == nil)
    }

    @Test func errorsAndFatalLines() {
        #expect(classify("E: Broken packages") == .errorLine)
        #expect(classify("ERRORS found in log files. See /tmp/fai/error.log") == .logVerdictErrors(path: "/tmp/fai/error.log"))
        #expect(classify("mount: mounting /dev/xvda1 on /target failed: No such device") == .errorLine)
        #expect(classify("mount: mount point /proc/bus/usb does not exist") == nil)
        #expect(classify("Error in task partition. Code: 710") == .fatalTask(task: "partition", code: 710, traceback: nil))
        #expect(classify("FATAL ERROR. Installation stopped.") == .fatalStop)
        #expect(classify("Problems accessing the config space.") == .dieMessage)
    }

    @Test func packageAndStepLines() {
        #expect(classify("0 upgraded, 4 newly installed, 0 to remove and 0 not upgraded.") == .packageTotals(newlyInstalled: 4))
        #expect(classify("3 packages upgraded, 2 newly installed, 0 to remove and 0 not upgraded.") == .packageTotals(newlyInstalled: 2))
        #expect(classify("Unpacking grub (from .../grub_0.97-47lenny2_i386.deb) ...") == .packageUnpacked("grub"))
        #expect(classify("Setting up grub (0.97-47lenny2) ...") == .packageSetUp("grub"))
        #expect(classify("Executing    shell: FAIBASE/10-misc") == .executing("FAIBASE/10-misc"))
        #expect(classify("Executing: mkswap  /dev/xvda2") == .executing("mkswap  /dev/xvda2"))
        #expect(classify("Executing /var/lib/fai/config/class/10-base-classes.") == nil)
    }

    @Test func kernelLinesWithTimestamps() {
        #expect(classify("[    0.000000] Linux version 4.19.0-6-amd64 (debian-kernel)") == .kernelStarted(version: "4.19.0-6-amd64"))
        #expect(classify("[    0.000000] Booting paravirtualized kernel on Xen") == .paravirtualizedKernel)
        #expect(classify("[    2.1] Kernel panic - not syncing: VFS: Unable to mount root fs") == .kernelPanic("VFS: Unable to mount root fs"))
        #expect(classify("printk: console [hvc0] enabled") == nil)
        #expect(classify("Restarting system.") == .restartingSystem)
        #expect(classify("Rebooting fai01 now") == .rebootingHost("fai01"))
        #expect(classify("The install took 411 seconds.") == .actionTook(action: "install", seconds: 411))
        #expect(classify("Press <RETURN> to reboot (do not remove your removable medium yet).") == .returnPrompt)
    }

    @Test func promptsInThePartialLine() {
        let prompt = { (text: String) in FAIProgressTracker.prompt(in: ByteLine(Array(text.utf8)[...])) }
        #expect(prompt("(initramfs)") == .initramfsShell)
        #expect(prompt("root@fai03:/#") == .shell)
        #expect(prompt("bash-3.2#") == .shell)
        #expect(prompt("fai01 login:") == .login)
        #expect(prompt("Press <RETURN> to reboot.") == nil)
        #expect(prompt("mail me at a@b: now $") == nil)
    }
}
