/// A failure reported by xapi: the `ErrorDescription` of a `Failure` reply, code then parameters.
public struct XenAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error code, an open set with named constants for the codes xsfai branches on.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The code as sent, e.g. `VM_BAD_POWER_STATE`.
        public let rawValue: String
        /// Creates a code from its wire spelling.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from its wire spelling.
        public init(_ rawValue: String) { self.rawValue = rawValue }
        /// A readable form for logs and messages.
        public var description: String { rawValue }

        /// `SESSION_AUTHENTICATION_FAILED`.
        public static let sessionAuthenticationFailed = Code("SESSION_AUTHENTICATION_FAILED")
        /// `SESSION_INVALID`.
        public static let sessionInvalid = Code("SESSION_INVALID")
        /// `HOST_IS_SLAVE`.
        public static let hostIsSlave = Code("HOST_IS_SLAVE")
        /// `VM_BAD_POWER_STATE`.
        public static let vmBadPowerState = Code("VM_BAD_POWER_STATE")
        /// `MAP_DUPLICATE_KEY`.
        public static let mapDuplicateKey = Code("MAP_DUPLICATE_KEY")
        /// `HANDLE_INVALID`.
        public static let handleInvalid = Code("HANDLE_INVALID")
        /// `UUID_INVALID`.
        public static let uuidInvalid = Code("UUID_INVALID")
        /// `BOOTLOADER_FAILED`.
        public static let bootloaderFailed = Code("BOOTLOADER_FAILED")
        /// `UNKNOWN_BOOTLOADER`.
        public static let unknownBootloader = Code("UNKNOWN_BOOTLOADER")
        /// `OPERATION_NOT_ALLOWED`.
        public static let operationNotAllowed = Code("OPERATION_NOT_ALLOWED")
        /// `VM_IS_TEMPLATE`.
        public static let vmIsTemplate = Code("VM_IS_TEMPLATE")
        /// `OTHER_OPERATION_IN_PROGRESS`.
        public static let otherOperationInProgress = Code("OTHER_OPERATION_IN_PROGRESS")
        /// `MESSAGE_METHOD_UNKNOWN`.
        public static let messageMethodUnknown = Code("MESSAGE_METHOD_UNKNOWN")
        /// `MESSAGE_PARAMETER_COUNT_MISMATCH`.
        public static let messageParameterCountMismatch = Code("MESSAGE_PARAMETER_COUNT_MISMATCH")
        /// `NO_HOSTS_AVAILABLE`.
        public static let noHostsAvailable = Code("NO_HOSTS_AVAILABLE")
        /// `INVALID_VALUE`.
        public static let invalidValue = Code("INVALID_VALUE")
        /// `INTERNAL_ERROR`.
        public static let internalError = Code("INTERNAL_ERROR")
    }

    /// The error code.
    public let code: Code
    /// The parameters after the code, as sent.
    public let parameters: [String]

    /// Creates an error from a code and its parameters.
    public init(code: Code, parameters: [String] = []) {
        self.code = code
        self.parameters = parameters
    }

    /// Creates an error from a whole `ErrorDescription` array; an empty array becomes INTERNAL_ERROR.
    public init(errorDescription: [String]) {
        guard let first = errorDescription.first else {
            self.init(code: .internalError, parameters: ["empty ErrorDescription"])
            return
        }
        self.init(code: Code(first), parameters: Array(errorDescription.dropFirst()))
    }

    private func parameter(_ index: Int) -> String {
        index < parameters.count ? parameters[index] : "?"
    }

    /// A sentence an operator can act on, for the codes they meet; the raw code and params otherwise.
    public var message: String {
        switch code {
        case .sessionAuthenticationFailed:
            return "login failed: wrong user name or password"
        case .sessionInvalid:
            return "the session is no longer valid (expired or the toolstack restarted)"
        case .hostIsSlave:
            return "this host is a pool member; the pool master is \(parameter(0))"
        case .vmBadPowerState:
            return "the VM is \(parameter(2)), but this needs it \(parameter(1))"
        case .mapDuplicateKey:
            return "\(parameter(1)) already has the key \"\(parameter(3))\""
        case .handleInvalid:
            return "the \(parameter(0)) no longer exists (\(parameter(1)))"
        case .uuidInvalid:
            return "no \(parameter(0)) has the UUID \(parameter(1))"
        case .bootloaderFailed:
            return "the bootloader failed: \(parameter(1))"
        case .unknownBootloader:
            return "unknown PV bootloader \"\(parameter(1))\""
        case .operationNotAllowed:
            return "operation not allowed: \(parameter(0))"
        case .vmIsTemplate:
            return "\(parameter(1)) is not allowed on a template"
        case .otherOperationInProgress:
            return "another operation (\(parameter(2))) is in progress on this \(parameter(0))"
        case .messageMethodUnknown:
            return "the server does not know the call \(parameter(0))"
        case .noHostsAvailable:
            return "no host in the pool can run this VM"
        default:
            return ([code.rawValue] + parameters).joined(separator: " ")
        }
    }

    /// A readable form for logs and messages.
    public var description: String { "\(message) [\(([code.rawValue] + parameters).joined(separator: ", "))]" }
}
