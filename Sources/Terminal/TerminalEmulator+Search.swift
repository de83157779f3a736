extension TerminalEmulator {
    /// Every occurrence of `needle` in scrollback and screen, in order (oldest line first, then by
    /// column). Matches do not span lines; an empty needle matches nothing.
    public func search(_ needle: String, caseSensitive: Bool) -> [SearchMatch] {
        let pattern = needle.unicodeScalars.map { caseSensitive ? $0 : Self.folded($0) }
        guard !pattern.isEmpty else { return [] }
        var matches: [SearchMatch] = []
        var scalars: [Unicode.Scalar] = []
        var columnsOfScalars: [Int] = []
        for index in 0..<lineCount {
            scalars.removeAll(keepingCapacity: true)
            columnsOfScalars.removeAll(keepingCapacity: true)
            var column = 0
            for cell in line(at: index) {
                defer { column += 1 }
                guard !cell.isContinuation else { continue }
                for scalar in cell.character.unicodeScalars {
                    scalars.append(caseSensitive ? scalar : Self.folded(scalar))
                    columnsOfScalars.append(column)
                }
            }
            guard scalars.count >= pattern.count else { continue }
            var start = 0
            while start <= scalars.count - pattern.count {
                if scalars[start] == pattern[0], scalars[start..<start + pattern.count].elementsEqual(pattern) {
                    let last = start + pattern.count - 1
                    let end = columnsOfScalars[last] + max(CharacterWidth.of(scalars[last].value), 1)
                    matches.append(SearchMatch(line: index, columns: columnsOfScalars[start]..<end))
                    start += pattern.count
                } else {
                    start += 1
                }
            }
        }
        return matches
    }

    /// Simple case folding of one scalar (lowercase when it maps to a single scalar).
    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.value < 0x80 {
            if scalar.value >= 0x41, scalar.value <= 0x5A, let lower = Unicode.Scalar(scalar.value + 0x20) { return lower }
            return scalar
        }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first ?? scalar : scalar
    }
}
