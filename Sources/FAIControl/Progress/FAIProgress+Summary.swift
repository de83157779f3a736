extension FAIProgress {
    /// Exit codes of `--until-done` (issue 3).
    public enum UntilDoneExitCode {
        /// FAI finished without errors.
        public static let success: Int32 = 0
        /// FAI failed (stopped, finished with errors, or crashed).
        public static let faiFailure: Int32 = 3
        /// The VM did not boot into FAI.
        public static let noBoot: Int32 = 4
        /// The console hung, or the caller's timeout expired.
        public static let timeoutOrHang: Int32 = 5
    }

    /// The `--until-done` exit code once the install is over, else `nil`.
    /// - Parameter isSettled: whether FAI reached its end (faiend, RETURN prompt, reboot) or waits;
    ///   a finished install is only judged then, because the savelog verdict comes after `took`.
    public func untilDoneExitCode(isSettled: Bool) -> Int32? {
        switch outcome {
        case .running: nil
        case .succeeded, .succeededWithWarnings: isSettled ? UntilDoneExitCode.success : nil
        case .failed(let failure):
            failure.kind == .errors && !isSettled ? nil : UntilDoneExitCode.faiFailure
        case .noBoot: UntilDoneExitCode.noBoot
        case .hung: UntilDoneExitCode.timeoutOrHang
        }
    }

    /// A one-line summary for the CLI, e.g. `fai02: FAI failed in instsoft (472): E: Broken packages`.
    /// - Parameter vmName: the name to show; defaults to the host name read from the console.
    public func summary(vmName: String? = nil) -> String {
        let name = vmName ?? hostName ?? "vm"
        return "\(name): \(verdictText)\(waitSuffix)"
    }

    private var verdictText: String {
        switch outcome {
        case .running:
            return statusText
        case .succeeded:
            return "FAI install succeeded" + durationText + stageSuffix
        case .succeededWithWarnings(let warnings):
            let list = warnings.map { issueText($0) }.joined(separator: "; ")
            return "FAI install succeeded with warnings" + durationText + stageSuffix + ": " + list
        case .failed(let failure):
            return failureText(failure)
        case .noBoot(let noBoot):
            return noBootText(noBoot)
        case .hung(let hang):
            let place = hang.task.map { "in \($0)" } ?? "while booting"
            var text = "hung \(place): no console output for \(Int(hang.silentSeconds)) s"
            if let line = hang.lastLine { text += "; last line: \(line)" }
            if !hang.partialLine.isEmpty { text += "; waiting at: \(hang.partialLine)" }
            return text
        }
    }

    private func failureText(_ failure: FAIFailure) -> String {
        let task = failure.task ?? "an unknown task"
        switch failure.kind {
        case .crash:
            return "kernel panic during FAI task \(task)" + (failure.errorLines.first.map { ": \($0)" } ?? "")
        case .fatal:
            var code = failure.code.map { String($0) } ?? "stopped"
            if failure.isCodeInferred { code += ", inferred" }
            var text = "FAI stopped in \(task) (\(code))"
            if let line = failure.errorLines.first { text += ": \(line)" }
            return text
        case .errors:
            var text = "FAI failed in \(task) (\(failure.code.map { String($0) } ?? "?"))"
            if let line = failure.errorLines.first { text += ": \(line)" }
            let others = failure.issues.dropFirst().map { "\($0.task) (\($0.level))" }
            if !others.isEmpty { text += "; also " + others.joined(separator: ", ") }
            return text
        }
    }

    private func noBootText(_ noBoot: FAINoBoot) -> String {
        let kind = switch noBoot.kind {
        case .panic: "kernel panic"
        case .initramfsShell: "initramfs shell"
        case .silentAfterError: "no root file system"
        }
        var text = "no boot (\(kind))"
        let panic = noBoot.reasonLines.last { $0.hasPrefix("Kernel panic") }
        if let first = panic ?? noBoot.reasonLines.last(where: { $0.hasPrefix("ALERT!") }) ?? noBoot.reasonLines.first {
            text += ": \(first)"
        }
        if !kernelArgumentWarnings.isEmpty {
            text += " [" + kernelArgumentWarnings.map(\.message).joined(separator: "; ") + "]"
        }
        return text
    }

    private func issueText(_ issue: FAITaskIssue) -> String {
        let level = issue.level > 0 ? " (\(issue.level))" : ""
        let line = issue.errorLines.first.map { ": \($0)" } ?? ""
        return issue.task + level + line
    }

    private var durationText: String { installSeconds.map { " in \($0) s" } ?? "" }

    private var stageSuffix: String {
        switch stage {
        case .rebooting: ", rebooting"
        case .installedBooting: ", installed system booting"
        case .installed: ", installed"
        default: ""
        }
    }

    private var waitSuffix: String {
        switch wait {
        case .waitingForReturn: " (waiting for RETURN)"
        case .waitingAtShell: " (waiting at a shell)"
        case .paused: " (paused)"
        case nil: ""
        }
    }

    /// A short status for a table column, e.g. `installing instsoft 14/18 63%` or `FAILED instsoft 472`.
    public var statusText: String {
        switch outcome {
        case .running:
            return runningText + waitSuffix
        case .succeeded, .succeededWithWarnings:
            let warned = if case .succeededWithWarnings = outcome { " (warnings)" } else { "" }
            let where_ = switch stage {
            case .rebooting: ", rebooting"
            case .installedBooting: ", booting"
            case .installed: ", installed"
            default: ""
            }
            return "succeeded\(warned)\(where_)" + waitSuffix
        case .failed(let failure):
            let code = failure.code.map { " \($0)" } ?? ""
            let word = switch failure.kind {
            case .fatal: "STOPPED"
            case .errors: "FAILED"
            case .crash: "CRASHED"
            }
            return "\(word) \(failure.task ?? "?")\(code)" + waitSuffix
        case .noBoot(let noBoot):
            let kind = switch noBoot.kind {
            case .panic: "panic"
            case .initramfsShell: "initramfs shell"
            case .silentAfterError: "no root"
            }
            return "NO BOOT \(kind)"
        case .hung(let hang):
            return "HUNG \(hang.task ?? "boot")"
        }
    }

    private var runningText: String {
        let position = "\(phaseIndex)/\(FAIPhase.count) \(Int(percent))%"
        switch stage {
        case .waiting: return "waiting for console"
        case .booting: return "booting \(position)"
        case .initramfs: return "initramfs \(position)"
        case .nfsrootInit: return "nfsroot init \(position)"
        case .fai: return "fai \(task ?? "start") \(position)"
        case .installing: return "installing \(task ?? "") \(position)"
        case .rebooting: return "rebooting"
        case .installedBooting: return "installed system booting"
        case .installed: return "installed"
        }
    }
}
