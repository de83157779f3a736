import FAIControl
import Foundation
import Testing
import XenAPI

@Suite struct JournalTests {
    func temporaryJournal() -> ChangeJournal {
        let folder = NSTemporaryDirectory() + "xsfai-journal-\(UUID().uuidString)"
        return ChangeJournal(path: folder + "/xsfai/journal.jsonl")
    }

    func entry(_ parameter: VMParameter, _ old: String?, _ new: String?, undoes: Int? = nil) -> JournalEntry {
        JournalEntry(
            pool: "pool-1", objectUUID: TestRecords.aborted.uuid, objectName: "fai02", isTemplate: false,
            parameter: parameter, old: old, new: new, time: Date(timeIntervalSince1970: 1_800_000_000),
            command: undoes == nil ? "vm-set" : "undo", undoes: undoes)
    }

    @Test func appendsPrivateJSONLinesAndReadsThemBack() throws {
        let journal = temporaryJournal()
        let first = entry(.pvBootloader, "pygrub", "eliloader")
        let second = entry(.otherConfig("install-distro"), nil, "debianlike")
        try journal.append(first)
        try journal.append(second)
        #expect(try journal.entries() == [NumberedJournalEntry(number: 1, entry: first), NumberedJournalEntry(number: 2, entry: second)])
        let mode = try #require(FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        #expect(text.split(separator: "\n").last == #"{"command":"vm-set","is_template":false,"new":"debianlike","object_name":"fai02","object_uuid":"bbbbbbbb-0000-0000-0000-000000000002","old":null,"parameter":"other-config:install-distro","pool":"pool-1","time":"2027-01-15T08:00:00Z"}"#)
    }

    @Test func defaultPathFollowsXDGStateHome() {
        #expect(ChangeJournal.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/xsfai/journal.jsonl")
        #expect(ChangeJournal.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/xsfai/journal.jsonl")
    }

    @Test func undoChoosesNewestNotYetUndone() throws {
        let entries = [
            NumberedJournalEntry(number: 1, entry: entry(.pvArgs, "a", "b")),
            NumberedJournalEntry(number: 2, entry: entry(.pvBootloader, "pygrub", "eliloader")),
            NumberedJournalEntry(number: 3, entry: entry(.pvBootloader, "eliloader", "pygrub", undoes: 2)),
        ]
        #expect(try UndoPlanner.entryToUndo(nil, in: entries).number == 1)
        #expect(throws: UndoRefusal.alreadyUndone(entry: 2, by: 3)) { try UndoPlanner.entryToUndo(2, in: entries) }
        #expect(throws: JournalError.noSuchEntry(9, count: 3)) { try UndoPlanner.entryToUndo(9, in: entries) }
        #expect(throws: JournalError.nothingToUndo) { try UndoPlanner.entryToUndo(nil, in: Array(entries.dropFirst())) }
    }

    @Test func undoRestoresOrRefusesAfterAnOutsideChange() throws {
        let numbered = NumberedJournalEntry(number: 4, entry: entry(.otherConfig("install-distro"), nil, "debianlike"))
        var vm = TestRecords.aborted
        vm.otherConfig["install-distro"] = "debianlike"
        let plan = try UndoPlanner.plan(undoing: numbered, ref: Ref("OpaqueRef:v"), record: vm, pool: "pool-1")
        #expect(plan.calls == [APICall("VM.remove_from_other_config", ["OpaqueRef:v", "install-distro"])])
        vm.otherConfig["install-distro"] = "rhlike"
        let refusal = UndoRefusal.changedSince(
            entry: 4, object: "fai02", parameter: .otherConfig("install-distro"), expected: "debianlike", found: "rhlike")
        #expect(throws: refusal) { try UndoPlanner.plan(undoing: numbered, ref: Ref("OpaqueRef:v"), record: vm, pool: "pool-1") }
        #expect(refusal.description == #"refusing to undo entry 4: fai02 other-config:install-distro was changed since (journal says "debianlike", now "rhlike")"#)
    }
}
