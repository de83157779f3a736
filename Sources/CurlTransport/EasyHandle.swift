internal import CCurl
import Synchronization

/// Owns one libcurl easy handle: intention-named setters over the typed `shim.h` wrappers, curl's error
/// buffer, and cleanup in `deinit`.
///
/// `@unchecked Sendable`: a handle is not thread-safe, but it is only ever used by one thread at a time;
/// ownership moves between threads through a transport's mutex-guarded idle list.
final class EasyHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
    private var headerList: UnsafeMutablePointer<curl_slist>?

    /// Creates a handle with the options every xsfai transfer uses.
    init() throws {
        CurlLibrary.initializeOnce()
        guard let raw = curl_easy_init() else { throw CurlError(CURLE_OUT_OF_MEMORY, detail: "curl_easy_init failed") }
        self.raw = raw
        errorBuffer.initialize(to: 0)
        try check(xsfai_curl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer))
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        try set(CURLOPT_USERAGENT, "xsfai")
    }

    deinit {
        curl_easy_cleanup(raw)
        if let headerList { curl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) throws {
        try check(xsfai_curl_setopt_long(raw, option, value))
    }

    /// Sets a string option (curl copies the string).
    func set(_ option: CURLoption, _ value: String) throws {
        try check(xsfai_curl_setopt_string(raw, option, value))
    }

    func set(url: String) throws { try set(CURLOPT_URL, url) }

    func set(connectTimeout: Duration) throws {
        try set(CURLOPT_CONNECTTIMEOUT_MS, max(1, Int(connectTimeout.milliseconds)))
    }

    /// The limit for the whole transfer (connect, send, wait, receive).
    func set(transferTimeout: Duration) throws {
        try set(CURLOPT_TIMEOUT_MS, max(1, Int(transferTimeout.milliseconds)))
    }

    /// Replaces the request headers; the list lives as long as the handle.
    func set(headers: [String]) throws {
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers {
            guard let appended = curl_slist_append(list, header) else {
                if let list { curl_slist_free_all(list) }
                throw CurlError(CURLE_OUT_OF_MEMORY, detail: "curl_slist_append failed")
            }
            list = appended
        }
        try check(xsfai_curl_setopt_slist(raw, CURLOPT_HTTPHEADER, list))
        if let headerList { curl_slist_free_all(headerList) }
        headerList = list
    }

    /// Applies the TLS policy for a transfer to `scheme`.
    func set(tls: TLSOptions, scheme: String) throws {
        guard scheme == "https" else { return }
        if let pin = tls.pinnedPublicKey {
            // The pinned key is the trust anchor: pools use self-signed certificates whose names rarely
            // match the address, so CA and host name checks are replaced by the key check.
            try set(CURLOPT_SSL_VERIFYPEER, 0)
            try set(CURLOPT_SSL_VERIFYHOST, 0)
            try set(CURLOPT_PINNEDPUBLICKEY, pin)
        } else {
            try set(CURLOPT_SSL_VERIFYPEER, 1)
            try set(CURLOPT_SSL_VERIFYHOST, 2)
            if let caFile = tls.caFile { try set(CURLOPT_CAINFO, caFile) }
        }
    }

    /// Runs the transfer.
    func perform() throws {
        errorBuffer[0] = 0
        try check(curl_easy_perform(raw))
    }

    /// The HTTP status of the last response (0 if none).
    var responseCode: Int {
        var code = 0
        _ = xsfai_curl_getinfo_long(raw, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// The connected socket after a `CURLOPT_CONNECT_ONLY` perform, or nil.
    var activeSocket: Int32? {
        var socket: curl_socket_t = CURL_SOCKET_BAD
        guard xsfai_curl_getinfo_socket(raw, &socket) == CURLE_OK, socket != CURL_SOCKET_BAD else { return nil }
        return socket
    }

    func check(_ code: CURLcode) throws {
        guard code != CURLE_OK else { return }
        throw CurlError(code, detail: String(cString: errorBuffer))
    }
}

/// Process-wide libcurl set-up.
enum CurlLibrary {
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// Calls `curl_global_init` exactly once (Swift runs a static initializer once, thread-safely).
    static func initializeOnce() { _ = initialized }
}

extension Duration {
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
