import FAIControl
import XenAPI

extension AppState {
    /// VMs whose capture buffer must stay: the captured ones, the open console's and the tiles'.
    var viewedOrCapturedVMs: Set<Ref<VMRecord>> {
        var vms = Set(captures.byVM.keys).union(console.tiles)
        if let vm = console.vm { vms.insert(vm) }
        return vms
    }

    /// VMs captured whatever the limit: the tiles and the open console.
    var pinnedCaptures: Set<Ref<VMRecord>> {
        var vms = Set(console.tiles)
        if let vm = console.vm { vms.insert(vm) }
        return vms
    }

    /// Whether `vm` is in an install attempt this TUI knows of: running, and started, rearmed or
    /// installed by this TUI, armed on eliloader with `install-distro`, or booted with FAI's kernel
    /// arguments.
    func isInstallAttempt(_ vm: Ref<VMRecord>, _ record: VMRecord) -> Bool {
        guard record.powerState == .running, record.isPV, !record.isATemplate, !record.isASnapshot, !record.isControlDomain
        else { return false }
        if fleet.begun[vm] != nil { return true }
        if record.pvBootloader == "eliloader" && record.otherConfig["install-distro"] != nil { return true }
        return KernelArgumentCheck.warning(record.pvArgs) == nil
    }

    /// Decides which VMs are captured in the background after the pool or the console changed:
    /// captures follow their VM to a new console, end when it halts (history kept) or is destroyed,
    /// and free slots go to pinned VMs first, then to the install attempts waiting longest.
    mutating func planCaptures() -> [Effect] {
        var effects: [Effect] = []
        let pinned = pinnedCaptures
        for (vm, old) in captures.byVM {
            var capture = old
            guard let record = vms[vm] else {
                captures.byVM[vm] = nil
                if old.status.holdsSlot { effects.append(.endCapture(vm: vm, keepHistory: false)) }
                continue
            }
            if record.powerState != .running {
                if old.status == .waitingForSlot {
                    captures.byVM[vm] = nil
                    continue
                }
                if old.status.holdsSlot { effects.append(.endCapture(vm: vm, keepHistory: true)) }
                capture.status = .finished
                capture.domain = -1
            } else if old.status.holdsSlot, !pinned.contains(vm), !isInstallAttempt(vm, record) {
                // Untiled (or closed) and not an install: nothing to follow in the background.
                effects.append(.endCapture(vm: vm, keepHistory: true))
                capture.status = .finished
            } else if old.status.holdsSlot, let (ref, _) = textConsole(of: vm), ref != old.console {
                // A reboot: the capture's follower attaches to the new console by itself.
                capture.console = ref
            } else if old.status == .waitingForSlot, !(pinned.contains(vm) || isInstallAttempt(vm, record)) {
                captures.byVM[vm] = nil
                continue
            }
            captures.byVM[vm] = capture
        }
        effects += fillCaptureSlots(pinned: pinned)
        mirrorCaptureLink()
        return effects
    }

    /// Starts captures for pinned VMs and, up to the limit, install attempts without one.
    private mutating func fillCaptureSlots(pinned: Set<Ref<VMRecord>>) -> [Effect] {
        var candidates: [Ref<VMRecord>] = []
        for (vm, record) in vms where record.powerState == .running {
            let isPinned = pinned.contains(vm)
            guard isPinned || (captures.limit > 0 && isInstallAttempt(vm, record)) else { continue }
            switch captures.byVM[vm] {
            case nil: candidates.append(vm)
            case let capture?:
                if capture.status == .waitingForSlot || (capture.status == .finished && (capture.domain == -1 || isPinned)) {
                    candidates.append(vm)
                }
            }
        }
        // New ones are numbered in name order, so a batch seen at once is captured in a stable order.
        for vm in candidates.sorted(by: { (vms[$0]?.nameLabel ?? "", $0.rawValue) < (vms[$1]?.nameLabel ?? "", $1.rawValue) })
        where captures.byVM[vm] == nil {
            captures.byVM[vm] = BackgroundCaptureState(status: .waitingForSlot, id: 0, seen: captures.nextSeen)
            captures.nextSeen += 1
        }
        candidates.sort { left, right in
            (pinned.contains(left) ? 0 : 1, captures.byVM[left]?.seen ?? 0) < (pinned.contains(right) ? 0 : 1, captures.byVM[right]?.seen ?? 0)
        }
        var active = captures.byVM.filter { $0.value.status.holdsSlot && !pinned.contains($0.key) }.count
        var effects: [Effect] = []
        for vm in candidates {
            guard let previous = captures.byVM[vm], let (ref, _) = textConsole(of: vm) else { continue }
            let isPinned = pinned.contains(vm)
            if !isPinned {
                guard active < captures.limit else { continue }
                active += 1
            }
            let freshAttempt = previous.status == .finished && previous.domain == -1
            var capture = BackgroundCaptureState(status: .connecting, id: captures.nextID, seen: previous.seen)
            captures.nextID += 1
            capture.console = ref
            capture.domain = vms[vm]?.domid ?? -1
            if !freshAttempt {
                (capture.lastLine, capture.progress, capture.phase) = (previous.lastLine, previous.progress, previous.phase)
            } else if vm != console.vm {
                phases[vm] = nil
                failures[vm] = nil
            }
            captures.byVM[vm] = capture
            effects.append(.startCapture(vm: vm, id: capture.id, freshAttempt: freshAttempt))
        }
        return effects
    }

