/// A monitor source that could not be set up.
public enum MonitorSourceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A log or variables file that cannot be opened.
    case cannotOpen(path: String, reason: String)
    /// An `[ADDR:]PORT` that does not parse.
    case badAddress(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open \(path): \(reason)"
        case .badAddress(let text): "bad monitor address \"\(text)\": expected [ADDR:]PORT, e.g. 0.0.0.0:4711"
        }
    }
}
