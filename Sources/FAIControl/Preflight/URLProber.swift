/// Checks that a URL exists, as eliloader will fetch it: an HTTP HEAD request.
///
/// The libcurl implementation is `CurlURLProber` (module CurlTransport); tests may use a dictionary.
public protocol URLProber {
    /// The HTTP status of a HEAD request to `url` (redirects followed); throws when no answer came.
    func head(_ url: String) throws -> Int
}
