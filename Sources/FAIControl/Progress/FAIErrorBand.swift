/// The bands `fai-monitor-gui` draws an FAI error code in (fai-monitor.md): < 300 success,
/// < 500 warning, < 700 minor error, ≥ 700 error.
public enum FAIErrorBand: String, Sendable, Equatable, Comparable, CaseIterable, Codable {
    /// Below 300: the task succeeded.
    case ok
    /// 300–499: a warning.
    case warning
    /// 500–699: a minor error.
    case minor
    /// 700 and above: an error (FAI stops above its `STOP_ON_ERROR`, 700 by default).
    case error

    /// The band of an error code.
    public init(code: Int) {
        switch code {
        case ..<300: self = .ok
        case ..<500: self = .warning
        case ..<700: self = .minor
        default: self = .error
        }
    }

    public static func < (lhs: FAIErrorBand, rhs: FAIErrorBand) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
