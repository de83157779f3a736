extension VMParameter {
    /// The xe parameter name closest to `name` (case-insensitive edit distance of at most a third of
    /// its length, at least 2), for "did you mean" hints; `other-config:…` when it is a mistyped prefix.
    public static func nearestXEName(to name: String) -> String? {
        let lowered = name.lowercased()
        if let colon = lowered.firstIndex(of: ":"), distance(String(lowered[..<colon]), "other-config") <= 3 {
            return "other-config" + name[colon...]
        }
        let scored = fields.map { ($0.xeName, distance(lowered, $0.xeName.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
