/// Reading xapi's reply wrapper `{Status, Value}` / `{Status, ErrorDescription}` member by member, for
/// the decoders that stream `Value`'s members (``XMLRPCDecoder/forEachResultMember(_:_:)-([UInt8],_)``
/// on a whole reply, ``ResultMemberStream`` while it arrives).
extension XMLRPCScanner {
    /// What the wrapper's members said so far.
    struct XAPIWrapper {
        /// The byte offset of the wrapper struct's first member, for the error about a bad wrapper.
        var start: Int
        /// The text of `Status`, once read.
        var status: String?
        /// The strings of `ErrorDescription`, once read.
        var errorDescription: [String] = []
        /// Whether `Value` was read.
        var sawValue = false

        /// Whether the member called `name` is `Value` and is to be streamed (it is not after `Status: Failure`).
        func streams(_ name: String) -> Bool {
            name == "Value" && status != "Failure"
        }

        /// The reply's outcome once the wrapper struct is closed; a wrapper that is neither a success
        /// with a `Value` nor a `Failure` is malformed.
        func outcome() throws -> XMLRPCDecoder.XAPIStatus {
            switch status {
            case "Success" where sawValue: return .success
            case "Failure": return .failure(errorDescription: errorDescription)
            default:
                throw XMLRPCError.malformed(
                    reason: "the reply lacks Status \"Success\" with a Value, or Status \"Failure\"", offset: start)
            }
        }
    }

    /// Reads a methodResponse up to the first member of its wrapper struct (a `<fault>` is read whole
    /// and thrown).
    mutating func openXAPIWrapper() throws -> XAPIWrapper {
        try XMLRPCDecoder.openParam(&self)
        let start = position
        if try open("value") || open("struct") {
            throw XMLRPCError.malformed(reason: "the reply is not a Status/Value struct", offset: start)
        }
        return XAPIWrapper(start: start)
    }

    /// Reads the value and the end of a wrapper member other than a streamed `Value` (its
    /// `<member><name>` is read), keeping `Status` and `ErrorDescription` in `wrapper`.
    mutating func readWrapperMember(named name: String, into wrapper: inout XAPIWrapper) throws {
        let valueStart = position
        let value = try value()
        try close("member")
        if name == "Status" {
            wrapper.status = value.stringValue
        } else if name == "ErrorDescription" {
            guard let strings = value.stringArrayValue else {
                throw XMLRPCError.malformed(reason: "ErrorDescription is not an array of strings", offset: valueStart)
            }
            wrapper.errorDescription = strings
        }
    }

    /// Reads the end of the wrapper struct and of the methodResponse after its last member.
    mutating func closeXAPIWrapper() throws {
        try close("struct")
        try close("value")
        try XMLRPCDecoder.closeParam(&self)
    }
}
