@testable import App
import FAIControl
import TUI
import Testing
import XenAPI

/// The FAI wiki's workflow without leaving the TUI: copy the vendor template, rename, delete,
/// new installs with SR and repository, destroy VMs, clean shutdown and reboot, and what template
/// keys say when they do nothing.
@Suite struct TemplateWorkflowTests {
    typealias F = PoolFixture

    /// The loaded state with the Templates pane's selection on `ref`.
    static func onTemplate(_ ref: Ref<VMRecord>) -> AppState {
        var state = F.loadedState
        _ = state.type("1")
        while state.templates.selected != ref { _ = state.type("j") }
        return state
    }

    @Test func copyAsksForNameAndDescription() throws {
        var state = Self.onTemplate(F.squeeze)
        _ = state.type("C")
        guard case .prompt(let form) = state.overlay, case .copyTemplate(F.squeeze) = form.purpose else {
            Issue.record("no copy form: \(String(describing: state.overlay))")
            return
        }
        #expect(form.text(0) == "Copy of Debian Squeeze 6.0 (64-bit)")
        state.retype("FAI Squeeze 64")
        _ = state.reduce(.keyPressed(.tab))
        state.retype("web farm")
        #expect(state.reduce(.keyPressed(.enter)) == [.copyTemplate(F.squeeze, name: "FAI Squeeze 64", description: "web farm")])
        #expect(state.overlay == nil)
    }

    /// ← and → move the cursor in a text field of a form; only a choice field steps its choices.
    @Test func arrowsMoveTheCursorInAFormsTextField() throws {
        var state = Self.onTemplate(F.squeeze)
        _ = state.type("C")
        state.retype("FAI Squeeze 64")
        _ = state.reduce(.keyPressed(.left))
        _ = state.reduce(.keyPressed(.left))
        _ = state.type("-")
        _ = state.reduce(.keyPressed(.right))
        _ = state.type("+")
        guard case .prompt(let form) = state.overlay else {
            Issue.record("the copy form closed")
            return
        }
        #expect(form.text(0) == "FAI Squeeze -6+4")
    }

    @Test func editingAVendorTemplateWarnsAndOffersTheCopy() {
        var state = Self.onTemplate(F.squeeze)
        _ = state.type("e")
        #expect(state.overlay == .vendorTemplate(F.squeeze))
        let text = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(text.contains("The FAI wiki's way is to copy the vendor template first"))
        _ = state.type("y")
        guard case .prompt(let form) = state.overlay, case .copyTemplate(F.squeeze) = form.purpose else {
            Issue.record("y did not offer the copy")
            return
        }
        _ = state.reduce(.keyPressed(.escape))
        _ = state.type("e")
        _ = state.type("e")
        guard case .editForm(let edit) = state.overlay else {
            Issue.record("e e did not edit anyway")
            return
        }
        #expect(edit.target == F.squeeze)
    }

    @Test func renameIsAPlanAndANameInUseAsksOnceMore() {
        var state = Self.onTemplate(F.custom)
        _ = state.type("R")
        state.retype("web01")
        #expect(state.reduce(.keyPressed(.enter)) == [])
        guard case .prompt(let form) = state.overlay else {
            Issue.record("the form closed on a name in use")
            return
        }
        #expect(form.warning?.contains("\"web01\" is in use already") == true)
        #expect(AppView(state: state, console: nil).render().canvas.lines.contains { $0.contains("⚠ \"web01\" is in use already") })
        _ = state.reduce(.keyPressed(.backspace))
        _ = state.type("2")
        _ = state.reduce(.keyPressed(.enter))
        guard case .plan(let plan) = state.overlay else {
            Issue.record("rename did not show a plan")
            return
        }
        #expect(plan.xeCommands == ["xe template-param-set uuid=t-0002 name-label=web02"])
        #expect(state.type("y") == [.applyPlan(plan)])
    }

    @Test func vendorTemplatesAreNeitherRenamedNorDeleted() {
        var state = Self.onTemplate(F.squeeze)
        #expect(state.type("D") == [])
        #expect(state.status?.text.contains("vendor default template: it cannot be deleted (C copies it)") == true)
        #expect(state.type("R") == [])
        #expect(state.overlay == nil)
    }

    @Test func deletingACustomTemplateReadsItsDisksThenConfirmsNamingThem() throws {
        var state = Self.onTemplate(F.custom)
        #expect(state.type("D") == [.planDestroy([F.custom])])
        let plan = DestroyPlan(ref: F.custom.rawValue, uuid: "t-0002", name: "FAI bookworm", isTemplate: true,
                               disks: [.init(ref: "OpaqueRef:vdi-1", uuid: "vdi-1", name: "FAI bookworm 0", size: 8 << 30, device: "0", sharedWith: [])],
                               keepsDisks: false)
        _ = state.reduce(.destroyPlanned([plan], refused: []))
        let confirmation = try #require(state.confirmation, "no confirmation")
        #expect(confirmation.question.contains("This cannot be undone"))
        #expect(confirmation.question.contains("template FAI bookworm and its disks: FAI bookworm 0 (8 GiB, device 0)"))
        #expect(confirmation.question.contains("xe template-uninstall uuid=t-0002 force=true"))
        #expect(state.type("y") == [.destroy(plan)])
    }

