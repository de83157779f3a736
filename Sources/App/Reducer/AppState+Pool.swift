import XenAPI

extension AppState {
    /// Takes the pool after a change: records, rows, console attachment and lifecycle markers.
    mutating func apply(_ snapshot: PoolSnapshot) -> [Effect] {
        poolName = snapshot.pool?.nameLabel ?? poolName
        hosts = snapshot.hosts.mapValues(\.nameLabel)
        consoles = snapshot.consoles
        storageRepositories = snapshot.srs
        networks = snapshot.networks
        vms = snapshot.vms
        templateRecords = vms.filter { $0.value.isATemplate && !$0.value.isASnapshot }
        refreshRows()
        rebuildSenderMapping(vifs: snapshot.vifs)
        refreshFleetRows()
        let captureEffects = planCaptures()
        return captureEffects + followConsoleVM()
    }

    /// Follows the console's VM across starts, reboots and halts (its capture does the attaching);
    /// emits marker lines.
    mutating func followConsoleVM() -> [Effect] {
        guard let vm = console.vm else { return [] }
        guard let record = vms[vm] else {
            if console.lastSeen != nil {
                console.lastSeen = nil
                console.link = .idle
                return [.markConsole("VM destroyed")]
            }
            return []
        }
        var markers = lifecycleMarkers(old: console.lastSeen, new: record)
        if console.lastSeen == nil, console.link == .waitingForPowerOn, record.powerState == .running {
            markers.append(startMarker(record))
        }
        var effects: [Effect] = []
        if let old = console.lastSeen, old.powerState == .halted, record.powerState == .running {
            // A fresh start (after a rearm, say) is a new install attempt, read from scratch (first, so
            // the markers below are read by the new attempt's tracker); the capture keeps the old one.
            effects.append(.restartInstallProgress)
            phases[vm] = nil
            failures[vm] = nil
            console.failure = nil
            console.progress = ""
        } else if let old = console.lastSeen, old.powerState == .running, record.domid > 0, record.domid != old.domid {
            // A reboot inside the attempt (FAI reboots into the installed system): it goes on.
            phases[vm]?.domain = record.domid
        }
        effects += markers.map(Effect.markConsole)
        console.lastSeen = record
        mirrorCaptureLink()
        return effects
    }

    private func lifecycleMarkers(old: VMRecord?, new: VMRecord) -> [String] {
        guard let old else { return [] }
        var markers: [String] = []
        if old.pvBootloader != new.pvBootloader {
            if old.pvBootloader == "eliloader" && new.pvBootloader == "pygrub" {
                markers.append("bootloader switched to pygrub by eliloader")
            } else {
                markers.append("PV-bootloader changed: \(old.pvBootloader) → \(new.pvBootloader)")
            }
        }
        if old.powerState != new.powerState {
            switch new.powerState {
            case .running: markers.append(startMarker(new))
            case .halted: markers.append("VM halted")
            case .paused: markers.append("VM paused")
            case .suspended: markers.append("VM suspended")
            }
        } else if new.powerState == .running && old.domid != new.domid && old.domid >= 0 && new.domid > 0 {
            markers.append("VM rebooted (domain \(old.domid) → \(new.domid))")
        }
        return markers
    }
}

extension AppState {
    fileprivate func startMarker(_ record: VMRecord) -> String {
        "VM started on \(hosts[record.residentOn] ?? "host \(record.residentOn.rawValue)")"
    }
}

extension ListState {
    /// Moves the selection to where `previous` went after the rows changed (or clamps it).
    mutating func reselect(_ previous: Ref<VMRecord>?, visibleRows: Int) {
        if let previous, let index = rows.firstIndex(of: previous), index != position.selection {
            position = position.selecting(index, count: rows.count, visibleRows: visibleRows)
        } else {
            position = position.clamped(count: rows.count, visibleRows: visibleRows)
        }
    }
}
