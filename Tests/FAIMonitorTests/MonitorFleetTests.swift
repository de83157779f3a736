import FAIControl
import FAIMonitor
import Testing

@Suite struct MonitorFleetTests {
    /// The messages FAI 6.0.3 sends for an install, with `codes` for some tasks and nothing after a
    /// task whose code is above STOP_ON_ERROR (FAI dies).
    static func installMessages(codes: [String: Int] = [:]) -> [MonitorMessage] {
        var messages: [MonitorMessage] = [.check]
        for task in ["confdir", "setup", "defclass", "defvar"] {
            messages += [.taskBegin(task: task), .taskEnd(task: task, code: codes[task] ?? 0)]
        }
        messages += [.taskBegin(task: "action"), .taskBegin(task: "install")]
        for task in ["partition", "mountdisks", "extrbase", "debconf", "repository", "updatebase", "instsoft",
                     "configure", "tests", "finish", "chboot", "savelog"] {
            let code = codes[task] ?? 0
            messages += [.taskBegin(task: task), .taskEnd(task: task, code: code)]
            if code > 700 { return messages }
        }
        messages += [.taskEnd(task: "install", code: 0), .taskBegin(task: "faiend"), .taskEnd(task: "faiend", code: 0),
                     .taskEnd(task: "faiend", code: 0), .taskEnd(task: "action", code: 0)]
        return messages
    }

    static func fleet(after messages: [MonitorMessage], sender: String = "web01") -> MonitorFleet {
        var fleet = MonitorFleet()
        for (index, message) in messages.enumerated() { fleet.apply(sender: sender, message: message, at: Double(index)) }
        return fleet
    }

    @Test func aCleanInstallSucceedsOnlyAtFaiend() {
        let messages = Self.installMessages()
        let midway = Self.fleet(after: Array(messages.prefix(14)))
        #expect(midway.verdict(of: "web01") == .running)
        #expect(midway["web01"]?.currentTask == "mountdisks")
        #expect(midway["web01"]?.openTasks == ["action", "install", "mountdisks"])
        #expect(midway["web01"]?.phaseIndex == FAIPhase.mountdisks.rawValue)
        let done = Self.fleet(after: messages)
        #expect(done.verdict(of: "web01") == .succeeded)
        #expect(done["web01"]?.phaseIndex == FAIPhase.count)
        #expect(done["web01"]?.band == .ok)
    }

    @Test func errorsBelowTheStopLevelAreJudgedAtTheEndFromTheCodes() {
        let messages = Self.installMessages(codes: ["instsoft": 472, "configure": 420])
        let beforeEnd = Self.fleet(after: Array(messages.dropLast(5)))
        #expect(beforeEnd.verdict(of: "web01") == .running)
        let done = Self.fleet(after: messages)
        #expect(done.verdict(of: "web01") == .failed(task: "instsoft", code: 472, stopped: false))
        #expect(done["web01"]?.band == .warning)
        #expect(done.verdict(of: "web01")?.exitCode == 3)
    }

    @Test func warningsOnlySucceedWithWarnings() {
        let done = Self.fleet(after: Self.installMessages(codes: ["tests": 312]))
        #expect(done.verdict(of: "web01") == .succeededWithWarnings(task: "tests", code: 312))
        #expect(done.verdict(of: "web01")?.exitCode == 0)
    }

    @Test func aCodeAboveStopOnErrorFailsAtOnce() {
        let fleet = Self.fleet(after: Self.installMessages(codes: ["partition": 710]))
        #expect(fleet.verdict(of: "web01") == .failed(task: "partition", code: 710, stopped: true))
        #expect(fleet["web01"]?.band == .error)
    }

    @Test func fixedTaskErrorsFailAndTestWarningsDoNot() {
        var fleet = Self.fleet(after: [.check, .taskBegin(task: "defclass"), .taskError(task: "defclass", code: 21)])
        #expect(fleet.verdict(of: "web01") == .failed(task: "defclass", code: 21, stopped: true))
        fleet = Self.fleet(after: [.check, .taskBegin(task: "tests"), .taskError(task: "tests", code: 312)])
        #expect(fleet.verdict(of: "web01") == .running)
    }

    @Test func checkStartsANewAttempt() {
        var fleet = Self.fleet(after: Self.installMessages(codes: ["partition": 710]))
        fleet.apply(sender: "web01", message: .check, at: 100)
        #expect(fleet["web01"]?.attempt == 2)
        #expect(fleet["web01"]?.tasks == [])
        #expect(fleet.verdict(of: "web01") == .running)
        #expect(fleet["web01"]?.startTime == 100)
    }

    @Test func sendersAreBounded() {
        var fleet = MonitorFleet(maximumSenders: 3)
        for index in 0..<10 { fleet.apply(sender: "h\(index)", message: .check, at: Double(index)) }
        #expect(fleet.installs.count == 3)
        #expect(Set(fleet.installs.keys) == ["h7", "h8", "h9"])
        #expect(fleet.forgottenSenders == 7)
        #expect(fleet.sortedInstalls.map(\.sender) == ["h7", "h8", "h9"])
    }

    @Test func admissionBoundsOpenConnectionsAndRate() {
        var gate = MonitorAdmission(maximumConnections: 2, connectionsPerSecond: 10, burst: 3)
        #expect(gate.admit(at: 0) == nil)
        #expect(gate.admit(at: 0) == nil)
        #expect(gate.admit(at: 0) == .tooManyOpen(2))
        gate.close()
        gate.close()
        #expect(gate.admit(at: 0) == nil)
        gate.close()
        #expect(gate.admit(at: 0) == .overRate)
        #expect(gate.admit(at: 0.1) == nil)
    }

    @Test func errorBandsAreFAIMonitorGUIs() {
        #expect([0, 299, 300, 499, 500, 699, 700, 885].map(FAIErrorBand.init(code:))
            == [.ok, .ok, .warning, .warning, .minor, .minor, .error, .error])
    }
}
