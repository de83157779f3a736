import XMLRPC
public import XenAPI

extension XenAPICalling {
    /// `VM.get_record`, decoded from ``call(_:_:)``'s value.
    public func vmRecord(_ ref: Ref<VMRecord>) throws -> VMRecord {
        try VMRecord(xmlrpc: call("VM.get_record", [.string(ref.rawValue)]))
    }

    /// `VM.get_all_records`, decoded from ``call(_:_:)``'s value.
    public func allVMRecords() throws -> [Ref<VMRecord>: VMRecord] {
        try decodeMap(call("VM.get_all_records", []), className: "VM", VMRecord.init(xmlrpc:))
    }

    /// `pool.get_all_records`, decoded from ``call(_:_:)``'s value.
    public func allPoolRecords() throws -> [Ref<PoolRecord>: PoolRecord] {
        try decodeMap(call("pool.get_all_records", []), className: "pool", PoolRecord.init(xmlrpc:))
    }

    /// `host.get_all_records`, decoded from ``call(_:_:)``'s value.
    public func allHostRecords() throws -> [Ref<HostRecord>: HostRecord] {
        try decodeMap(call("host.get_all_records", []), className: "host", HostRecord.init(xmlrpc:))
    }

    /// `SR.get_all_records`, decoded from ``call(_:_:)``'s value.
    public func allSRRecords() throws -> [Ref<SRRecord>: SRRecord] {
        try decodeMap(call("SR.get_all_records", []), className: "SR", SRRecord.init(xmlrpc:))
    }

    /// The UUID of the (only) pool, which the journal records changes under.
    public func poolUUID() throws -> String {
        guard let pool = try allPoolRecords().values.first else {
            throw XenAPIError(code: .internalError, parameters: ["the server reports no pool object"])
        }
        return pool.uuid
    }

    private func decodeMap<Record>(
        _ value: XMLRPCValue, className: String, _ decode: (XMLRPCValue) throws -> Record
    ) throws -> [Ref<Record>: Record] {
        guard let members = value.structValue else {
            throw XenAPIError(code: .internalError, parameters: ["unexpected reply: expected a map of \(className) records"])
        }
        var result: [Ref<Record>: Record] = [:]
        for member in members.members { result[Ref(member.name)] = try decode(member.value) }
        return result
    }
}
