import FAIControl
import Testing
import XenAPI

@Suite struct TargetTests {
    let resolver = TargetResolver(records: [
        Ref("OpaqueRef:t1"): TestRecords.faiTemplate,
        Ref("OpaqueRef:v1"): TestRecords.vm(uuid: "12345678-aaaa-0000-0000-000000000001", name: "fai01"),
        Ref("OpaqueRef:v2"): TestRecords.vm(uuid: "12345678-bbbb-0000-0000-000000000002", name: "web"),
        Ref("OpaqueRef:v3"): TestRecords.vm(uuid: "99999999-cccc-0000-0000-000000000003", name: "web"),
        Ref("OpaqueRef:s1"): TestRecords.vm(uuid: "55555555-0000-0000-0000-000000000000", name: "snap", snapshot: true),
    ])

    @Test func findsByNameUUIDAndPrefix() throws {
        #expect(try resolver.resolve("fai01", kind: .vm).ref == Ref("OpaqueRef:v1"))
        #expect(try resolver.resolve("12345678-BBBB-0000-0000-000000000002", kind: .vm).ref == Ref("OpaqueRef:v2"))
        #expect(try resolver.resolve("9999", kind: .any).ref == Ref("OpaqueRef:v3"))
        #expect(try resolver.resolve("FAI Lenny", kind: .template).ref == Ref("OpaqueRef:t1"))
    }

    @Test func ambiguousAndUnknownListCandidates() {
        #expect(
            throws: TargetError.ambiguous(
                "web", kind: .vm,
                matches: ["web (12345678-bbbb-0000-0000-000000000002)", "web (99999999-cccc-0000-0000-000000000003)"])
        ) { try resolver.resolve("web", kind: .vm) }
        #expect(
            throws: TargetError.ambiguous(
                "12345678", kind: .vm,
                matches: ["fai01 (12345678-aaaa-0000-0000-000000000001)", "web (12345678-bbbb-0000-0000-000000000002)"])
        ) { try resolver.resolve("12345678", kind: .vm) }
        #expect(throws: TargetError.unknown("fai01", kind: .template, suggestions: [])) {
            try resolver.resolve("fai01", kind: .template)
        }
        #expect(throws: TargetError.unknown("snap", kind: .any, suggestions: [])) { try resolver.resolve("snap", kind: .any) }
        #expect(throws: TargetError.unknown("fai", kind: .vm, suggestions: ["fai01 (12345678-aaaa-0000-0000-000000000001)"])) {
            try resolver.resolve("fai", kind: .vm)
        }
    }

    @Test func templateOfAVMIsFoundByBaseTemplateName() {
        #expect(resolver.template(of: TestRecords.aborted)?.ref == Ref("OpaqueRef:t1"))
        #expect(resolver.template(of: TestRecords.vm(uuid: "x", name: "x")) == nil)
    }

    @Test func templateIsOnlyTheOneNamedByBaseTemplateName() {
        let lenny = TestRecords.vm(
            uuid: "dddddddd-0000-0000-0000-000000000009", name: "Debian Lenny 5.0 (32-bit)", template: true,
            pvArgs: "-- quiet console=hvc0", bootloader: "eliloader",
            otherConfig: ["install-distro": "debianlike", "debian-release": "lenny", "install-arch": "i386"])
        // A VM made from the default template and pointed at the FAI repository by hand is the default
        // template's VM: the FAI template installing from the same repository is not guessed.
        let handMade = TestRecords.vm(
            uuid: "eeeeeeee-0000-0000-0000-000000000005", name: "hand-made", pvArgs: "-- quiet console=hvc0",
            otherConfig: [
                "base_template_name": "Debian Lenny 5.0 (32-bit)", "install-repository": TestRecords.repo,
                "debian-release": "lenny", "install-arch": "i386",
            ])
        let resolver = TargetResolver(records: [
            Ref("OpaqueRef:t1"): TestRecords.faiTemplate, Ref("OpaqueRef:lenny"): lenny, Ref("OpaqueRef:v"): handMade,
        ])
        #expect(resolver.template(of: handMade)?.ref == Ref("OpaqueRef:lenny"))
        var unnamed = handMade
        unnamed.otherConfig["base_template_name"] = ""
        #expect(resolver.template(of: unnamed) == nil)
        var gone = handMade
        gone.otherConfig["base_template_name"] = "Deleted template"
        #expect(resolver.template(of: gone) == nil)
    }
}
