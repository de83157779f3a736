/// What a simulated FAI install client sends to its monitor, as FAI's `sendmon` does
/// (fai-monitor.md): read from the console lines the guest prints, one message per task event,
/// `check` first. The guest reports only when its PV-args carry `monserver=` (kernel command-line
/// words become FAI variables); `FAI_MONITOR_PORT` defaults to 4711 and `FAI_SENDID` to `host`.
struct MonitorReporter: Equatable {
    /// Where the messages go.
    let server: String
    let port: Int
    /// The send id every line starts with.
    let sendID: String
    /// The task whose TASKEND is still due, and its code so far.
    private var openTask: String?
    private var openCode = 0
    private var started = false
    private var stopped = false

    /// FAI's containers: they stay open while their inner tasks run.
    private static let containers: Set<String> = ["action", "install"]
    /// The codes FAI 3.x stops with for a task without printing them (as the console tracker infers).
    private static let stopCodes = ["confdir": 701, "mountdisks": 705, "partition": 710, "extrbase": 801]

    /// The reporter for a guest booted with `pvArgs`, or nil when they name no monitor server.
    /// `mac` is the MAC of the VM's first VIF, `hostname` the guest's host name.
    init?(pvArgs: String, mac: String?, hostname: String) {
        var variables: [String: String] = [:]
        for word in pvArgs.split(separator: " ") {
            guard let equals = word.firstIndex(of: "=") else { continue }
            variables[String(word[..<equals])] = String(word[word.index(after: equals)...])
        }
        guard let server = variables["monserver"], !server.isEmpty else { return nil }
        self.server = server
        port = variables["FAI_MONITOR_PORT"].flatMap { Int($0) } ?? 4711
        switch variables["FAI_SENDID"] ?? "host" {
        case "host": sendID = hostname
        case "mac": sendID = mac?.lowercased() ?? hostname
        case "pxe": sendID = "01-" + (mac?.lowercased() ?? "").replacingOccurrences(of: ":", with: "-")
        case let literal: sendID = literal
        }
    }

    /// The lines (`<sendid> <message>`) the console line `line` makes FAI send.
    mutating func lines(for line: String) -> [String] {
        messages(for: line).map { "\(sendID) \($0)" }
    }

    private mutating func messages(for rawLine: String) -> [String] {
        guard !stopped else { return [] }
        let line = rawLine.trimmingCharacters(in: ["\r", "\n", " "])
        if let task = line.after("Calling task_") {
            var messages = started ? [] : ["check"]
            started = true
            messages += closeOpenTask()
            if task == "faiend" { messages.append("TASKEND install 0") }
            messages.append("TASKBEGIN \(task)")
            if !Self.containers.contains(task) {
                openTask = task
                openCode = 0
            }
            return messages
        }
        if let rest = line.after("Exit code task_"), let colon = rest.firstIndex(of: ":"),
           let code = Int(rest[rest.index(after: colon)...].trimmingCharacters(in: [" "]))
        {
            if String(rest[..<colon]) == openTask { openCode = max(openCode, code) }
            return []
        }
        if let task = line.after("Skipping task_") { return ["TASKSKIP \(task)"] }
        if let rest = line.after("Error in task "), let task = rest.split(separator: ".").first.map(String.init) {
            stopped = true
            openTask = nil
            return ["TASKEND \(task) \(Self.stopCodes[task] ?? 701)"]
        }
        if line.hasPrefix("Rebooting ") && line.hasSuffix(" now") && started {
            stopped = true
            // task_faiend sends its TASKEND after the RETURN prompt, then TASKEND reboot before rebooting.
            return closeOpenTask() + ["TASKEND reboot 0"]
        }
        return []
    }

    private mutating func closeOpenTask() -> [String] {
        guard let task = openTask else { return [] }
        openTask = nil
        return ["TASKEND \(task) \(openCode)"]
    }
}

extension String {
    fileprivate func after(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
