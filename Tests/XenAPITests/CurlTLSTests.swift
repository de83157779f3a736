import CurlTransport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import XenAPI
import TestScratch

/// A TLS server with a fresh self-signed certificate (`openssl s_server`), for the trust rules.
private final class SelfSignedServer {
    let directory: URL
    let process = Process()
    let port: Int

    init() throws {
        directory = Scratch.folderURL("xsfai-tls")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.run([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=xcp-sim",
            "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", directory.appendingPathComponent("key.pem").path,
            "-out", directory.appendingPathComponent("cert.pem").path,
        ])
        port = try Self.freePort()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "s_server", "-quiet", "-accept", "127.0.0.1:\(port)", "-www",
            "-cert", directory.appendingPathComponent("cert.pem").path,
            "-key", directory.appendingPathComponent("key.pem").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<100 where !Self.accepts(port) { usleep(50_000) }
    }

    /// A port nobody listens on right now (bound to 0 and released).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else { throw CocoaError(.fileReadUnknown) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on `port`.
    static func accepts(_ port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    var certificatePath: String { directory.appendingPathComponent("cert.pem").path }

    /// The certificate's public-key pin computed by openssl itself.
    func expectedPin() throws -> String {
        let script = "openssl x509 -in \(certificatePath) -pubkey -noout | openssl pkey -pubin -outform der"
            + " | openssl dgst -sha256 -binary | base64"
        return "sha256//" + (try Self.run(["-c", script], executable: "/bin/sh")).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    static func run(_ arguments: [String], executable: String = "/usr/bin/openssl") throws -> String {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")), .serialized)
struct CurlTLSTests {
    private func post(to server: SelfSignedServer, tls: TLSOptions) throws -> [UInt8] {
        let url = try XenAPIURL(string: "https://127.0.0.1:\(server.port)")
        return try CurlTransport(url: url, tls: tls, connectTimeout: .seconds(5)).post(Array("<x/>".utf8), timeout: .seconds(1))
    }

    @Test func unknownSelfSignedCertificateFailsAndNamesItsPin() throws {
        let server = try SelfSignedServer()
        defer { server.stop() }
        let error = try #require(throws: TransportError.self) { try post(to: server, tls: .systemTrust) }
        #expect(error.kind == .tls)
        #expect(error.message.contains("--pin \(try server.expectedPin())"))
    }

    @Test func pinnedKeyIsTrustedAndAWrongPinIsNot() throws {
        let server = try SelfSignedServer()
        defer { server.stop() }
        let pinned = try TLSOptions(pinnedPublicKey: server.expectedPin())
        do {
            _ = try post(to: server, tls: pinned)
        } catch let error as TransportError {
            #expect(error.kind != .tls, "\(error)")
        }
        let wrong = try TLSOptions(pinnedPublicKey: "sha256//" + String(repeating: "B", count: 43) + "=")
        let error = try #require(throws: TransportError.self) { try post(to: server, tls: wrong) }
        #expect(error.kind == .tls)
    }

    @Test func caFileTrustsTheCertificate() throws {
        let server = try SelfSignedServer()
        defer { server.stop() }
        do {
            _ = try post(to: server, tls: try TLSOptions(caFile: server.certificatePath))
        } catch let error as TransportError {
            #expect(error.kind != .tls, "\(error)")
        }
    }

    @Test func consoleConnectorAppliesTheSameTrust() throws {
        let server = try SelfSignedServer()
        defer { server.stop() }
        let location = "https://127.0.0.1:\(server.port)/console?uuid=x"
        let error = try #require(throws: ConsoleError.self) {
            try CurlConsoleConnector(connectTimeout: .seconds(5)).connect(location: location, sessionRef: "OpaqueRef:s")
        }
        #expect("\(error)".contains("--pin \(try server.expectedPin())"))
    }

    @Test func malformedPinsAreRefused() {
        #expect(throws: TLSOptionsError.self) { try TLSOptions(pinnedPublicKey: "sha1//abc") }
        #expect(throws: TLSOptionsError.self) { try TLSOptions(pinnedPublicKey: "sha256//short") }
    }
}
