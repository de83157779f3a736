/// How a connection decides to trust a pool's TLS certificate. Verification is always on.
///
/// - Neither option: the system CA store, with host-name checking.
/// - ``caFile``: that PEM bundle instead of the system store, with host-name checking.
/// - ``pinnedPublicKey``: the server's public key must have this SHA-256 (`sha256//BASE64`, several
///   separated by `;`); CA and host-name checks are then skipped, since the key itself is trusted (the usual
///   case for a pool's self-signed certificate). An untrusted certificate's pin is shown in the error.
///   Each host of a pool has its own certificate, and consoles are reached on the host a VM runs on, so
///   pin every host's key (`sha256//A;sha256//B`) to open consoles on pool members.
public struct TLSOptions: Sendable, Hashable {
    /// A PEM file of CA certificates to trust.
    public let caFile: String?
    /// `sha256//BASE64` public-key pins.
    public let pinnedPublicKey: String?

    /// Validates and stores the options.
    public init(caFile: String? = nil, pinnedPublicKey: String? = nil) throws {
        if let pinnedPublicKey {
            for pin in pinnedPublicKey.split(separator: ";", omittingEmptySubsequences: false) {
                guard pin.hasPrefix("sha256//"), pin.count == 8 + 44,
                    pin.dropFirst(8).allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" || $0 == "=" })
                else { throw TLSOptionsError.badPin(String(pin)) }
            }
        }
        self.caFile = caFile
        self.pinnedPublicKey = pinnedPublicKey
    }

    /// System CAs only.
    public static let systemTrust = TLSOptions(validatedCAFile: nil, pin: nil)

    private init(validatedCAFile: String?, pin: String?) {
        caFile = validatedCAFile
        pinnedPublicKey = pin
    }
}

/// A TLS option that cannot be used.
public enum TLSOptionsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A pin that is not `sha256//` followed by 44 base64 characters.
    case badPin(String)

    /// A readable form for logs and messages.
    public var description: String {
        switch self {
        case .badPin(let pin):
            "the pin \"\(pin)\" is not of the form sha256//<44 base64 characters>"
        }
    }
}
