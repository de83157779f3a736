import Foundation
import Simulator
import Testing
import XMLRPC

@Suite struct EventTests {
    private func events(_ reply: XMLRPCValue) -> [(operation: String, className: String, ref: String, hasSnapshot: Bool)] {
        (reply.structValue?["events"]?.arrayValue ?? []).compactMap { event in
            guard let record = event.structValue else { return nil }
            return (record["operation"]?.stringValue ?? "", record["class"]?.stringValue ?? "", record["ref"]?.stringValue ?? "", record["snapshot"] != nil)
        }
    }

    @Test func tokensGiveASnapshotThenPerObjectChanges() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let first = try client.value("event.from", [session, ["VM"], "", .double(0)])
            let all = events(first)
            let vmCount = try client.value("VM.get_all", [session]).arrayValue?.count ?? 0
            #expect(all.count == vmCount)
            #expect(all.allSatisfy { $0.operation == "add" && $0.className == "vm" && $0.hasSnapshot })
            let token = try #require(first.structValue?["token"]?.stringValue)
            #expect(token.count == 41 && token.contains(","))

            let vm = try client.vm(named: "fai02", session: session)
            _ = try client.value("VM.set_name_description", [session, vm, "one"])
            _ = try client.value("VM.set_name_description", [session, vm, "two"])
            let template = try client.vm(named: "FAI Squeeze 64", session: session)
            let clone = try client.value("VM.clone", [session, template, "short-lived"])
            let kept = try client.value("VM.clone", [session, template, "kept"])
            _ = try client.value("VM.set_PV_args", [session, kept, "changed after creation"])
            _ = try client.value("VM.destroy", [session, clone])
            let second = try client.value("event.from", [session, ["vm"], .string(token), .double(5)])
            let changes = events(second)
            #expect(changes.count == 2)
            #expect(changes.contains { $0.operation == "mod" && $0.ref == vm.stringValue })
            #expect(changes.contains { $0.operation == "add" && $0.ref == kept.stringValue })

            let token2 = try #require(second.structValue?["token"]?.stringValue)
            _ = try client.value("VM.destroy", [session, kept])
            let third = try client.value("event.from", [session, ["*"], .string(token2), .double(5)])
            #expect(events(third).contains { $0.operation == "del" && $0.ref == kept.stringValue && !$0.hasSnapshot })
        }
    }

    @Test func emptyWaitTimesOutWithANewTokenAndRefCountsAreI4() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let token = try client.value("event.from", [session, ["vm"], "", .double(0)]).structValue?["token"] ?? ""
            let reply = try client.post("/", body: XMLRPCEncoder.methodCall("event.from", params: [session, ["vm"], token, .double(0.3)]))
            #expect(reply.text.contains("<name>events</name><value><array><data></data></array></value>"))
            #expect(reply.text.contains("<name>vm</name><value><i4>"))
        }
    }

    @Test func waitingCallReturnsWhenAnObjectChanges() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.vm(named: "fai02", session: session)
            let token = try client.value("event.from", [session, ["vm/\(vm.stringValue ?? "")"], "", .double(0)]).structValue?["token"] ?? ""
            // A plain thread, not a task: the blocking read below may occupy the test's executor.
            Thread {
                Thread.sleep(forTimeInterval: 0.2)
                _ = try? LoopbackClient.master(port).value("VM.set_name_description", [session, vm, "changed"])
            }.start()
            let reply = try client.value("event.from", [session, ["vm/\(vm.stringValue ?? "")"], token, .double(30)])
            #expect(events(reply).map(\.operation) == ["mod"])
        }
    }

    @Test func badSubscriptionsAndTokensFail() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            #expect(try client.failure("event.from", [session, ["nonsense"], "", .double(0)]) == ["EVENT_SUBSCRIPTION_PARSE_FAILURE", "nonsense"])
            #expect(try client.failure("event.from", [session, ["vm"], "garbage", .double(0)]) == ["EVENT_FROM_TOKEN_PARSE_FAILURE", "garbage"])
        }
    }
}
