import XMLRPC
public import XenAPI

extension XenAPICalling {
    /// `network.get_all_records`, decoded.
    public func allNetworkRecords() throws -> [Ref<NetworkRecord>: NetworkRecord] {
        guard let members = try call("network.get_all_records", []).structValue else {
            throw XenAPIError(code: .internalError, parameters: ["unexpected reply: expected a map of network records"])
        }
        var result: [Ref<NetworkRecord>: NetworkRecord] = [:]
        for member in members.members { result[Ref(member.name)] = try NetworkRecord(xmlrpc: member.value) }
        return result
    }

    /// The VIFs of `vm` as the pool holds them now (`VM.get_VIFs`, then `VIF.get_record` each), by device.
    public func vifs(of vm: Ref<VMRecord>) throws -> [String: (ref: Ref<VIFRecord>, record: VIFRecord)] {
        var result: [String: (ref: Ref<VIFRecord>, record: VIFRecord)] = [:]
        for ref in try call("VM.get_VIFs", [.string(vm.rawValue)]).stringArrayValue ?? [] {
            let record = try VIFRecord(xmlrpc: call("VIF.get_record", [.string(ref)]))
            result[record.device] = (Ref(ref), record)
        }
        return result
    }
}
