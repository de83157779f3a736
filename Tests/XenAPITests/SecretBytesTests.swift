import Foundation
import Secrets
import CurlTransport
import Simulator
import Testing
import XMLRPC
@testable import XenAPI

/// The password's one buffer: overwritten when wiped, never printed, and the login body built from it
/// is the same call the encoder would make.
@Suite struct SecretBytesTests {
    @Test func wipingOverwritesTheBufferItself() {
        let secret = SecretBytes(copying: Array("hunter2".utf8))
        let address = secret.withBytes { UnsafeMutableRawPointer(mutating: $0.baseAddress!) }
        #expect(Array(UnsafeRawBufferPointer(start: address, count: 7)) == Array("hunter2".utf8))
        secret.wipe()
        // The memory is still the secret's (freed only with it), now zeros.
        #expect(Array(UnsafeRawBufferPointer(start: address, count: 7)) == [UInt8](repeating: 0, count: 7))
        #expect(secret.isEmpty)
        withExtendedLifetime(secret) {}
    }

    @Test func neitherDescriptionNorDumpShowsThePassword() {
        let credentials = Credentials(user: "root", password: "s3cr3t-Value")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [credentials.description, credentials.debugDescription, "\(credentials.password)", dumped] {
            #expect(!text.contains("s3cr3t"), "\(text)")
        }
    }

    @Test func theLoginBodyIsTheEncodersCallWithThePasswordEscapedFromItsBuffer() {
        let password = "p&<ss>\"wörd\u{1}"
        let body = LoginRequest.body(user: "root", password: SecretBytes(copyingUTF8: password))
        #expect(body == XMLRPCEncoder.methodCall(LoginRequest.method, params: [.string("root"), .string(password), "1.1", "xsfai"]))
        var copy = body
        SecretBytes.wipe(&copy)
        #expect(copy.allSatisfy { $0 == 0 } && copy.count == body.count)
    }

    @Test func aPasswordWithMarkupCharactersLogsIn() async throws {
        let password = "a&b<c>\"d'é"
        let server = SimulatorServer(configuration: SimulatorConfiguration(password: password))
        _ = try await server.start()
        defer { Task { try? await server.stop() } }
        let session = try XenAPISession(
            url: XenAPIURL(string: server.masterURL), credentials: Credentials(user: "root", password: password),
            factory: CurlTransportFactory(connectTimeout: .seconds(5)))
        try session.login()
        #expect(session.isLoggedIn)
        session.logout()
        session.credentials.wipe()
        #expect(throws: XenAPIError.self) { try session.login() }
    }
}
