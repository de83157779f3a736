import FAIControl
import Foundation
import Testing
import XenAPI

@Suite struct JournalTests {
    let time = Date(timeIntervalSince1970: 1_800_000_000)
    let target = PlanTarget(ref: Ref("OpaqueRef:v"), record: TestRecords.aborted)

    func step(_ parameter: VMParameter, _ old: String?, _ new: String?) -> JournalStep {
        JournalStep(PlannedChange(parameter: parameter, old: old, new: new, calls: []), of: target)
    }

    func set(_ number: Int, _ steps: [JournalStep], undoes: Int? = nil, states: [StepState]? = nil) -> ChangeSet {
        ChangeSet(
            number: number, id: "id\(number)", pool: "p", command: undoes == nil ? "rearm" : "undo", time: time, steps: steps,
            undoes: undoes, states: states ?? steps.map { _ in .applied })
    }

    var rearm: [JournalStep] { [step(.pvBootloader, "pygrub", "eliloader"), step(.otherConfig("install-distro"), nil, "debianlike")] }

    @Test func appendsPrivateFsyncedRecordsAndAssemblesChangeSets() throws {
        let journal = temporaryJournal()
        try journal.append(JournalRecord(kind: .intent, set: "s1", time: time, pool: "p", command: "rearm", steps: rearm))
        try journal.append(JournalRecord(kind: .done, set: "s1", time: time, states: [.applied, .applied]))
        let contents = try journal.read()
        #expect(contents.problems.isEmpty)
        #expect(contents.sets.map(\.number) == [1])
        #expect(contents.sets[0].steps == rearm)
        #expect(contents.sets[0].isFullyApplied)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: journal.path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let folder = (journal.path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int == 0o700)
        let first = try #require(try String(contentsOfFile: journal.path, encoding: .utf8).split(separator: "\n").first)
        #expect(first.contains(#""v":1"#))
        #expect(first.contains(#""kind":"intent""#))
        #expect(first.contains(#""old":null"#))
    }

    @Test func anInterruptedSetHasNoDoneRecord() throws {
        let journal = temporaryJournal()
        try journal.append(JournalRecord(kind: .intent, set: "s1", time: time, pool: "p", command: "rearm", steps: rearm))
        let set = try #require(try journal.read().sets.first)
        #expect(set.isInterrupted)
        #expect(set.needsAttention)
        #expect(set.statusText == "interrupted")
    }

