internal import CCurl
import XenAPI

/// Explains a certificate that failed verification, with the pin that would trust it.
///
/// libcurl does not hand out the certificate of a connection it refused, so a second connection is made
/// with verification off and a deliberately wrong public-key pin: curl computes the server key's SHA-256,
/// logs it (`public key hash: sha256//…`) and aborts the handshake because the pin does not match. Only
/// `CURLOPT_CONNECT_ONLY` is used, so not a byte of application data is ever sent on that connection.
enum UntrustedCertificate {
    /// The transport error for `error` on `url`, naming the certificate's pin when it can be read.
    static func explain(_ error: CurlError, url: XenAPIURL, connectTimeout: Duration) -> TransportError {
        var message = "the TLS certificate of \(url) is not trusted (\(error.message))."
        if let pin = publicKeyPin(of: url, connectTimeout: connectTimeout) {
            message += " Its public key fingerprint is \(pin). If that is your pool master's key (on the"
                + " master: openssl x509 -in /etc/xensource/xapi-ssl.pem -pubkey -noout | openssl pkey -pubin"
                + " -outform der | openssl dgst -sha256 -binary | base64), connect with --pin \(pin);"
                + " or give the issuing CA with --ca-file."
        } else {
            message += " Give the issuing CA with --ca-file, or pin the server key with --pin sha256//…"
        }
        return TransportError(kind: .tls, endpoint: url.description, message: message)
    }

    /// The `sha256//…` public-key pin of the server at `url`, or nil if it could not be read.
    static func publicKeyPin(of url: XenAPIURL, connectTimeout: Duration) -> String? {
        guard let handle = try? EasyHandle() else { return nil }
        let log = ResponseBody(receiver: nil, handle: handle)
        do {
            try handle.set(url: "\(url)/")
            try handle.set(connectTimeout: connectTimeout)
            try handle.set(transferTimeout: connectTimeout)
            try handle.set(CURLOPT_CONNECT_ONLY, 1)
            try handle.set(CURLOPT_SSL_VERIFYPEER, 0)
            try handle.set(CURLOPT_SSL_VERIFYHOST, 0)
            try handle.set(CURLOPT_PINNEDPUBLICKEY, "sha256//" + String(repeating: "A", count: 43) + "=")
            try handle.set(CURLOPT_VERBOSE, 1)
            try handle.check(xsfai_curl_setopt_debug_function(handle.raw, collectText))
            let context = Unmanaged.passUnretained(log).toOpaque()
            try handle.check(xsfai_curl_setopt_pointer(handle.raw, CURLOPT_DEBUGDATA, context))
        } catch {
            return nil
        }
        _ = try? handle.perform()
        let text = String(decoding: log.bytes, as: UTF8.self)
        guard let range = text.firstRange(of: "public key hash: sha256//") else { return nil }
        let pin = text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "/" || $0 == "=" }
        return pin.count == 44 ? "sha256//\(pin)" : nil
    }

    /// `CURLOPT_DEBUGFUNCTION`: keeps curl's informational text lines only (never data).
    private static let collectText: @convention(c) (
        UnsafeMutableRawPointer?, curl_infotype, UnsafeMutablePointer<CChar>?, Int, UnsafeMutableRawPointer?
    ) -> Int32 = { _, type, data, size, context in
        guard type == CURLINFO_TEXT, let data, let context else { return 0 }
        let log = Unmanaged<ResponseBody>.fromOpaque(context).takeUnretainedValue()
        UnsafeRawPointer(data).withMemoryRebound(to: UInt8.self, capacity: size) { start in
            log.bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: size))
        }
        return 0
    }
}
