internal import CCurl
import XenAPI

/// A libcurl failure: the `CURLcode` and curl's own message (from `CURLOPT_ERRORBUFFER` when it has one).
public struct CurlError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The numeric `CURLcode`, e.g. 7 for "couldn't connect".
    public let code: Int
    /// curl's explanation.
    public let message: String

    init(_ code: CURLcode, detail: String) {
        self.code = Int(code.rawValue)
        let generic = String(cString: curl_easy_strerror(code))
        message = detail.isEmpty ? generic : detail
    }

    /// A readable form for logs and messages.
    public var description: String { "\(message) (curl error \(code))" }

    /// The transport error an XenAPI caller sees for this failure at `endpoint`.
    func transportError(endpoint: String) -> TransportError {
        TransportError(kind: kind, endpoint: endpoint, message: description)
    }

    /// The class of failure, for retry decisions and messages.
    var kind: TransportError.Kind {
        switch CURLcode(UInt32(code)) {
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            .connectFailed
        case CURLE_OPERATION_TIMEDOUT:
            .timedOut
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE:
            .connectionLost
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM:
            .tls
        default:
            .other
        }
    }

    /// Whether the server's certificate was not trusted (as opposed to other TLS failures).
    var isUntrustedCertificate: Bool { CURLcode(UInt32(code)) == CURLE_PEER_FAILED_VERIFICATION }
}
