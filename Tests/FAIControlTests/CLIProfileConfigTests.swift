import FAIControl
import Foundation
import Testing

@Suite struct CLIProfileConfigTests {
    @Test func parsesTheSubset() throws {
        let text = """
            # pools
            [pool.lab]
            url = "https://xs1.lab:443"   # master
            user = 'root'
            password_command = "pass show \\"xs lab\\""

            [pool."prod 2"]
            url = "https://xs2"
            password_file = "/etc/xsfai/prod.pw"
            pin = "sha256//AAAA"
            """
        let config = try ProfileConfig.parse(text, path: "c.toml")
        var lab = PoolProfile(name: "lab")
        lab.url = "https://xs1.lab:443"
        lab.user = "root"
        lab.passwordCommand = #"pass show "xs lab""#
        var prod = PoolProfile(name: "prod 2")
        prod.url = "https://xs2"
        prod.passwordFile = "/etc/xsfai/prod.pw"
        prod.pin = "sha256//AAAA"
        #expect(config == ProfileConfig(profiles: ["lab": lab, "prod 2": prod]))
    }

    @Test func errorsNameTheLine() {
        #expect(throws: ProfileConfigError.syntax(path: "c", line: 2, message: "the value of url must be a quoted string")) {
            try ProfileConfig.parse("[pool.a]\nurl = https://x", path: "c")
        }
        #expect(throws: ProfileConfigError.unknownKey(path: "c", line: 2, key: "passwd")) {
            try ProfileConfig.parse("[pool.a]\npasswd = \"x\"", path: "c")
        }
        #expect(throws: ProfileConfigError.syntax(path: "c", line: 1, message: "\"url\" is outside a [pool.NAME] table")) {
            try ProfileConfig.parse("url = \"x\"", path: "c")
        }
        #expect(throws: ProfileConfigError.syntax(path: "c", line: 1, message: "only [pool.NAME] tables are supported")) {
            try ProfileConfig.parse("[server]", path: "c")
        }
        #expect(throws: ProfileConfigError.syntax(path: "c", line: 2, message: "unterminated string")) {
            try ProfileConfig.parse("[pool.a]\nurl = \"x", path: "c")
        }
    }

    @Test func refusesAReadablePasswordFile() throws {
        let path = NSTemporaryDirectory() + "xsfai-config-\(UUID().uuidString).toml"
        try "[pool.a]\nurl = \"https://x\"\npassword = \"secret\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        chmod(path, 0o644)
        #expect(throws: ProfileConfigError.passwordReadableByOthers(path: path, mode: "644")) { try ProfileConfig.load(path: path) }
        chmod(path, 0o600)
        #expect(try ProfileConfig.load(path: path).profiles["a"]?.password == "secret")
    }
}
