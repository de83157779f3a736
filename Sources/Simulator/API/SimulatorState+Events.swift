import Foundation
import NIOCore
import XMLRPC

extension SimulatorState {
    /// An event.from token: `"%020d,%020d"` (DB generation, message generation).
    static func token(_ generation: Int64) -> String {
        String(format: "%020lld,%020lld", generation, 0)
    }

    /// The longest event.from wait honoured, in seconds (longer timeouts are cut to this).
    static let longestEventWait = 86_400.0

    /// xapi classes the simulator does not store: subscribing to them is accepted and yields nothing.
    static let unstoredEventClasses: Set<String> = [
        "message", "session", "vm_metrics", "vm_guest_metrics", "host_metrics", "pbd", "pif", "pif_metrics",
        "sm", "secret", "vmss", "vmpp", "vm_appliance", "crashdump", "blob", "pci", "pgpu", "vgpu", "gpu_group",
        "bond", "vlan", "tunnel", "user", "role", "subject", "host_cpu", "host_crashdump", "host_patch",
        "pool_patch", "pool_update", "dr_task", "vdi_nbd_server_info", "certificate", "cluster", "cluster_host",
        "observer", "repository", "vtpm", "vusb", "pusb", "usb_group", "feature", "sdn_controller",
        "network_sriov", "vbd_metrics", "vif_metrics", "lvhd", "diagnostics",
    ]

    /// `event.from(classes, token, timeout)`: answers at once when something changed since the
    /// token, else asks the server to wait (``APIResult/waitForEvents(_:)``).
    mutating func eventFrom(_ args: [XMLRPCValue]) throws -> APIResult {
        guard let subscriptions = args[0].stringArrayValue else { throw APIFailure("FIELD_TYPE_ERROR", "classes") }
        let tokenText = try string(args[1])
        guard let timeout = args[2].doubleValue else { throw APIFailure("FIELD_TYPE_ERROR", "timeout") }
        let waitMilliseconds = Int64(min(max(0, timeout), Self.longestEventWait) * 1000)
        var query = EventQuery(classes: [], objects: [:], since: 0, deadline: .now() + .milliseconds(waitMilliseconds))
        for subscription in subscriptions {
            let parts = subscription.split(separator: "/", maxSplits: 1).map(String.init)
            if subscription == "*" {
                query.classes.formUnion(PoolDatabase.classNames.map { $0.lowercased() })
            } else if let name = parts.first, PoolDatabase.className(matching: name) != nil {
                if parts.count == 2 { query.objects[name.lowercased(), default: []].insert(parts[1]) } else { query.classes.insert(name.lowercased()) }
            } else if let name = parts.first, Self.unstoredEventClasses.contains(name.lowercased()) {
                continue
            } else {
                throw APIFailure("EVENT_SUBSCRIPTION_PARSE_FAILURE", subscription)
            }
        }
        if !tokenText.isEmpty {
            guard let generation = Int64(tokenText.split(separator: ",").first ?? "") else {
                throw APIFailure("EVENT_FROM_TOKEN_PARSE_FAILURE", tokenText)
            }
            query.since = generation
        }
        if let result = eventResult(query, force: timeout <= 0) { return .success(result) }
        return .waitForEvents(query)
    }

    /// The event.from reply for `query`, or nil when there is nothing to report and `force` is false.
    func eventResult(_ query: EventQuery, force: Bool) -> XMLRPCValue? {
        var events: [XMLRPCValue] = []
        for className in PoolDatabase.classNames {
            let lowered = className.lowercased()
            let whole = query.classes.contains(lowered)
            let objects = query.objects[lowered] ?? []
            guard whole || !objects.isEmpty else { continue }
            for (ref, row) in db.rows(className) where (whole || objects.contains(ref)) && row.modified > query.since {
                let operation = row.created > query.since ? "add" : "mod"
                events.append(event(id: row.modified, className: lowered, operation: operation, ref: ref, snapshot: row.fields))
            }
            for tombstone in db.tombstones where tombstone.className == className && tombstone.deleted > query.since
                && tombstone.created <= query.since && (whole || objects.contains(tombstone.ref)) {
                events.append(event(id: tombstone.deleted, className: lowered, operation: "del", ref: tombstone.ref, snapshot: nil))
            }
        }
        guard !events.isEmpty || force else { return nil }
        let counts = PoolDatabase.classNames.map { ($0.lowercased(), XMLRPCValue.i4(Int32(clamping: db.count($0)))) }
        return .structure(XMLRPCStruct([
            ("events", .array(events)),
            ("valid_ref_counts", .structure(XMLRPCStruct(counts))),
            ("token", .string(Self.token(db.generation))),
        ]))
    }

    private func event(id: Int64, className: String, operation: String, ref: String, snapshot: XMLRPCStruct?) -> XMLRPCValue {
        var members: [(String, XMLRPCValue)] = [
            ("id", .string(String(id))),
            ("timestamp", "0.0"),
            ("class", .string(className)),
            ("operation", .string(operation)),
            ("ref", .string(ref)),
        ]
        if let snapshot { members.append(("snapshot", .structure(snapshot))) }
        return .structure(XMLRPCStruct(members))
    }
}
