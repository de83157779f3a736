import Testing
import XMLRPC
import XenAPI

@Suite struct EventDecodingTests {
    private func event(_ operation: String, _ className: String, _ ref: String, _ snapshot: XMLRPCValue?) -> XMLRPCValue {
        var members: XMLRPCStruct = ["id": "12", "timestamp": "0.0", "class": .string(className),
                                     "operation": .string(operation), "ref": .string(ref)]
        if let snapshot { members["snapshot"] = snapshot }
        return .structure(members)
    }

    @Test func batchDecodesAndAppliesToASnapshot() throws {
        let vm: XMLRPCValue = .structure(["uuid": "u1", "name_label": "web1", "power_state": "Running"])
        let console: XMLRPCValue = .structure([
            "uuid": "c1", "protocol": "vt100", "location": "https://10.0.0.2/console?uuid=c1", "VM": "OpaqueRef:vm1",
        ])
        let reply: XMLRPCValue = .structure([
            "events": [event("add", "VM", "OpaqueRef:vm1", vm), event("add", "console", "OpaqueRef:c1", console),
                       event("add", "vbd", "OpaqueRef:b", .structure([:]))],
            "valid_ref_counts": .structure(["vm": .i4(1), "console": .i4(1)]),
            "token": "00000000000000000012,00000000000000000000",
        ])
        let batch = try EventBatch(xmlrpc: reply)
        #expect(batch.token == "00000000000000000012,00000000000000000000")
        #expect(batch.validRefCounts["vm"] == 1)
        #expect(batch.events.map(\.className) == ["vm", "console", "vbd"])

        var snapshot = PoolSnapshot()
        for event in batch.events { try snapshot.apply(event) }
        #expect(snapshot.vms[Ref("OpaqueRef:vm1")]?.nameLabel == "web1")
        #expect(snapshot.consoles(of: Ref("OpaqueRef:vm1")).map(\.1.uuid) == ["c1"])

        let deletion = try EventBatch(xmlrpc: .structure([
            "events": [event("del", "console", "OpaqueRef:c1", nil)], "token": "t2",
        ]))
        for event in deletion.events { try snapshot.apply(event) }
        #expect(snapshot.consoles.isEmpty)
        #expect(snapshot.vms.count == 1)
    }

    @Test func addWithoutSnapshotIsAnError() throws {
        let batch = try EventBatch(xmlrpc: .structure(["events": [event("mod", "vm", "OpaqueRef:v", nil)], "token": "t"]))
        var snapshot = PoolSnapshot()
        #expect(throws: XenAPIProtocolError.self) { try snapshot.apply(batch.events[0]) }
    }

    @Test func replyWithoutEventsIsADecodingError() {
        #expect(throws: XenAPIDecodingError.self) { try EventBatch(xmlrpc: .structure(["token": "t"])) }
    }
}
