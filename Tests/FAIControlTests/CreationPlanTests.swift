import FAIControl
import Testing
import XenAPI

/// The creating plan's own logic: binding the placeholders to the real clone, and noticing a clone
/// that is not what the plan was made against.
@Suite struct CreationPlanTests {
    static func installPlan(_ pool: LoopbackPool) throws -> InstallPlan {
        let resolver = try pool.resolver()
        let (ref, template) = try resolver.resolve("FAI Squeeze 64", kind: .template)
        return try pool.controller().planInstall(
            InstallRequest(name: "web01", template: "FAI Squeeze 64", repository: "http://mirror.example/debian"),
            templateRef: ref, template: template, existing: resolver.records)
    }

    @Test func bindingPutsTheCloneInEveryPlaceholder() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let plan = try Self.installPlan(pool).creation
        #expect(plan.steps.allSatisfy { $0.ref == CreationPlan.newRef && $0.step.objectUUID == CreationPlan.newUUID })
        let bound = plan.bound(to: Ref("OpaqueRef:clone"), uuid: "clone-uuid")
        #expect(bound.count == plan.steps.count)
        #expect(bound.map(\.step.operation) == plan.steps.map(\.step.operation))
        for step in bound {
            #expect(step.ref == Ref("OpaqueRef:clone"))
            #expect(step.step.objectUUID == "clone-uuid")
            for write in step.writes {
                #expect(!write.call.arguments.contains(CreationPlan.newRef.rawValue), "\(write.call)")
                #expect(write.call.arguments.first == "OpaqueRef:clone", "\(write.call)")
                #expect(!"\(write.probe)".contains(CreationPlan.newRef.rawValue), "\(write.probe)")
            }
        }
    }

    @Test func aCloneThatDiffersFromThePredictionIsNamed() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let plan = try Self.installPlan(pool).creation
        var clone = plan.predicted
        clone.uuid = "clone-uuid"
        #expect(plan.mismatches(in: clone).isEmpty, "the UUID is not a plan input")
        clone.pvArgs = "quiet"
        clone.otherConfig["install-distro"] = nil
        clone.isATemplate = false
        let found = plan.mismatches(in: clone)
        #expect(found.contains { $0.hasPrefix("PV-args: ") && $0.hasSuffix(" -> \"quiet\"") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("other-config:install-distro: ") && $0.hasSuffix(" -> absent") }, "\(found)")
        #expect(found.contains("is-a-template: true -> false"), "\(found)")
    }
}