    /// The open console's link says what its capture's connection does.
    mutating func mirrorCaptureLink() {
        guard let vm = console.vm else { return }
        guard let capture = captures.byVM[vm] else {
            console.link = .waitingForPowerOn
            return
        }
        switch capture.status {
        case .connecting: console.link = capture.console.map(ConsoleLink.connecting) ?? .waitingForPowerOn
        case .capturing: console.link = capture.console.map(ConsoleLink.attached) ?? .waitingForPowerOn
        case .retrying(let delay, let reason): console.link = .retrying(delayMilliseconds: delay, reason: reason)
        case .refused(let holder):
            console.link = .retrying(delayMilliseconds: ConsoleBackoff.refusedDelayMilliseconds, reason: "refused (HTTP 503), held by \(holder)")
        case .waitingForSlot, .finished: console.link = .waitingForPowerOn
        }
    }

    /// A capture's connection changed state.
    mutating func captureStatusChanged(vm: Ref<VMRecord>, id: Int, status: BackgroundCaptureState.Status) -> [Effect] {
        guard var capture = captures.byVM[vm], capture.id == id, capture.status.holdsSlot else { return [] }
        capture.status = status
        captures.byVM[vm] = capture
        mirrorCaptureLink()
        return []
    }

    /// A capture read more: the VM's progress (the VMs column) and, once the verdict is in, the
    /// capture ends unless it is on screen, freeing its slot. A VM found booting its installed
    /// system (a login prompt, FAI never ran) was no install: its capture ends too.
    mutating func captureAdvanced(vm: Ref<VMRecord>, id: Int, _ reading: CaptureReading) -> [Effect] {
        guard var capture = captures.byVM[vm], capture.id == id else { return [] }
        let phase = reading.showsInstalledSystem ? .unknown : reading.phase
        (capture.phase, capture.progress, capture.lastLine) = (phase, reading.progress, reading.lastLine)
        // Before FAI's banner a boot is only known to be an install's when this TUI began it or
        // eliloader boots it; a boot failure is a verdict either way.
        let isKnownInstall = fleet.begun[vm] != nil || vms[vm]?.pvBootloader == "eliloader"
        if phase != .unknown, reading.hasFAIStarted || phase.isVerdict || isKnownInstall, let domain = vms[vm]?.domid, domain > 0 {
            phases[vm] = AttemptPhase(domain: domain, phase: phase)
        } else if phase != .unknown, phase.isVerdict || phases[vm] != nil, vms[vm]?.powerState == .halted {
            // The last output of a domain that halted meanwhile (a kernel panic): same attempt, told
            // as a halted VM's last attempt.
            phases[vm] = AttemptPhase(domain: phases[vm]?.domain ?? 0, phase: phase)
        }
        var effects: [Effect] = []
        if phase.isVerdict || reading.showsInstalledSystem, capture.status.holdsSlot, !pinnedCaptures.contains(vm) {
            capture.status = .finished
            effects.append(.endCapture(vm: vm, keepHistory: true))
        }
        captures.byVM[vm] = capture
        if !effects.isEmpty { effects += planCaptures() }
        return effects
    }
}

extension InstallPhase {
    /// Whether the attempt's outcome is known (success, failure, no boot); a hang may still go on.
    var isVerdict: Bool {
        switch self {
        case .succeeded, .failed, .noBoot: true
        case .unknown, .installing, .hung: false
        }
    }
}
