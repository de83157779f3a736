import Foundation
import Testing
import TestScratch

/// The read and print commands as an operator or a script meets them: full values when piped, the
/// TUI's install state and drift in `vms`, URL mistakes as usage errors, output order, refusals.
@Suite struct CLIReadCommandTests {
    typealias CLI = CLIRunEndToEndTests

    @Test func vmsShowsInstallStateAndDriftAndWholePVArgsWhenPiped() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        let table = try CLI.run(["vms"], pool: pool, state: state)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("NAME   POWER    HOST        INSTALL") == true, "\(table.stdout)")
        let fai02 = try #require(lines.first { $0.hasPrefix("fai02 ") })
        #expect(fai02.contains("aborted install? (r rearms)"))
        #expect(fai02.hasSuffix("FAI_FLAGS=verbose,sshd FAI_ACTION=install"), "PV-args cut when piped: \(fai02)")
        let fai03 = try #require(lines.first { $0.hasPrefix("fai03 ") })
        #expect(fai03.contains("half-armed: PV-args (r)") && fai03.contains(" PV-args  eliloader"), "\(fai03)")
        #expect(!table.stdout.contains("…"))

        let json = try CLI.run(["vms", "--json"], pool: pool, state: state)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let drifted = try #require(rows.first { $0["name"] as? String == "fai03" })
        #expect(drifted["drift"] as? [String] == ["PV-args"])
        #expect(drifted["installState"] as? String == "half-armed: PV-args (r)")
        #expect((drifted["installReason"] as? String)?.contains("r restores them from the template") == true)
        // Written as JSONEncoder wrote it (pretty, sorted keys): every row has the same keys in order.
        let firstRow = json.stdout.split(separator: "\n").dropFirst().prefix { !$0.hasPrefix("  }") }
        let keys = firstRow.filter { $0.hasPrefix("    \"") }.map { $0.dropFirst(5).prefix { $0 != "\"" } }
        #expect(keys == ["drift", "host", "installReason", "installState", "name", "powerState", "pvArgs", "pvBootloader", "uuid"])
        #expect(rows.allSatisfy { $0.count == 9 })
        #expect(json.stdout.hasPrefix("[\n  {\n    \"drift\" : [") && json.stdout.hasSuffix("\n  }\n]\n"))
    }

    @Test func templatesPrintRepositoryAndPVArgsWhole() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let listing = try CLI.run(["templates"], pool: pool, state: CLI.freshState())
        let custom = try #require(listing.stdout.split(separator: "\n").first { $0.hasPrefix("FAI Squeeze 64") })
        #expect(custom.contains("/repo/debian"))
        #expect(custom.contains("FAI_FLAGS=verbose,sshd FAI_ACTION=install  custom"), "\(custom)")
    }

    @Test func aURLWithoutSchemeSaysHttpsWasAssumedAndAMalformedOneIsAUsageError() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        let hostPort = pool.server.masterURL.replacingOccurrences(of: "http://", with: "")
        let bare = try CLI.run(["vms", "--url", hostPort], pool: pool, state: state, limit: 30)
        #expect(bare.stderr.hasPrefix("xsfai: \"\(hostPort)\" has no scheme: assuming https://\(hostPort) (write http://\(hostPort) for plain HTTP)\n"), "\(bare.stderr)")
        #expect(bare.status == 7)
        for malformed in ["http//\(hostPort)", "https:/\(hostPort)", "http://ho st:80"] {
            let result = try CLI.run(["vms", "--url", malformed], pool: pool, state: state)
            #expect(result.status == 2, "\(malformed): \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("xsfai: invalid URL"), "\(result.stderr)")
        }
    }

    @Test func stdoutAndStderrInOneFileKeepTheOrderTheyHappened() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let merged = try CLI.run(["install", "FAI Squeeze 64", "--name", "ordered", "--watch", "--timeout", "50"],
                                 pool: pool, state: CLI.freshState(), mergingStderr: true)
        #expect(merged.status == 0, "\(merged.stdout)")
        let lines = merged.stdout.split(separator: "\n").map(String.init)
        let created = try #require(lines.firstIndex { $0.hasPrefix("Created ordered (") })
        let following = try #require(lines.firstIndex { $0.hasPrefix("Started ordered; following its install.") })
        #expect(created < following, "\(merged.stdout)")
    }

    @Test func rearmOfATemplateIsRefusedAsATemplate() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let result = try CLI.run(["rearm", "FAI Squeeze 64"], pool: pool, state: CLI.freshState())
        #expect(result.status == 6)
        #expect(result.stderr == "xsfai: FAI Squeeze 64 is a template; rearm works on VMs (use xsfai install to make one)\n")
    }

    @Test func faiKitTakesReleaseAndArchFromTheTemplateAndRefusesToOverwriteWithExit6() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        let out = Scratch.path("xsfai-kit")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let written = try CLI.run(["fai-kit", "--out", out, "--template", "FAI Squeeze 64"], pool: pool, state: state)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.contains("debian-release=squeeze, install-arch=amd64"))
        let readme = try String(contentsOfFile: out + "/README", encoding: .utf8)
        #expect(readme.contains("release squeeze, arch amd64"))
        #expect(readme.contains("/srv/fai/config/class/"))
        #expect(readme.contains("/srv/fai/config/scripts/XENSERVER/"))
        let copy = try String(contentsOfFile: out + "/scripts/copy-xen-kernel", encoding: .utf8)
        #expect(copy.contains("installer-amd64") || copy.contains("amd64"))
        let again = try CLI.run(["fai-kit", "--out", out], pool: pool, state: state)
        #expect(again.status == 6)
        #expect(again.stderr.hasPrefix("xsfai: refusing to overwrite existing files (use --force)"))
    }
}

extension CLIReadCommandTests {
    /// `xsfai ARGS` on a pseudo-terminal (util-linux `script`), stdout as the terminal showed it.
    static func onTerminal(_ arguments: [String], pool: LoopbackPool) throws -> String {
        let command = ([CLIRunEndToEndTests.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let result = try CLIRunEndToEndTests.run(
            ["-qec", "stty cols 250; " + command, "/dev/null"], pool: pool, state: CLIRunEndToEndTests.freshState(),
            executable: URL(fileURLWithPath: "/usr/bin/script"))
        return result.stdout
    }

    @Test func onATerminalLongValuesAreShortenedUnlessWide() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let short = try Self.onTerminal(["vms"], pool: pool)
        #expect(short.contains("…"), "\(short)")
        #expect(!short.contains("FAI_ACTION=install"))
        let wide = try Self.onTerminal(["vms", "--wide"], pool: pool)
        #expect(wide.contains("FAI_FLAGS=verbose,sshd FAI_ACTION=install"), "\(wide)")
        #expect(!wide.contains("…"))
    }
}
