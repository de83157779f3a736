public import XenAPI

/// Makes ``CurlTransport``s with one TLS policy (for the master after HOST_IS_SLAVE, and event sessions).
public struct CurlTransportFactory: XenAPITransportFactory {
    /// The certificate trust policy for every transport.
    public let tls: TLSOptions
    /// The connect timeout for every transport.
    public let connectTimeout: Duration

    /// The largest reply body every transport accepts, in bytes.
    public let replyLimit: Int

    /// Creates the factory.
    public init(
        tls: TLSOptions = .systemTrust, connectTimeout: Duration = .seconds(10),
        replyLimit: Int = CurlTransport.defaultReplyLimit
    ) {
        self.tls = tls
        self.connectTimeout = connectTimeout
        self.replyLimit = replyLimit
    }

    /// See the protocol requirement; libcurl-specific behaviour is described on the type.
    public func transport(for url: XenAPIURL) throws -> any XenAPITransport {
        CurlTransport(url: url, tls: tls, connectTimeout: connectTimeout, replyLimit: replyLimit)
    }
}
