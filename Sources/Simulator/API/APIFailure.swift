/// A XenAPI error as it goes on the wire: the code and its parameters (`ErrorDescription`).
struct APIFailure: Error, Equatable {
    let description: [String]

    init(_ code: String, _ parameters: String...) {
        description = [code] + parameters
    }

    init(description: [String]) {
        self.description = description
    }

    static func handleInvalid(_ className: String, _ ref: String) -> APIFailure {
        APIFailure("HANDLE_INVALID", className, ref)
    }

    static func badPowerState(_ vm: String, expected: String, actual: String) -> APIFailure {
        APIFailure("VM_BAD_POWER_STATE", vm, expected, actual.lowercased())
    }

    static func invalidValue(_ field: String, _ value: String) -> APIFailure {
        APIFailure("INVALID_VALUE", field, value)
    }

    static func bootloaderFailed(_ vm: String, _ message: String) -> APIFailure {
        APIFailure("BOOTLOADER_FAILED", vm, message)
    }
}
