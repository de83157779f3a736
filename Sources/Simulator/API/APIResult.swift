import NIOCore
import XMLRPC

/// The outcome of one API call.
enum APIResult {
    /// `Status: Success` with this value.
    case success(XMLRPCValue)
    /// `Status: Failure` with this error description.
    case failure([String])
    /// An event.from with nothing to report yet: the server waits for a change or the deadline.
    case waitForEvents(EventQuery)
}

/// A pending event.from: which classes/objects, from which generation, until when.
struct EventQuery {
    /// Lowercase class names subscribed in full; "*" is expanded to every class.
    var classes: Set<String>
    /// Lowercase class name → refs subscribed one by one (`vm/OpaqueRef:…`).
    var objects: [String: Set<String>]
    var since: Int64
    var deadline: NIODeadline
}
