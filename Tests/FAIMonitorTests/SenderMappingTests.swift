import FAIControl
import FAIMonitor
import Testing

@Suite struct SenderMappingTests {
    let mapping = SenderMapping([
        .init(uuid: "u1", name: "web01", macs: ["AA:BB:CC:00:11:22"]),
        .init(uuid: "u2", name: "web02.example.org", macs: [], consoleHostName: "web02"),
        .init(uuid: "u3", name: "twin", macs: []),
        .init(uuid: "u4", name: "twin", macs: []),
    ])

    @Test func sendIDsMapByMACPXENameAndConsoleHostName() {
        #expect(mapping.vm(for: "aa:bb:cc:00:11:22")?.vm.uuid == "u1")
        #expect(mapping.vm(for: "aa:bb:cc:00:11:22")?.match == .mac)
        #expect(mapping.vm(for: "01-aa-bb-cc-00-11-22")?.match == .pxe)
        #expect(mapping.vm(for: "01-aa-bb-cc-00-11-22")?.vm.name == "web01")
        #expect(mapping.vm(for: "WEB01")?.match == .nameLabel)
        #expect(mapping.vm(for: "web02")?.vm.uuid == "u2")
        #expect(mapping.vm(for: "web02")?.match == .consoleHostName)
    }

    @Test func unknownAndAmbiguousSendersStayUnmapped() {
        #expect(mapping.vm(for: "ff:ff:ff:ff:ff:ff") == nil)
        #expect(mapping.vm(for: "twin") == nil)
        #expect(mapping.vm(for: "stranger") == nil)
    }

    @Test func monitorArgumentsReplaceEarlierOnesInPVArgs() throws {
        let monitor = try #require(MonitorKernelArguments(address: "10.0.0.5:4711"))
        let args = "console=hvc0 root=/dev/nfs monserver=old FAI_MONITOR_PORT=1 boot=live FAI_ACTION=install"
        #expect(monitor.applied(to: args)
            == "console=hvc0 root=/dev/nfs boot=live FAI_ACTION=install monserver=10.0.0.5 FAI_MONITOR_PORT=4711 FAI_SENDID=mac")
        #expect(MonitorKernelArguments(address: "10.0.0.5") == nil)
        #expect(MonitorKernelArguments(address: "[::1]:4711")?.server == "::1")
    }
}
