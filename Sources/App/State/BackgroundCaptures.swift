public import XenAPI

/// The background console captures: every VM in an install attempt gets one, up to ``limit`` at once
/// (tiled consoles always get one). The reducer decides which VMs are captured; the loop's runtime
/// does the capturing and reports back.
public struct BackgroundCaptures: Sendable, Hashable {
    /// The default number of captures at once (`--background-consoles`, profile `background_consoles`).
    public static let defaultLimit = 16

    /// Captures at once; 0 disables background captures (tiles still capture their VMs).
    public var limit = BackgroundCaptures.defaultLimit
    /// Each VM's capture.
    public var byVM: [Ref<VMRecord>: BackgroundCaptureState] = [:]
    /// The next capture id (ids tell a capture's reports from an earlier one's).
    var nextID = 1
    /// The next `seen` number.
    var nextSeen = 0

    /// Background captures on (the default).
    public init() {}

    /// The capture of `vm`, if it has one.
    public subscript(vm: Ref<VMRecord>) -> BackgroundCaptureState? { byVM[vm] }

    /// Captures holding a connection now.
    public var activeCount: Int { byVM.values.filter(\.status.holdsSlot).count }
}
