import Secrets
import XMLRPC

/// The body of `session.login_with_password(user, password, "1.1", "xsfai")`, with the password
/// escaped into it straight from its ``SecretBytes`` (no `String` of it is made).
enum LoginRequest {
    /// The login method.
    static let method = "session.login_with_password"

    /// The encoded call; the caller wipes it (``SecretBytes/wipe(_:)``) once sent. Its capacity is
    /// reserved up front, so growing it never leaves a copy of the password in freed memory.
    static func body(user: String, password: SecretBytes) -> [UInt8] {
        let marker = "xsfai-password-\(UInt64.random(in: .min ... .max))"
        let template = XMLRPCEncoder.methodCall(method, params: [.string(user), .string(marker), "1.1", "xsfai"])
        let needle = Array(marker.utf8)
        guard let start = template.indices.first(where: { template[$0...].starts(with: needle) }) else {
            preconditionFailure("the login template lost its password marker")
        }
        var body: [UInt8] = []
        // An escaped byte takes at most 6 (`&quot;`).
        body.reserveCapacity(template.count - needle.count + password.count * 6)
        body.append(contentsOf: template[..<start])
        password.withBytes { XMLRPCEncoder.appendEscaped(bytes: $0, to: &body) }
        body.append(contentsOf: template[(start + needle.count)...])
        return body
    }
}
