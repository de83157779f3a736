import Simulator
import Testing
import XMLRPC

@Suite struct RecordTests {
    @Test func getAllRecordsWhereFiltersWithTheDatabaseGrammar() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let expression = #"field "is_a_template" = "true" and field "is_default_template" = "true""#
            let templates = try client.value("VM.get_all_records_where", [session, .string(expression)]).structValue
            let names = Set(templates?.members.compactMap { $0.value.structValue?["name_label"]?.stringValue } ?? [])
            #expect(names.contains("Debian Lenny 5.0 (32-bit)"))
            #expect(names.contains("Debian Squeeze 6.0 (32-bit)"))
            #expect(names.contains("Debian Squeeze 6.0 (64-bit)"))
            #expect(!names.contains("FAI Squeeze 64"))
            let controlDomains = try client.value("VM.get_all_records_where", [session, #"not (field "is_control_domain" = "false")"#]).structValue
            #expect(controlDomains?.count == 1)
            let failure = try client.failure("VM.get_all_records_where", [session, #"field "name_label" ="#])
            #expect(failure.first == "INVALID_VALUE")
        }
    }

    @Test func recordsCarryTheRealTypesAndTemplateKeys() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let template = try client.vm(named: "Debian Squeeze 6.0 (64-bit)", session: session)
            let record = try #require(try client.value("VM.get_record", [session, template]).structValue)
            #expect(record.count > 85)
            #expect(record["PV_bootloader"] == "eliloader")
            #expect(record["PV_args"] == "-- quiet console=hvc0")
            #expect(record["is_a_template"] == .bool(true))
            // xapi writes ints untyped: they decode as text.
            #expect(record["memory_static_max"] == "268435456")
            let config = try client.otherConfig(template, session: session)
            #expect(config["install-distro"] == "debianlike")
            #expect(config["debian-release"] == "squeeze")
            #expect(config["install-arch"] == "amd64")
            #expect(config["default_template"] == "true")
            #expect(config["disks"]?.contains(#"size="8589934592""#) == true)
            #expect(config["mac_seed"] != nil)
            let hvm = try client.vm(named: "Other install media", session: session)
            #expect(try client.field("VM", "HVM_boot_policy", of: hvm, session: session) == "BIOS order")
        }
    }

    @Test func lookupsFailWithXapiErrors() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            #expect(try client.failure("VM.get_by_uuid", [session, "no-such-uuid"]) == ["UUID_INVALID", "VM", "no-such-uuid"])
            #expect(try client.failure("VM.get_record", [session, "OpaqueRef:missing"]) == ["HANDLE_INVALID", "VM", "OpaqueRef:missing"])
            let vm = try client.vm(named: "fai01", session: session)
            let uuid = try client.field("VM", "uuid", of: vm, session: session)
            #expect(try client.value("VM.get_by_uuid", [session, uuid]) == vm)
            #expect(try client.value("VM.get_by_name_label", [session, "nobody"]).arrayValue == [])
        }
    }

    @Test func otherConfigMapOperationsFollowXapi() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.vm(named: "fai02", session: session)
            _ = try client.value("VM.add_to_other_config", [session, vm, "owner", "ops"])
            let duplicate = try client.failure("VM.add_to_other_config", [session, vm, "owner", "ops"])
            #expect(duplicate == ["MAP_DUPLICATE_KEY", "VM", "other_config", vm.stringValue ?? "", "owner"])
            _ = try client.value("VM.remove_from_other_config", [session, vm, "owner"])
            _ = try client.value("VM.remove_from_other_config", [session, vm, "owner"])
            #expect(try client.otherConfig(vm, session: session)["owner"] == nil)
            _ = try client.value("VM.set_other_config", [session, vm, .structure(XMLRPCStruct([("only", "this")]))])
            #expect(try client.otherConfig(vm, session: session) == ["only": "this"])
            _ = try client.value("VM.set_PV_args", [session, vm, "console=hvc0"])
            #expect(try client.field("VM", "PV_args", of: vm, session: session) == "console=hvc0")
            _ = try client.value("VM.set_VCPUs_max", [session, vm, .int(4)])
            #expect(try client.field("VM", "VCPUs_max", of: vm, session: session) == "4")
        }
    }

    @Test func cloneKeepsAndDropsTheRightKeys() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let template = try client.vm(named: "Debian Squeeze 6.0 (64-bit)", session: session)
            let original = try client.otherConfig(template, session: session)
            let clone = try client.value("VM.clone", [session, template, "my-template"])
            let config = try client.otherConfig(clone, session: session)
            #expect(config["default_template"] == nil)
            #expect(config["mac_seed"] != nil && config["mac_seed"] != original["mac_seed"])
            #expect(config["base_template_name"] == "Debian Squeeze 6.0 (64-bit)")
            #expect(config["install-distro"] == "debianlike")
            #expect(config["disks"] == original["disks"])
            #expect(try client.field("VM", "is_a_template", of: clone, session: session) == .bool(true))
            #expect(try client.field("VM", "is_default_template", of: clone, session: session) == .bool(false))
            #expect(try client.failure("VM.destroy", [session, template]) == ["VM_IS_TEMPLATE", template.stringValue ?? "", "destroy"])
            _ = try client.value("VM.destroy", [session, clone])
        }
    }

    @Test func provisionCreatesTheDisksAndClearsTheKey() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("fai10", session: session)
            #expect(try client.otherConfig(vm, session: session)["disks"] == nil)
            #expect(try client.field("VM", "is_a_template", of: vm, session: session) == .bool(false))
            let vbds = try client.value("VM.get_VBDs", [session, vm]).stringArrayValue ?? []
            #expect(vbds.count == 1)
            let vdi = try client.value("VBD.get_VDI", [session, .string(vbds.first ?? "")])
            #expect(try client.value("VDI.get_virtual_size", [session, vdi]) == "8589934592")
            #expect(try client.value("VDI.get_name_description", [session, vdi]) == "Created by template provisioner")
            #expect(try client.failure("VM.provision", [session, vm]) == ["ONLY_PROVISION_TEMPLATE"])
        }
    }

    @Test func operationChecksGiveXapiParameters() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let running = try client.vm(named: "fai01", session: session)
            let ref = running.stringValue ?? ""
            #expect(try client.failure("VM.start", [session, running, .bool(false), .bool(false)]) == ["VM_BAD_POWER_STATE", ref, "halted", "running"])
            let halted = try client.vm(named: "fai02", session: session)
            #expect(try client.failure("VM.hard_shutdown", [session, halted]) == ["VM_BAD_POWER_STATE", halted.stringValue ?? "", "paused, suspended, running", "halted"])
            let template = try client.vm(named: "Debian Lenny 5.0 (32-bit)", session: session)
            #expect(try client.failure("VM.start", [session, template, .bool(false), .bool(false)]) == ["VM_IS_TEMPLATE", template.stringValue ?? "", "start"])
            let dom0 = try client.value("VM.get_all_records_where", [session, #"field "is_control_domain" = "true""#]).structValue?.names.first ?? ""
            #expect(try client.failure("VM.hard_shutdown", [session, .string(dom0)]) == ["OPERATION_NOT_ALLOWED", "This operation is not allowed on a control domain"])
        }
    }

    @Test func scalePoolLoadsTwoThousandFullRecords() async throws {
        try await withSimulator(SimulatorConfiguration(extraVMs: 2000)) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let records = try client.value("VM.get_all_records", [session]).structValue
            #expect((records?.count ?? 0) > 2000)
            let sample = records?.members.last?.value.structValue
            #expect((sample?.count ?? 0) > 85)
        }
    }
}
