import FAIControl
import Foundation
import Simulator
import Testing
import XenAPI

/// Installs give the new VM its network interfaces as `xe vif-create` does, through the controller.
@Suite struct InstallNetworkTests {
    static func twoNetworkPool() async throws -> LoopbackPool {
        try await LoopbackPool.start(SimulatorConfiguration(linesPerSecond: 3000, bootDelay: 2, extraNetworks: 1))
    }

    @Test func severalNetworksForGuestsNeedAChoiceBeforeAnythingIsWritten() async throws {
        let pool = try await Self.twoNetworkPool()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        let before = try pool.session.allVMRecords().count
        do {
            try pool.install(InstallRequest(name: "web01", template: "FAI Squeeze 64"), with: controller)
            Issue.record("an install without --network on a pool with two networks went ahead")
        } catch let error as InstallError {
            guard case .networkChoiceNeeded(_, let candidates) = error else { throw error }
            #expect(candidates.count == 2)
            #expect(!"\(error)".contains("Host internal management network"))
            #expect("\(error)".contains("--network"))
        }
        #expect(try pool.session.allVMRecords().count == before)
        #expect(try controller.contents().sets.isEmpty)
    }

    @Test func networksAskedForGetDevicesInOrderByNameOrUUID() async throws {
        let pool = try await Self.twoNetworkPool()
        defer { Task { await pool.stop() } }
        let resolver = try pool.resolver()
        let (ref, template) = try resolver.resolve("FAI Squeeze 64", kind: .template)
        let networks = try pool.session.network.getAllRecords()
        let eth1 = try #require(networks.first(where: { $0.value.nameLabel == "Pool-wide network associated with eth1" }))
        let controller = try pool.controller()
        let report = try controller.install(
            InstallRequest(name: "web02", template: "FAI Squeeze 64", networks: [eth1.value.uuid.uppercased(), "Pool-wide network associated with eth0"]),
            templateRef: ref, template: template, existing: resolver.records)
        #expect(report.networkNote == nil)
        #expect(report.interfaces.map { [$0.device, $0.network] } == [
            ["0", "Pool-wide network associated with eth1"], ["1", "Pool-wide network associated with eth0"],
        ])
        let vifs = try pool.session.vifs(of: Ref(report.ref))
        #expect(vifs["0"]?.record.network == eth1.key)
        #expect(Set(vifs.values.map(\.record.mac)).count == 2)
        #expect(report.interfaces.map(\.mac) == [vifs["0"]?.record.mac, vifs["1"]?.record.mac])
        // Journaled as steps of the one change set, read back as applied.
        let set = try #require(controller.contents().sets.last)
        #expect(set.isFullyApplied)
        #expect(set.steps.filter { $0.operation == "VIF.create" }.map(\.summary) == [
            "\(set.steps[0].objectName) VIF.create device 0 on Pool-wide network associated with eth1",
            "\(set.steps[0].objectName) VIF.create device 1 on Pool-wide network associated with eth0",
        ])
    }

    @Test func anUnknownNetworkIsRefusedListingTheNetworksForGuests() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let resolver = try pool.resolver()
        let (ref, template) = try resolver.resolve("FAI Squeeze 64", kind: .template)
        #expect(throws: InstallError.unknownNetwork("eth9", candidates: [
            "Pool-wide network associated with eth0 (\(try eth0UUID(pool)))",
        ])) {
            try pool.controller().install(
                InstallRequest(name: "web03", template: "FAI Squeeze 64", networks: ["eth9"]), templateRef: ref, template: template,
                existing: resolver.records)
        }
    }

    @Test func aTemplateWithAVIFKeepsItsCopyAndGetsNoSecond() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        var resolver = try pool.resolver()
        let (ref, template) = try resolver.resolve("FAI Squeeze 64", kind: .template)
        let first = try controller.install(
            InstallRequest(name: "with-nic", template: "FAI Squeeze 64"), templateRef: ref, template: template, existing: resolver.records)
        // Make the installed VM a template again: it has one VIF of its own now.
        try pool.session.call("VM.set_is_a_template", [.string(first.ref), .bool(true)])
        resolver = try pool.resolver()
        let (nicRef, nicTemplate) = try resolver.resolve(first.uuid, kind: .template)
        let second = try controller.install(
            InstallRequest(name: "from-nic", template: first.uuid), templateRef: nicRef, template: nicTemplate, existing: resolver.records)
        #expect(second.interfaces.isEmpty)
        #expect(second.networkNote == "the template's VIF is copied by the clone, with new MACs")
        let vifs = try pool.session.vifs(of: Ref(second.ref))
        #expect(vifs.keys.sorted() == ["0"])
        #expect(vifs["0"]?.record.mac != first.interfaces.first?.mac)
    }

    @Test func noNetworkAskedForMakesNoVIFAndSaysSo() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let resolver = try pool.resolver()
        let (ref, template) = try resolver.resolve("FAI Squeeze 64", kind: .template)
        var request = InstallRequest(name: "web04", template: "FAI Squeeze 64")
        request.withoutNetwork = true
        let report = try pool.controller().install(request, templateRef: ref, template: template, existing: resolver.records)
        #expect(report.interfaces.isEmpty && !report.calls.contains { $0.method == "VIF.create" })
        #expect(report.networkNote == "no network asked for: the VM gets no network interface")
        #expect(try pool.session.vifs(of: Ref(report.ref)).isEmpty)
    }

    private func eth0UUID(_ pool: LoopbackPool) throws -> String {
        try #require(pool.session.network.getAllRecords().values.first(where: { $0.nameLabel == "Pool-wide network associated with eth0" })).uuid
    }
}

