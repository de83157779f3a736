import XMLRPC

extension SimulatorState {
    /// `session.login_with_password(user, password[, version[, originator]])`: members answer
    /// HOST_IS_SLAVE with the master's address; a wrong user or password gives
    /// SESSION_AUTHENTICATION_FAILED [user, message].
    mutating func login(_ params: [XMLRPCValue], hostIndex: Int) throws -> String {
        if hostIndex != 0 { throw APIFailure("HOST_IS_SLAVE", masterAddress) }
        let user = params[0].stringValue ?? ""
        let password = params[1].stringValue ?? ""
        guard user == configuration.user, password == configuration.password else {
            throw APIFailure("SESSION_AUTHENTICATION_FAILED", user, "Authentication failure")
        }
        let originator = params.count > 3 ? (params[3].stringValue ?? "") : ""
        let ref = BlankRecord.ref()
        sessions[ref] = Session(user: user, originator: originator)
        return ref
    }

    /// Checks the session argument of a call: unknown → SESSION_INVALID [ref]; on a member →
    /// HOST_IS_SLAVE [master]. Counts the call against the `expireSessions` fault.
    @discardableResult
    mutating func checkSession(_ value: XMLRPCValue, hostIndex: Int) throws -> String {
        let ref = value.stringValue ?? ""
        guard var session = sessions[ref] else { throw APIFailure("SESSION_INVALID", ref) }
        if hostIndex != 0 { throw APIFailure("HOST_IS_SLAVE", masterAddress) }
        if let limit = faults.sessionCallLimit, session.calls >= limit {
            sessions[ref] = nil
            throw APIFailure("SESSION_INVALID", ref)
        }
        session.calls += 1
        sessions[ref] = session
        return ref
    }

    /// Whether `ref` is a live session (for console CONNECT).
    func isValidSession(_ ref: String) -> Bool { sessions[ref] != nil }
}
