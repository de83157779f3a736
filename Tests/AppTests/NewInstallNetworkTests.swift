@testable import App
import FAIControl
import TUI
import Testing
import XMLRPC
import XenAPI

/// The `n` dialog's network choice: the pool's only network for guests by default (as `xsfai
/// install` chooses), xapi's own network never offered, "no network" on ← →.
@Suite struct NewInstallNetworkTests {
    typealias F = PoolFixture

    static func network(_ name: String, uuid: String, bridge: String, isInternal: Bool = false) throws -> NetworkRecord {
        let otherConfig: XMLRPCStruct = isInternal ? ["is_host_internal_management_network": "true"] : [:]
        return try NetworkRecord(xmlrpc: .structure([
            "uuid": .string(uuid), "name_label": .string(name), "bridge": .string(bridge), "MTU": "1500",
            "other_config": .structure(otherConfig), "VIFs": .array([]),
        ]))
    }

    static func stateWithNetworks() throws -> AppState {
        var snapshot = F.snapshot
        snapshot.networks[Ref("OpaqueRef:net-0")] = try network("Pool-wide network associated with eth0", uuid: "net-eth0", bridge: "xenbr0")
        snapshot.networks[Ref("OpaqueRef:net-i")] = try network("Host internal management network", uuid: "net-int", bridge: "xenapi", isInternal: true)
        var state = F.loadedState
        _ = state.reduce(.poolChanged(snapshot))
        return state
    }

    static func install(_ effects: [Effect]) -> InstallRequest? {
        guard case .install(let request, F.custom, _)? = effects.first else { return nil }
        return request
    }

    @Test func theOnlyNetworkForGuestsIsTheDefault() throws {
        var state = try Self.stateWithNetworks()
        _ = state.type("n")
        let text = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(text.contains("‹ Pool-wide network associated with eth0 (xenbr0) ›"), "\(text)")
        #expect(!text.contains("Host internal management network"))
        let request = try #require(Self.install(state.reduce(.keyPressed(.enter))))
        #expect(request.networks == ["net-eth0"] && !request.withoutNetwork)
    }

    @Test func noNetworkIsAChoiceAndTheInternalNetworkIsNever() throws {
        var state = try Self.stateWithNetworks()
        _ = state.type("n")
        for _ in 0..<3 { _ = state.reduce(.keyPressed(.tab)) }
        _ = state.reduce(.keyPressed(.right))
        let text = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(text.contains("‹ no network (FAI cannot netboot) ›"), "\(text)")
        _ = state.reduce(.keyPressed(.right))  // wraps round: only eth0 and "no network" are offered
        let request = try #require(Self.install(state.reduce(.keyPressed(.enter))))
        #expect(request.networks == ["net-eth0"])
    }

    @Test func aPoolWithoutNetworksSaysSoAndAsksForNone() throws {
        var state = F.loadedState
        _ = state.type("n")
        let text = AppView(state: state, console: nil).render().canvas.lines.joined(separator: "\n")
        #expect(text.contains("none: the pool has no network for guests"), "\(text)")
        let request = try #require(Self.install(state.reduce(.keyPressed(.enter))))
        #expect(request.networks.isEmpty && request.withoutNetwork)
    }
}
