extension XenAPISession {
    /// Opens the console at `location` (a ``ConsoleRecord/location``) with this session's reference.
    ///
    /// Logs in first if needed; on a 401 (the session expired) it logs in again and retries once.
    public func openConsole(location: String, using connector: any ConsoleConnector) throws -> any ConsoleConnection {
        if sessionReference == nil { try login() }
        guard let reference = sessionReference else { throw ConsoleError.unauthorized }
        do {
            return try connector.connect(location: location, sessionRef: reference)
        } catch ConsoleError.unauthorized {
            try login()
            guard let renewed = sessionReference else { throw ConsoleError.unauthorized }
            return try connector.connect(location: location, sessionRef: renewed)
        }
    }
}
