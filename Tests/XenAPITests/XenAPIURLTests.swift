import Testing
import XenAPI

@Suite struct XenAPIURLTests {
    @Test(arguments: [
        ("https://10.0.0.1", "https", "10.0.0.1", 443, "https://10.0.0.1"),
        ("http://127.0.0.1:8080/", "http", "127.0.0.1", 8080, "http://127.0.0.1:8080"),
        ("xen1.example.org", "https", "xen1.example.org", 443, "https://xen1.example.org"),
        ("HTTPS://[fe80::1]:4443/RPC2", "https", "fe80::1", 4443, "https://[fe80::1]:4443"),
    ])
    func parses(text: String, scheme: String, host: String, port: Int, description: String) throws {
        let url = try XenAPIURL(string: text)
        #expect(url.scheme == scheme)
        #expect(url.host == host)
        #expect(url.port == port)
        #expect(url.description == description)
    }

    @Test(arguments: [
        "ftp://host", "https://", "https://host:port", "https://host:70000", "https://[::1", "http//host",
        "https:/host", "https://ho st", "https://host;rm", "xs01/path",
    ])
    func refuses(text: String) {
        #expect(throws: XenAPIURLError.self) { try XenAPIURL(string: text) }
    }

    @Test func aBareHostHasNoSchemeAndHttpsIsAssumed() throws {
        #expect(!XenAPIURL.hasScheme("127.0.0.1:8080"))
        #expect(XenAPIURL.hasScheme("http://127.0.0.1:8080"))
        #expect(try XenAPIURL(string: "127.0.0.1:8080").description == "https://127.0.0.1:8080")
    }

    @Test func replacingHostKeepsSchemeAndPort() throws {
        let url = try XenAPIURL(string: "http://127.0.0.2:9000").replacingHost("127.0.0.1")
        #expect(url.description == "http://127.0.0.1:9000")
    }
}
