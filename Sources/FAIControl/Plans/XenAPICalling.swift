public import XMLRPC
public import XenAPI

/// Something that can make a XenAPI call: the one capability the controller's executors need.
///
/// `XenAPISession` conforms (it adds the session reference as the first parameter, logs in again on
/// `SESSION_INVALID` and unwraps the `Status`/`Value` reply); tests use a recording fake. `params` are
/// the call's parameters after the session reference. A `Failure` reply is thrown as `XenAPIError`.
///
/// The record reads have default implementations that decode ``call(_:_:)``'s value (enough for a
/// fake); `XenAPISession` answers them with its typed calls, which decode `get_all_records` replies
/// straight into records without building the reply's value tree.
public protocol XenAPICalling {
    /// Calls `method` (e.g. `VM.set_PV_args`) with `params` and returns the reply's `Value`.
    func call(_ method: String, _ params: [XMLRPCValue]) throws -> XMLRPCValue

    /// `VM.get_record`, decoded.
    func vmRecord(_ ref: Ref<VMRecord>) throws -> VMRecord

    /// `VM.get_all_records`, decoded: every VM, template, snapshot and control domain.
    func allVMRecords() throws -> [Ref<VMRecord>: VMRecord]

    /// `pool.get_all_records`, decoded.
    func allPoolRecords() throws -> [Ref<PoolRecord>: PoolRecord]

    /// `host.get_all_records`, decoded.
    func allHostRecords() throws -> [Ref<HostRecord>: HostRecord]

    /// `SR.get_all_records`, decoded.
    func allSRRecords() throws -> [Ref<SRRecord>: SRRecord]
}