    @Test func aCorruptLineIsReportedByNumberAndHidesNothingElse() throws {
        let journal = temporaryJournal()
        try journal.append(JournalRecord(kind: .intent, set: "s1", time: time, pool: "p", command: "vm-set", steps: [rearm[0]]))
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"v\":1,\"kind\":\"intent\",\"set\":\n".utf8))
        try handle.close()
        try journal.append(JournalRecord(kind: .done, set: "s1", time: time, states: [.applied]))
        try journal.append(JournalRecord(version: 99, kind: .intent, set: "s2", time: time, pool: "p", command: "future"))
        let contents = try journal.read()
        #expect(contents.sets.count == 1)
        #expect(contents.sets[0].isFullyApplied)
        #expect(contents.problems.map(\.line) == [2, 4])
        #expect(contents.problems[1].reason.contains("newer xsfai"))
    }

    @Test func aRecordWithFieldsOfALaterVersionIsStillRead() throws {
        let journal = temporaryJournal()
        try journal.append(JournalRecord(kind: .intent, set: "s1", time: time, pool: "p", command: "vm-set", steps: [rearm[0]]))
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"v":1,"kind":"done","set":"s1","time":"2027-01-15T08:00:00Z","states":["applied"],"operator":"alice","checksum":"x"}"#.utf8 + [0x0A]))
        try handle.close()
        let contents = try journal.read()
        #expect(contents.problems.isEmpty)
        #expect(contents.sets.first?.isFullyApplied == true)
    }

    @Test func aSymlinkInPlaceOfTheJournalIsRefused() throws {
        let journal = temporaryJournal()
        let folder = (journal.path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: journal.path, withDestinationPath: folder + "/elsewhere")
        #expect(throws: JournalError.self) {
            try journal.append(JournalRecord(kind: .intent, set: "s1", time: time, pool: "p", command: "rearm", steps: rearm))
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/elsewhere"))
    }

    @Test func anOpenFolderIsClosedToOthersBeforeTheFirstRecord() throws {
        let journal = temporaryJournal()
        let folder = (journal.path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try journal.append(JournalRecord(kind: .intent, set: "s1", time: time, pool: "p", command: "rearm", steps: rearm))
        #expect(try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int == 0o700)
    }

    @Test func eachPoolHasItsOwnJournalUnderTheStateFolder() throws {
        #expect(ChangeJournal.stateFolder(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/xsfai")
        #expect(ChangeJournal.stateFolder(environment: ["HOME": "/h"]) == "/h/.local/state/xsfai")
        #expect(try ChangeJournal(folder: "/s/xsfai", poolUUID: "ABC-1").path == "/s/xsfai/journal-abc-1.jsonl")
        #expect(throws: JournalError.self) { try ChangeJournal(folder: "/s/xsfai", poolUUID: "../x") }
    }

    @Test func undoChoosesTheNewestSetNotYetUndone() throws {
        var withSets = JournalContents(records: [])
        withSets.sets = [set(1, [rearm[0]]), set(2, rearm), set(3, rearm.reversed(), undoes: 2)]
        #expect(try UndoPlanner.setToUndo(nil, in: withSets).number == 1)
        #expect(throws: UndoRefusal.alreadyUndone(set: 2, by: 3)) { try UndoPlanner.setToUndo(2, in: withSets) }
        #expect(throws: JournalError.noSuchEntry(9, count: 3)) { try UndoPlanner.setToUndo(9, in: withSets) }
    }

    @Test func undoRevertsTheWholeSetInReverseOrder() throws {
        var armed = TestRecords.aborted
        armed.pvBootloader = "eliloader"
        armed.otherConfig["install-distro"] = "debianlike"
        let plan = try UndoPlanner.plan(undoing: set(4, rearm), objects: [armed.uuid: (Ref("OpaqueRef:v"), armed)])
        #expect(plan.plans.flatMap(\.calls) == [
            APICall("VM.remove_from_other_config", ["OpaqueRef:v", "install-distro"]),
            APICall("VM.set_PV_bootloader", ["OpaqueRef:v", "pygrub"]),
        ])
    }

    @Test func eliloadersOwnSwitchAfterABootIsExplainedNotRefused() throws {
        // The VM booted: eliloader set pygrub and removed install-distro. Both are back at the old values.
        let booted = TestRecords.aborted
        let plan = try UndoPlanner.plan(undoing: set(4, rearm), objects: [booted.uuid: (Ref("OpaqueRef:v"), booted)])
        #expect(plan.isEmpty)
        #expect(plan.notes.count == 2)
        #expect(plan.notes.allSatisfy { $0.contains("eliloader") })
    }

    @Test func anOutsideChangeIsRefusedNamingEveryDifference() throws {
        var changed = TestRecords.aborted
        changed.pvBootloader = "eliloader"
        changed.otherConfig["install-distro"] = "rhlike"
        let refusal = UndoRefusal.changedSince(set: 4, [
            UndoRefusal.Conflict(object: "fai02", parameter: .otherConfig("install-distro"), wrote: "debianlike", before: nil, found: "rhlike"),
        ])
        #expect(throws: refusal) {
            try UndoPlanner.plan(undoing: set(4, rearm), objects: [changed.uuid: (Ref("OpaqueRef:v"), changed)])
        }
        #expect(refusal.description.contains(#"fai02 other-config:install-distro is now "rhlike" (the set changed it from absent to "debianlike")"#))
        #expect(refusal.description.contains("--entry N"))
    }
}
