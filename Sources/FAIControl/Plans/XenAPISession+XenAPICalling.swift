public import XMLRPC
public import XenAPI

extension XenAPISession: XenAPICalling {
    /// Calls `method` with the session's default timeout.
    public func call(_ method: String, _ params: [XMLRPCValue]) throws -> XMLRPCValue {
        try call(method, params, timeout: nil)
    }

    /// `VM.get_record` through the typed call.
    public func vmRecord(_ ref: Ref<VMRecord>) throws -> VMRecord { try vm.getRecord(ref) }

    /// `VM.get_all_records`, decoded straight into records as the reply is read.
    public func allVMRecords() throws -> [Ref<VMRecord>: VMRecord] { try vm.getAllRecords() }

    /// `pool.get_all_records`, decoded straight into records as the reply is read.
    public func allPoolRecords() throws -> [Ref<PoolRecord>: PoolRecord] { try pool.getAllRecords() }

    /// `host.get_all_records`, decoded straight into records as the reply is read.
    public func allHostRecords() throws -> [Ref<HostRecord>: HostRecord] { try host.getAllRecords() }

    /// `SR.get_all_records`, decoded straight into records as the reply is read.
    public func allSRRecords() throws -> [Ref<SRRecord>: SRRecord] { try sr.getAllRecords() }
}
