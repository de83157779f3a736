import Synchronization
import Testing
import XenAPI

/// A console connector that refuses the first `refusals` session references with 401.
private final class RefusingConnector: ConsoleConnector {
    let refusals: Int
    let seen = Mutex<[String]>([])

    init(refusals: Int) { self.refusals = refusals }

    func connect(location: String, sessionRef: String) throws -> any ConsoleConnection {
        let count = seen.withLock { $0.append(sessionRef); return $0.count }
        if count <= refusals { throw ConsoleError.unauthorized }
        return ClosedConnection()
    }
}

private final class ClosedConnection: ConsoleConnection {
    func send(_ bytes: [UInt8]) throws {}
    func receive(timeout: Duration) throws -> ConsoleChunk { .endOfStream }
    func close() {}
}

@Suite struct OpenConsoleTests {
    private func session() throws -> XenAPISession {
        let logins = Counter()
        let transport = FakeTransport { _, _ in Reply.success(.string("OpaqueRef:s\(logins.next())")) }
        return try XenAPISession(
            url: XenAPIURL(string: "https://pool"), credentials: Credentials(user: "root", password: "p"),
            factory: FakeFactory(transports: ["pool": transport]))
    }

    @Test func unauthorizedConsoleLogsInAgainAndRetriesOnce() throws {
        let connector = RefusingConnector(refusals: 1)
        _ = try session().openConsole(location: "https://h/console?uuid=c", using: connector)
        #expect(connector.seen.withLock { $0 } == ["OpaqueRef:s1", "OpaqueRef:s2"])
    }

    @Test func unauthorizedTwiceIsReported() throws {
        let connector = RefusingConnector(refusals: 2)
        #expect(throws: ConsoleError.unauthorized) {
            try session().openConsole(location: "https://h/console?uuid=c", using: connector)
        }
    }

    @Test func anHTTPConsoleOfAnHTTPSPoolIsRefusedBeforeAnythingIsSent() throws {
        let connector = RefusingConnector(refusals: 0)
        let pool = try session()
        #expect(throws: ConsoleError.downgradeRefused(location: "http://h/console?uuid=c")) {
            try pool.openConsole(location: "http://h/console?uuid=c", using: connector)
        }
        #expect(connector.seen.withLock { $0 }.isEmpty)
        #expect(pool.sessionReference == nil, "not even a login was made for it")
        #expect("\(ConsoleError.downgradeRefused(location: "http://h/c"))".contains("clear text"))
        _ = try pool.openConsole(location: "HTTPS://h/console?uuid=c", using: connector)
        #expect(connector.seen.withLock { $0 }.count == 1)
    }
}
