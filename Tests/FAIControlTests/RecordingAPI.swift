import FAIControl
import Synchronization
import XMLRPC
import XenAPI

/// An in-memory pool that records every call and behaves as xapi does for the calls plans make
/// (including MAP_DUPLICATE_KEY on adding an existing other-config key).
final class RecordingAPI: XenAPICalling, Sendable {
    private struct State {
        var records: [String: VMRecord]
        var calls: [APICall] = []
        var failOn: String?
    }

    private let state: Mutex<State>

    init(_ records: [String: VMRecord], failOn method: String? = nil) {
        state = Mutex(State(records: records, failOn: method))
    }

    /// Calls that change state (everything but getters).
    var writes: [APICall] { state.withLock { $0.calls.filter { !$0.method.contains(".get_") } } }

    func record(_ ref: String) -> VMRecord? { state.withLock { $0.records[ref] } }

    func update(_ ref: String, _ change: (inout VMRecord) -> Void) {
        state.withLock { state in
            if var record = state.records[ref] {
                change(&record)
                state.records[ref] = record
            }
        }
    }

    func call(_ method: String, _ params: [XMLRPCValue]) throws -> XMLRPCValue {
        let arguments = params.map { $0.stringValue ?? ($0.boolValue.map(String.init) ?? "?") }
        return try state.withLock { state in
            state.calls.append(APICall(method, arguments))
            if method == state.failOn { throw XenAPIError(code: .internalError, parameters: ["injected"]) }
            if method == "VM.get_by_uuid" {
                guard let found = state.records.first(where: { $0.value.uuid == arguments.first }) else {
                    throw XenAPIError(code: .uuidInvalid, parameters: ["VM", arguments.first ?? ""])
                }
                return .string(found.key)
            }
            guard let ref = arguments.first, var record = state.records[ref] else {
                throw XenAPIError(code: .handleInvalid, parameters: ["VM", arguments.first ?? ""])
            }
            let value = arguments.count > 1 ? arguments[1] : ""
            switch method {
            case "VM.get_record": return TestRecords.xmlrpc(record)
            case "VM.set_PV_args": record.pvArgs = value
            case "VM.set_PV_bootloader": record.pvBootloader = value
            case "VM.set_name_label": record.nameLabel = value
            case "VM.set_name_description": record.nameDescription = value
            case "VM.add_to_other_config":
                if record.otherConfig[value] != nil {
                    throw XenAPIError(code: .mapDuplicateKey, parameters: ["VM", "other_config", ref, value])
                }
                record.otherConfig[value] = arguments[2]
            case "VM.remove_from_other_config": record.otherConfig[value] = nil
            case "VM.hard_shutdown": record.powerState = .halted
            case "VM.start": record.powerState = .running
            default: throw XenAPIError(code: .messageMethodUnknown, parameters: [method])
            }
            state.records[ref] = record
            return ""
        }
    }
}
