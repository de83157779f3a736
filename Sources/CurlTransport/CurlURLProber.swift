internal import CCurl

/// HTTP HEAD requests over libcurl, for the install preflight (`xsfai preflight`).
///
/// Redirects are followed; HTTPS is verified against the system CAs. The xsfai executable declares the
/// conformance to FAIControl's `URLProber` (this module does not depend on FAIControl).
public struct CurlURLProber: Sendable {
    /// The limit for one request (connect and answer).
    public let timeout: Duration

    /// Creates a prober.
    public init(timeout: Duration = .seconds(10)) { self.timeout = timeout }

    /// The HTTP status of `HEAD url`; throws ``CurlError`` when no response came.
    public func head(_ url: String) throws -> Int {
        let handle = try EasyHandle()
        try handle.set(url: url)
        try handle.set(CURLOPT_NOBODY, 1)
        try handle.set(CURLOPT_FOLLOWLOCATION, 1)
        try handle.set(CURLOPT_MAXREDIRS, 5)
        try handle.set(connectTimeout: timeout)
        try handle.set(transferTimeout: timeout)
        try handle.perform()
        return handle.responseCode
    }
}
