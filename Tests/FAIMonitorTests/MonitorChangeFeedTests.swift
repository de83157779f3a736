import FAIMonitor
import FAIMonitorServer
import Foundation
import Synchronization
import Testing

/// The fleet pane's feed: a burst of receptions costs the display a handful of updates, the last one
/// carries the newest fleet, and receptions that change no row (a silent connection) post nothing.
@Suite struct MonitorChangeFeedTests {
    @Test func aBurstIsCoalescedAndTheLastUpdateHasTheNewestFleet() throws {
        let service = FAIMonitorService()
        let feed = MonitorChangeFeed(service: service)
        let updates = Mutex<[MonitorFleet]>([])
        feed.start { fleet in updates.withLock { $0.append(fleet) } }
        defer { feed.stop() }
        for number in 1...2000 {
            let text = "web\(number % 50) TASKBEGIN task\(number)"
            let line = try MonitorLine.parse(Array(text.utf8)).get()
            service.receive(.line(peer: "127.0.0.1:1", text: text, line), at: Double(number))
        }
        let deadline = Date().addingTimeInterval(20)
        while updates.withLock({ $0.last?.installs.count }) != 50 || updates.withLock({ $0.last }) != service.fleet {
            #expect(Date() < deadline, "the newest fleet never arrived")
            if Date() >= deadline { return }
            usleep(20_000)
        }
        let count = updates.withLock { $0.count }
        #expect(count < 100, "2000 receptions made \(count) updates")
        // A silent connection changes counters, not the fleet: nothing is posted for it.
        service.receive(.noData(peer: "127.0.0.1:2"))
        usleep(400_000)
        #expect(updates.withLock { $0.count } == count)
    }
}
