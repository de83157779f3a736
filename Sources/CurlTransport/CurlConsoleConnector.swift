internal import CCurl
public import XenAPI
#if canImport(Glibc)
import Glibc
#endif

/// Opens VM consoles with libcurl: TCP (and TLS for `https` locations) by libcurl, the HTTP `CONNECT`
/// written by hand, then the raw byte stream.
///
/// Why `CURLOPT_CONNECT_ONLY` with `curl_easy_send`/`curl_easy_recv`: xapi's console proxy expects
/// exactly what `xe console` sends, `CONNECT /console?uuid=…&session_id=… HTTP/1.0` with a path and query
/// as the target, while libcurl's own CONNECT support (`CURLOPT_HTTPPROXYTUNNEL`) only tunnels to a
/// `host:port` through a proxy. `CONNECT_ONLY` lets libcurl do what it is good at — connecting, the TLS
/// handshake, and the same certificate checks and key pinning as the XML-RPC transport — and hands over
/// the connection for raw I/O. A plain socket would have worked for `http` but not for `https`; one code
/// path for both keeps behaviour identical. Waiting uses `poll` on `CURLINFO_ACTIVESOCKET`, after first
/// draining data TLS may already have decrypted and buffered.
public struct CurlConsoleConnector: ConsoleConnector {
    /// The certificate trust policy.
    public let tls: TLSOptions
    /// The limit for connecting and for the console host's reply to the CONNECT.
    public let connectTimeout: Duration

    /// Creates the connector.
    public init(tls: TLSOptions = .systemTrust, connectTimeout: Duration = .seconds(10)) {
        self.tls = tls
        self.connectTimeout = connectTimeout
    }

    /// See the protocol requirement; libcurl-specific behaviour is described on the type.
    public func connect(location: String, sessionRef: String) throws -> any ConsoleConnection {
        let request = try ConsoleHandshake.request(location: location, sessionReference: sessionRef)
        let endpoint = request.endpoint
        let handle: EasyHandle
        do {
            handle = try EasyHandle()
            try handle.set(url: "\(endpoint)/")
            try handle.set(connectTimeout: connectTimeout)
            try handle.set(CURLOPT_CONNECT_ONLY, 1)
            try handle.set(tls: tls, scheme: endpoint.scheme)
            try handle.perform()
        } catch let error as CurlError {
            if error.isUntrustedCertificate {
                let explained = UntrustedCertificate.explain(error, url: endpoint, connectTimeout: connectTimeout)
                throw ConsoleError.connectionFailed(explained.description)
            }
            throw ConsoleError.connectionFailed("\(endpoint): \(error)")
        }
        guard let socket = handle.activeSocket else {
            throw ConsoleError.connectionFailed("\(endpoint): libcurl reported no connected socket")
        }
        let connection = CurlConsoleConnection(handle: handle, socket: socket)
        do {
            try connection.send(request.bytes)
            try connection.readReply(timeout: connectTimeout)
        } catch {
            connection.close()
            throw error
        }
        return connection
    }
}
