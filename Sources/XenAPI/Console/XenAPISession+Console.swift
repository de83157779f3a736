extension XenAPISession {
    /// Opens the console at `location` (a ``ConsoleRecord/location``) with this session's reference.
    ///
    /// The console is opened with the pool connection's scheme: with an https pool an `http://` location
    /// is refused (``ConsoleError/downgradeRefused(location:)``) before anything is sent, since the CONNECT
    /// carries the session reference. (The connector uses the pool's TLS trust: same CA file and pins.)
    /// Logs in first if needed; on a 401 (the session expired) it logs in again and retries once.
    public func openConsole(location: String, using connector: any ConsoleConnector) throws -> any ConsoleConnection {
        if masterURL.scheme == "https", !location.lowercased().hasPrefix("https://") {
            throw ConsoleError.downgradeRefused(location: location)
        }
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
