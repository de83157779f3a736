import ArgumentParser
import FAIControl

/// `--monitor ADDR:PORT`: have the install report to an FAI monitor (xsfai's `--fai-monitor` or a
/// `fai-monitor`), by adding `monserver=… FAI_MONITOR_PORT=… FAI_SENDID=mac` to the VM's PV-args.
struct MonitorTargetOption: ParsableArguments {
    @Option(name: .customLong("monitor"), help: ArgumentHelp(
        "Add monserver=ADDR FAI_MONITOR_PORT=PORT FAI_SENDID=mac to the PV-args so FAI reports to that monitor (default: the profile's monitor key).",
        valueName: "ADDR:PORT"))
    var address: String?

    @Flag(name: .customLong("no-monitor"), help: "Do not add the profile's monitor arguments.")
    var disabled = false

    /// The arguments to add, from `--monitor` or the `--pool` profile's `monitor` key.
    func arguments(_ connection: ConnectionOptions) throws -> MonitorKernelArguments? {
        guard !disabled, let text = try address ?? connection.profile()?.monitor else { return nil }
        guard let arguments = MonitorKernelArguments(address: text) else {
            throw CommandFailure.usage("bad monitor address \"\(text)\": expected ADDR:PORT, e.g. 10.0.0.5:4711")
        }
        return arguments
    }
}
