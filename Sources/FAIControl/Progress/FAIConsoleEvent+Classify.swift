extension FAIConsoleEvent {
    /// Classifies one cleaned line (fai-console.md P2), or returns `nil` for lines without meaning.
    ///
    /// The first byte selects a small group of candidate patterns, so most lines cost one or two
    /// prefix comparisons.
    static func classify(_ raw: ByteLine) -> FAIConsoleEvent? {
        let line = raw.strippingKernelPrefixes
        guard let lead = line.first else { return nil }
        switch lead {
        case UInt8(ascii: "C"): return classifyC(line)
        case UInt8(ascii: "S"): return classifyS(line)
        case UInt8(ascii: "E"): return classifyE(line)
        case UInt8(ascii: "F"): return classifyF(line)
        case UInt8(ascii: "K"): return classifyK(line)
        case UInt8(ascii: "L"): return classifyL(line)
        case UInt8(ascii: "I"): return classifyI(line)
        case UInt8(ascii: "P"): return classifyP(line)
        case UInt8(ascii: "R"): return classifyR(line)
        case UInt8(ascii: "U"): return classifyU(line)
        case UInt8(ascii: "B"): return classifyB(line)
        case UInt8(ascii: "T"): return classifyT(line)
        case UInt8(ascii: "V"): return line.hasPrefix("VFS: Unable to mount root")
            || line.hasPrefix("VFS: Cannot open root") ? .noBootReason : scriptStatus(line)
        case UInt8(ascii: "A"): return line.hasPrefix("ALERT! ") ? .noBootReason : scriptStatus(line)
        case UInt8(ascii: "N"): return line.hasPrefix("No /tmp/fai/fstab created.")
            ? .dieMessage : line.hasPrefix("No init found") ? .noBootReason : scriptStatus(line)
        case UInt8(ascii: "G"): return line.hasPrefix("Gave up waiting for root device")
            ? .noBootReason : scriptStatus(line)
        case UInt8(ascii: "W"): return line.hasPrefix(
            "WARNING: These unknown packages are removed from the installation list: ")
            ? .errorLine : scriptStatus(line)
        case UInt8(ascii: "D"): return classifyD(line)
        case UInt8(ascii: "d"): return line.hasPrefix("dpkg: error processing ") ? .errorLine : scriptStatus(line)
        case UInt8(ascii: "m"): return classifyMount(line)
        case 0x30...0x39: return classifyDigit(line)
        case 0x20, 0x09: return classifyIndented(line)
        default: return scriptStatus(line)
        }
    }

    private static func classifyC(_ line: ByteLine) -> FAIConsoleEvent? {
        if let task = line.after("Calling task_"), task.isTaskName { return .taskStarted(task.string) }
        if let hook = line.after("Calling hook: ") { return .hook(hook.string) }
        if line.hasPrefix("Couldn't find any package whose name or description matched \"") {
            return .errorLine
        }
        if line.hasPrefix("Cannot satisfy pre-depends") { return .errorLine }
        if line.hasPrefix("Congratulations! No errors found in log files.") { return .logVerdictClean }
        return scriptStatus(line)
    }

    private static func classifyS(_ line: ByteLine) -> FAIConsoleEvent? {
        if let task = line.after("Skipping task_") ?? line.after("Skiping task_"), task.isTaskName {
            return .taskSkipped(task.string)
        }
        if let hook = line.after("Source hook: ") { return .hook(hook.string) }
        if let package = line.after("Setting up ") {
            let name = package.splitAtFirstBlank
            if !name.rest.isEmpty { return .packageSetUp(name.token.string) }
        }
        if let date = line.after("Starting FAI execution - ") { return .executionStarted(date.string) }
        if line.hasPrefix("Sleeping. Now you may change the config space") { return .pausedForConfigSpace }
        return scriptStatus(line)
    }

    private static func classifyE(_ line: ByteLine) -> FAIConsoleEvent? {
        if line.hasPrefix("E: ") { return .errorLine }
        if let path = line.after("ERRORS found in log files. See ") { return .logVerdictErrors(path: path.string) }
        if line.hasPrefix("ERROR: ") { return .errorLine }
        if let rest = line.after("Exit code task_") {
            let parts = rest.bytes.split(separator: 0x3A, maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, ByteLine(parts[0]).isTaskName,
                let level = ByteLine(parts[1]).after(" ")?.decimal {
                return .taskExitCode(task: ByteLine(parts[0]).string, level: level)
            }
        }
        if let rest = line.after("Error in task ") { return fatalTask(rest) }
        if let rest = line.after("Executing") { return executing(rest) }
        return scriptStatus(line)
    }

    private static func classifyF(_ line: ByteLine) -> FAIConsoleEvent? {
        if let action = line.after("FAI_ACTION: ") { return .action(action.string) }
        if let flags = line.after("FAI_FLAGS: ") { return .flags(words(flags)) }
        if line.hasPrefix("FATAL ERROR. Installation stopped.") { return .fatalStop }
        if line.hasPrefix("FATAL: Could not load /lib/modules/") { return .noBootReason }
        if line.hasPrefix("FAI finished at: ") { return .finishedAt }
        if line.hasPrefix("Fully Automatic Installation  -  FAI") && line.bytes.count == 36 { return .banner }
        if line.hasPrefix("FAI "), let version = faiVersion(line) {
            return .faiVersion(version)
        }
        return scriptStatus(line)
    }

    private static func classifyK(_ line: ByteLine) -> FAIConsoleEvent? {
        if let message = line.after("Kernel panic - not syncing: ") { return .kernelPanic(message.string) }
        if let args = line.after("Kernel command line: ") ?? line.after("Kernel parameters: ") {
            return .kernelCommandLine(args.string)
        }
        return scriptStatus(line)
    }

    private static func classifyL(_ line: ByteLine) -> FAIConsoleEvent? {
        if let version = line.after("Linux version ") {
            let token = version.splitAtFirstBlank.token
            if !token.isEmpty { return .kernelStarted(version: token.string) }
        }
        if line.hasPrefix("Loading, please wait...") && line.bytes.count == 23 { return .initramfs }
        if let classes = line.after("List of all classes:") { return .classes(words(classes)) }
        return scriptStatus(line)
    }

    private static func classifyI(_ line: ByteLine) -> FAIConsoleEvent? {
        if let rest = line.after("IP-Config: "), rest.splitAtFirstBlank.rest.hasPrefix(" complete") {
            return .initramfs
        }
        if let rest = line.after("INIT: version "), rest.before(" booting") != nil { return .nfsrootInit }
        if line.hasPrefix("Insufficient space available for partition") { return .errorLine }
        if line.hasPrefix("INTERNAL ERROR in setup-storage") { return .errorLine }
        return scriptStatus(line)
    }

    private static func classifyP(_ line: ByteLine) -> FAIConsoleEvent? {
        if line.hasPrefix("Press <RETURN> to reboot") { return .returnPrompt }
        if line.hasPrefix("Problems accessing the config space.") { return .dieMessage }
        if line.hasPrefix("Partitioning tool did not create") { return .dieMessage }
        if line.hasPrefix("Please look at the log files in") { return .dieMessage }
        return scriptStatus(line)
    }

    private static func classifyR(_ line: ByteLine) -> FAIConsoleEvent? {
        if let rest = line.after("Rebooting "), let host = rest.before(" now"),
            host.splitAtFirstBlank.rest.isEmpty, !host.isEmpty {
            return .rebootingHost(host.string)
        }
        if line.hasPrefix("Restarting system.") && line.bytes.count == 18 { return .restartingSystem }
        if line.hasPrefix("Root-NFS: ") { return .noBootReason }
        return scriptStatus(line)
    }

    private static func classifyU(_ line: ByteLine) -> FAIConsoleEvent? {
        if let package = line.after("Unpacking ") {
            let name = package.splitAtFirstBlank
            if !name.rest.isEmpty { return .packageUnpacked(name.token.string) }
        }
        if line.hasPrefix("Unable to find a live file system on the network")
            || line.hasPrefix("Unable to find a medium containing a live file system") {
            return .noBootReason
        }
        return scriptStatus(line)
    }

    private static func classifyB(_ line: ByteLine) -> FAIConsoleEvent? {
        if line.hasPrefix("Booting paravirtualized kernel on Xen") { return .paravirtualizedKernel }
        if line.hasPrefix("Begin: ") { return .initramfs }
        return scriptStatus(line)
    }

    private static func classifyT(_ line: ByteLine) -> FAIConsoleEvent? {
        if let traceback = line.after("Traceback: ") { return .traceback(traceback.string) }
        if let rest = line.after("The "), let took = rest.before(" seconds.") {
            let (action, tail) = took.splitAtFirstBlank
            if let seconds = tail.after(" took ")?.decimal, !action.isEmpty {
                return .actionTook(action: action.string, seconds: seconds)
            }
        }
        return scriptStatus(line)
    }

    private static func classifyD(_ line: ByteLine) -> FAIConsoleEvent? {
        if let rest = line.after("Duration of task "), let body = rest.before("s") {
            let parts = body.bytes.split(separator: 0x3A, maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, ByteLine(parts[0]).isTaskName,
                let seconds = ByteLine(parts[1]).trimmingLeadingBlanks.decimal {
                return .taskDuration(task: ByteLine(parts[0]).string, seconds: seconds)
            }
        }
        return scriptStatus(line)
    }

    private static func classifyMount(_ line: ByteLine) -> FAIConsoleEvent? {
        if let rest = line.after("mount: "), rest.contains("failed") || rest.contains("denied") {
            return .errorLine
        }
        if line.hasPrefix("mount call failed") { return .noBootReason }
        return scriptStatus(line)
    }

    private static func classifyDigit(_ line: ByteLine) -> FAIConsoleEvent? {
        guard let rest = line.leadingDecimal?.rest else { return nil }
        if let afterUpgraded = rest.after(" upgraded, ") ?? rest.after(" packages upgraded, "),
            let installed = afterUpgraded.leadingDecimal, installed.rest.hasPrefix(" newly installed") {
            return .packageTotals(newlyInstalled: installed.value)
        }
        if rest.hasPrefix(" errors during executing of ") { return .errorLine }
        if let version = faiVersion(line) { return .faiVersion(version) }
        return scriptStatus(line)
    }

    private static func classifyIndented(_ line: ByteLine) -> FAIConsoleEvent? {
        if let host = line.after(" host   : ") {
            let name = host.splitAtFirstBlank.token
            return name.isEmpty ? nil : .hostName(name.string)
        }
        let text = line.trimmingLeadingBlanks
        if text.bytes.count == line.bytes.count { return nil }
        if text.hasPrefix("Fully Automatic Installation  -  FAI") && text.bytes.count == 36 { return .banner }
        if let version = faiVersion(text) { return .faiVersion(version) }
        return nil
    }

    /// B2 `^\s*(?:FAI )?(\d+(?:\.\d+)+\S*?)(?:, [^(]+?)?\s+\(c\) 1999-\d{4}$` on a line without its
    /// leading blanks.
    private static func faiVersion(_ text: ByteLine) -> String? {
        guard text.bytes.count >= 16 else { return nil }
        let year = ByteLine(text.bytes.suffix(4))
        guard year.isDecimal, let head = ByteLine(text.bytes.dropLast(4)).before("(c) 1999-") else { return nil }
        let body = head.after("FAI ") ?? head
        let end = body.bytes.firstIndex(where: { $0 == 0x2C || $0 == 0x20 || $0 == 0x09 }) ?? body.bytes.endIndex
        let version = ByteLine(body.bytes[..<end])
        guard let afterMajor = version.leadingDecimal?.rest, afterMajor.hasPrefix("."),
            ByteLine(afterMajor.bytes.dropFirst()).leadingDecimal != nil
        else { return nil }
        return version.string
    }

    private static func fatalTask(_ rest: ByteLine) -> FAIConsoleEvent? {
        guard let dot = rest.bytes.firstIndex(of: 0x2E) else { return nil }
        let task = ByteLine(rest.bytes[..<dot])
        guard task.isTaskName else { return nil }
        let tail = ByteLine(rest.bytes[(dot + 1)...])
        if let code = tail.after(" Code: ")?.decimal {
            return .fatalTask(task: task.string, code: code, traceback: nil)
        }
        if let traceback = tail.after(" Traceback: ") {
            return .fatalTask(task: task.string, code: nil, traceback: traceback.string)
        }
        return nil
    }

    /// P3 `Executing: <command>` and `Executing\s+\w*:\s*(\S+)` (after the word `Executing`).
    private static func executing(_ rest: ByteLine) -> FAIConsoleEvent? {
        if let command = rest.after(": ") { return .executing(command.string) }
        let afterBlanks = rest.trimmingLeadingBlanks
        guard afterBlanks.bytes.count < rest.bytes.count,
            let colon = afterBlanks.bytes.firstIndex(of: 0x3A)
        else { return nil }
        let kind = afterBlanks.bytes[..<colon]
        guard kind.allSatisfy({ isWordByte($0) }) else { return nil }
        let script = ByteLine(afterBlanks.bytes[(colon + 1)...]).trimmingLeadingBlanks
        guard !script.isEmpty, script.splitAtFirstBlank.rest.isEmpty else { return nil }
        return .executing(script.string)
    }

    /// S1 `^(\S+)\s+OK\.$` and `^(\S+)\s+FAILED with exit code (\d+)\.$`.
    private static func scriptStatus(_ line: ByteLine) -> FAIConsoleEvent? {
        guard line.hasSuffix(".") else { return nil }
        let (name, rest) = line.splitAtFirstBlank
        let status = rest.trimmingLeadingBlanks
        guard !name.isEmpty, status.bytes.count < rest.bytes.count else { return nil }
        if status.bytes.count == 3, status.hasPrefix("OK.") { return .scriptSucceeded(name.string) }
        if let code = status.after("FAILED with exit code ")?.before(".")?.decimal {
            return .scriptFailed(name: name.string, code: code)
        }
        return nil
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x5F
    }

    private static func words(_ line: ByteLine) -> [String] {
        line.bytes.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x2C })
            .map { String(decoding: $0, as: UTF8.self) }
    }
}