    @Test func destroyOfMarkedVMsListsEveryVMAndWhyOthersAreSkipped() throws {
        var state = F.loadedState
        _ = state.type("2  ")  // marks fai-armed and fai-broken
        #expect(state.type("D") == [.planDestroy([F.armed, F.aborted])])
        let plans = [F.armed, F.aborted].map { ref in
            DestroyPlan(ref: ref.rawValue, uuid: ref.rawValue, name: state.vms[ref]?.nameLabel ?? "", isTemplate: false, disks: [], keepsDisks: false)
        }
        _ = state.reduce(.destroyPlanned(plans, refused: ["web01 is running; destroy needs it halted (shut it down first)"]))
        let confirmation = try #require(state.confirmation, "no confirmation")
        #expect(confirmation.question.hasPrefix("Destroy 2 objects?"))
        #expect(confirmation.question.contains("VM fai-armed: it has no disks"))
        #expect(confirmation.question.contains("skipped: web01 is running"))
        #expect(confirmation.effect == .batch(plans.map(Effect.destroy)))
    }

    @Test func newInstallPicksTheSRAndOverridesTheRepository() {
        var snapshot = F.snapshot
        if var sr = try? SRRecord(xmlrpc: .structure(["content_type": "user", "type": "nfs"])) {
            sr.nameLabel = "NFS store"
            sr.uuid = "sr-nfs"
            snapshot.srs[Ref("OpaqueRef:sr-nfs")] = sr
        }
        var state = F.loadedState
        _ = state.reduce(.poolChanged(snapshot))
        _ = state.type("n")
        guard case .prompt(let form) = state.overlay else {
            Issue.record("no form")
            return
        }
        #expect(form.text(2) == "http://10.0.0.1/debian", "the repository starts as the template's")
        _ = state.reduce(.keyPressed(.tab))
        _ = state.reduce(.keyPressed(.right))
        let text = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(text.contains("‹ NFS store (nfs) ›"))
        _ = state.reduce(.keyPressed(.tab))
        state.retype("http://mirror.example/debian")
        let effects = state.reduce(.keyPressed(.enter))
        guard case .install(let request, F.custom, _)? = effects.first else {
            Issue.record("no install: \(effects)")
            return
        }
        #expect(request.name == "fai-bookworm-01" && request.sr == "sr-nfs" && request.repository == "http://mirror.example/debian")
        #expect(!request.allowDuplicateName)
    }

    @Test func aNewInstallWithANameInUseAsksBeforeCreating() {
        var state = F.loadedState
        _ = state.type("n")
        state.retype("fai-broken")
        #expect(state.reduce(.keyPressed(.enter)) == [])
        let effects = state.reduce(.keyPressed(.enter))
        guard case .install(let request, F.custom, _)? = effects.first else {
            Issue.record("no install after the second Enter: \(effects)")
            return
        }
        #expect(request.name == "fai-broken" && request.allowDuplicateName && request.repository == nil && request.sr == nil)
    }

    @Test func templateKeysThatDoNothingSayWhy() {
        var state = Self.onTemplate(F.custom)
        _ = state.type("c")
        #expect(state.status?.text.contains("templates never run, so there is no console; n installs a VM") == true)
        _ = state.type("S")
        #expect(state.status?.text.contains("nothing to shut down") == true)
        _ = state.type("r")
        #expect(state.status?.text.contains("rearm works on VMs; n makes a new install from it") == true)
        #expect(state.overlay == nil)
    }

    @Test func cleanShutdownAndRebootAskTheGuestAfterAConfirmation() throws {
        var state = F.loadedState
        _ = state.type("2jj")
        #expect(state.vmList.selected == F.web)
        _ = state.type("h")
        let shutdown = try #require(state.confirmation, "no confirmation for h")
        #expect(shutdown.effect == .cleanShutdownVM(F.web))
        #expect(shutdown.question.contains("xe vm-shutdown uuid=v-0001"))
        _ = state.reduce(.keyPressed(.escape))
        _ = state.type("b")
        let reboot = try #require(state.confirmation, "no confirmation for b")
        #expect(reboot.effect == .rebootVM(F.web))
        _ = state.reduce(.keyPressed(.escape))
        _ = state.type("k")  // a halted VM
        _ = state.type("h")
        #expect(state.overlay == nil)
        #expect(state.status?.text.contains("needs it running") == true)
    }
}