/// End to end: `install --network … --monitor … --start` gives the VM a VIF, the simulated guest's
/// sendmon reports under that VIF's MAC (`FAI_SENDID=mac`), and `xsfai fleet --json` maps the sender
/// back to the VM by that MAC.
@Suite struct InstallNetworkMonitorTests {
    @Test func fleetMapsTheSenderToTheInstalledVMByItsVIFMAC() async throws {
        let pool = try await LoopbackPool.start(SimulatorConfiguration(linesPerSecond: 3000, bootDelay: 3))
        defer { Task { await pool.stop() } }
        let state = temporaryStateFolder()
        let port = FleetCommandEndToEndTests.freePort()
        let fleet = Task.detached {
            try CLIRunEndToEndTests.run(
                ["fleet", "--fai-monitor", "127.0.0.1:\(port)", "--watch", "--until-done", "--json", "--wait", "90"],
                pool: pool, state: state, limit: 120)
        }
        try await Task.sleep(for: .seconds(2))  // the fleet command listens before the guest boots
        let installed = try CLIRunEndToEndTests.run(
            ["install", "FAI Squeeze 64", "--name", "web21", "--network", "Pool-wide network associated with eth0",
             "--monitor", "127.0.0.1:\(port)", "--start"], pool: pool, state: state)
        #expect(installed.status == 0, "\(installed.stderr)")
        let mac = try #require(try pool.mac(of: "web21"))
        #expect(installed.stdout.contains("VIF 0 on Pool-wide network associated with eth0, MAC \(mac): xe vif-create vm-uuid="), "\(installed.stdout)")
        #expect(installed.stdout.contains("device=0 mac=random"))

        let watched = try await fleet.value
        #expect(watched.status == 0, "\(watched.stdout)\(watched.stderr)")
        let rows = try watched.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let last = try #require(rows.last)
        #expect(last["sender"] as? String == mac)
        #expect(last["vm"] as? String == "web21")
        #expect(last["mappedBy"] as? String == "mac")
        #expect(last["verdict"] as? String == "ok")
    }
}

extension InstallNetworkMonitorTests {
    /// `install --names … --fai-monitor P --monitor P --watch`: each guest reports under its VIF's
    /// MAC and the batch's line for the VM shows the monitor's view of it.
    @Test func aWatchedBatchFindsEachVMsMonitorReportsByItsMAC() async throws {
        let pool = try await LoopbackPool.start(SimulatorConfiguration(linesPerSecond: 3000, bootDelay: 3))
        defer { Task { await pool.stop() } }
        let port = FleetCommandEndToEndTests.freePort()
        let watched = try CLIRunEndToEndTests.run(
            ["install", "FAI Squeeze 64", "--names", "mon[1-2]", "--fai-monitor", "127.0.0.1:\(port)",
             "--monitor", "127.0.0.1:\(port)", "--watch", "--timeout", "90"], pool: pool, state: temporaryStateFolder(), limit: 120)
        #expect(watched.status == 0, "\(watched.stdout)\(watched.stderr)")
        for name in ["mon1", "mon2"] {
            let mac = try #require(try pool.mac(of: name))
            #expect(watched.stdout.contains("VIF 0 \(mac) on Pool-wide network associated with eth0"), "\(watched.stdout)")
            #expect(watched.stderr.contains("\(name): ") && watched.stderr.split(separator: "\n").contains { $0.hasPrefix("\(name): ") && $0.contains("[monitor: ") },
                    "\(watched.stderr)")
        }
    }
}

/// A VIF.create that never reaches the pool, twice: the install stops half-applied, is reported as
/// pending, and `journal --complete` creates the VIF (once) and finishes the install.
@Suite struct InterruptedVIFCreationTests {
    @Test func aHalfAppliedInstallIsCompletedWithItsVIF() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        pool.server.setFaults([.dropBefore(method: "VIF.create", nthCall: 1), .dropBefore(method: "VIF.create", nthCall: 2)])
        #expect(throws: ChangeSetError.self) {
            try pool.install(InstallRequest(name: "web31", template: "FAI Squeeze 64"), with: controller)
        }
        pool.server.setFaults([])
        let pending = try #require(controller.reconcile().first { !$0.isSettled })
        let vifStep = try #require(pending.set.steps.firstIndex { $0.operation == "VIF.create" })
        #expect(pending.states[vifStep] == .notApplied)
        let created = try #require(pending.createdUUID)
        #expect(try pool.session.vifs(of: pool.session.vm.getByUUID(created)).isEmpty)

        _ = try controller.complete(pending.set.number)
        let vm = try pool.session.vm.getByUUID(created)
        #expect(try pool.session.vm.getRecord(vm).nameLabel == "web31")
        #expect(try pool.session.vifs(of: vm).keys.sorted() == ["0"])
        #expect(try controller.reconcile().filter { !$0.isSettled }.isEmpty)
    }
}

/// An install that stops right after its clone (the new VM could not be read) is completed from its
/// journal entry alone: the networks it chose are journaled with the creation, so the VIF is made too.
@Suite struct InterruptedAfterCloneTests {
    @Test func completingAnInstallStoppedAfterTheCloneMakesItsVIF() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        pool.server.setFaults((1...4).map { SimulatorFault.dropBefore(method: "VM.get_record", nthCall: $0) })
        #expect(throws: (any Error).self) {
            try pool.install(InstallRequest(name: "web41", template: "FAI Squeeze 64"), with: controller)
        }
        pool.server.setFaults([])
        let pending = try #require(controller.reconcile().first { !$0.isSettled })
        #expect(pending.set.steps.isEmpty)
        #expect(pending.set.creation?.networks?.count == 1)
        _ = try controller.complete(pending.set.number)
        let vm = try pool.session.ref(named: "web41")
        #expect(try pool.session.vifs(of: vm).keys.sorted() == ["0"])
    }
}
