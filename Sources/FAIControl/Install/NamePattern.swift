/// `--names 'web[01-20]'`: a name with numeric ranges in brackets, expanded in order, keeping the
/// zero padding of the range's first bound (`web[8-10]` → web8 web9 web10, `web[08-10]` → web08 …).
public enum NamePattern {
    /// The largest batch one pattern may make.
    public static let maximumCount = 1000

    /// The names `pattern` stands for; a pattern without brackets is itself.
    public static func expand(_ pattern: String) throws(NamePatternError) -> [String] {
        guard let open = pattern.firstIndex(of: "[") else {
            if pattern.contains("]") { throw .malformed(pattern) }
            return [pattern]
        }
        guard let close = pattern[open...].firstIndex(of: "]") else { throw .malformed(pattern) }
        let range = pattern[pattern.index(after: open)..<close]
        let bounds = range.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high,
              bounds.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) })
        else { throw .malformed(pattern) }
        let width = bounds[0].hasPrefix("0") ? bounds[0].count : 0
        let prefix = String(pattern[..<open])
        let rest = try expand(String(pattern[pattern.index(after: close)...]))
        guard (high - low + 1) * rest.count <= maximumCount else { throw .tooMany(pattern) }
        return (low...high).flatMap { number -> [String] in
            let digits = String(number)
            let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
            return rest.map { prefix + padded + $0 }
        }
    }
}

/// A `--names` pattern that cannot be expanded.
public enum NamePatternError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case tooMany(String)

    public var description: String {
        switch self {
        case .malformed(let pattern): "bad name pattern \"\(pattern)\": expected e.g. web[01-20]"
        case .tooMany(let pattern): "the name pattern \"\(pattern)\" makes more than \(NamePattern.maximumCount) names"
        }
    }
}
