import Foundation
import Simulator
import Testing
import XMLRPC

/// Starts a simulator on loopback for one test and stops it afterwards.
func withSimulator<Result>(
    _ configuration: SimulatorConfiguration = SimulatorConfiguration(linesPerSecond: 0, bootDelay: 0.05),
    _ body: (SimulatorServer, Int) async throws -> Result
) async throws -> Result {
    let server = SimulatorServer(configuration: configuration)
    let port = try await server.start()
    do {
        let result = try await body(server, port)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

extension LoopbackClient {
    /// Connects to the master of a simulator on `port`.
    static func master(_ port: Int) throws -> LoopbackClient {
        try LoopbackClient(host: "127.0.0.1", port: port)
    }

    /// Logs in as root with the default password and returns the session ref.
    func login() throws -> XMLRPCValue {
        try value("session.login_with_password", ["root", .string(SimulatorConfiguration.defaultPassword), "1.1", "xsfai-tests"])
    }

    /// The ref of the one VM named `name`.
    func vm(named name: String, session: XMLRPCValue) throws -> XMLRPCValue {
        let refs = try value("VM.get_by_name_label", [session, .string(name)]).stringArrayValue ?? []
        guard refs.count == 1, let ref = refs.first else { throw Failure(description: "expected one VM named \(name), found \(refs.count)") }
        return .string(ref)
    }

    /// A string field of an object.
    func field(_ className: String, _ field: String, of ref: XMLRPCValue, session: XMLRPCValue) throws -> XMLRPCValue {
        try value("\(className).get_\(field)", [session, ref])
    }

    /// The VM's other_config.
    func otherConfig(_ vm: XMLRPCValue, session: XMLRPCValue) throws -> [String: String] {
        try value("VM.get_other_config", [session, vm]).stringMapValue ?? [:]
    }

    /// Clones the FAI template and provisions the clone, as `xe vm-install` does; returns the new VM.
    func installFromFAITemplate(_ name: String, session: XMLRPCValue) throws -> XMLRPCValue {
        let template = try vm(named: "FAI Squeeze 64", session: session)
        let clone = try value("VM.clone", [session, template, .string(name)])
        _ = try value("VM.provision", [session, clone])
        return clone
    }

    /// The VM's console of `protocol` (vt100 or rfb) as (ref, location).
    func console(of vm: XMLRPCValue, protocol kind: String, session: XMLRPCValue) throws -> (ref: String, location: String) {
        for ref in try value("VM.get_consoles", [session, vm]).stringArrayValue ?? [] {
            let record = try value("console.get_record", [session, .string(ref)]).structValue
            if record?["protocol"]?.stringValue == kind, let location = record?["location"]?.stringValue { return (ref, location) }
        }
        throw Failure(description: "no \(kind) console")
    }

    /// Opens a console connection the way `xe console` does, given a console location.
    static func connectConsole(location: String, session: XMLRPCValue) throws -> (LoopbackClient, LoopbackClient.Reply) {
        guard let url = URL(string: location), let host = url.host, let port = url.port else { throw Failure(description: "bad location \(location)") }
        let client = try LoopbackClient(host: host, port: port)
        let target = "\(url.path)?\(url.query ?? "")&session_id=\(session.stringValue ?? "")"
        try client.send("CONNECT \(target) HTTP/1.0\r\ncontent-length: 0\r\n\r\n")
        let head = try client.receive(until: "\r\n\r\n")
        let lines = head.components(separatedBy: "\r\n")
        return (client, LoopbackClient.Reply(statusLine: lines.first ?? "", headers: [:], body: Array(head.utf8)))
    }
}

/// Polls `condition` until it holds or about `seconds` pass (the simulator works asynchronously).
func eventually(_ seconds: Double = 10, _ condition: () throws -> Bool) throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.02)
    }
    return try condition()
}
