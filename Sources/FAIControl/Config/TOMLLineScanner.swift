/// Reads one line of the TOML subset `config.toml` uses.
struct TOMLLineScanner {
    private var rest: Substring

    init(_ line: Substring) {
        rest = line.hasSuffix("\r") ? line.dropLast() : line
    }

    var peek: Character? { rest.first }

    /// Whether only a comment or nothing is left.
    var atEndOrComment: Bool { rest.isEmpty || rest.first == "#" }

    mutating func skipSpaces() {
        while let first = rest.first, first == " " || first == "\t" { rest.removeFirst() }
    }

    /// `[pool.NAME]` or `[pool."NAME"]`, returning NAME.
    mutating func tableHeader(path: String, line: Int) throws(ProfileConfigError) -> String {
        rest.removeFirst()
        skipSpaces()
        guard rest.hasPrefix("pool.") else {
            throw .syntax(path: path, line: line, message: "only [pool.NAME] tables are supported")
        }
        rest.removeFirst(5)
        let name: String
        if rest.first == "\"" {
            name = try quoted(path: path, line: line)
        } else {
            name = bareKey()
        }
        skipSpaces()
        guard !name.isEmpty, rest.first == "]" else {
            throw .syntax(path: path, line: line, message: "expected [pool.NAME]")
        }
        rest.removeFirst()
        try expectEnd(path: path, line: line)
        return name
    }

    /// `key = "value"`.
    mutating func keyValue(path: String, line: Int) throws(ProfileConfigError) -> (String, String) {
        let key = bareKey()
        guard !key.isEmpty else { throw .syntax(path: path, line: line, message: "expected key = \"value\"") }
        skipSpaces()
        guard rest.first == "=" else { throw .syntax(path: path, line: line, message: "expected = after \(key)") }
        rest.removeFirst()
        skipSpaces()
        let value: String
        switch rest.first {
        case "\"": value = try quoted(path: path, line: line)
        case "'": value = try literal(path: path, line: line)
        default: throw .syntax(path: path, line: line, message: "the value of \(key) must be a quoted string")
        }
        try expectEnd(path: path, line: line)
        return (key, value)
    }

    private mutating func bareKey() -> String {
        var key = ""
        while let first = rest.first, first.isLetter || first.isNumber || first == "_" || first == "-" {
            key.append(first)
            rest.removeFirst()
        }
        return key
    }

    /// A basic string with the escapes \" \\ \n \t \r.
    private mutating func quoted(path: String, line: Int) throws(ProfileConfigError) -> String {
        rest.removeFirst()
        var value = ""
        while let character = rest.first {
            rest.removeFirst()
            switch character {
            case "\"":
                return value
            case "\\":
                guard let escaped = rest.first else { break }
                rest.removeFirst()
                switch escaped {
                case "\"": value.append("\"")
                case "\\": value.append("\\")
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                default: throw .syntax(path: path, line: line, message: "unsupported escape \\\(escaped)")
                }
            default:
                value.append(character)
            }
        }
        throw .syntax(path: path, line: line, message: "unterminated string")
    }

    /// A literal string: no escapes.
    private mutating func literal(path: String, line: Int) throws(ProfileConfigError) -> String {
        rest.removeFirst()
        guard let end = rest.firstIndex(of: "'") else {
            throw .syntax(path: path, line: line, message: "unterminated string")
        }
        let value = String(rest[..<end])
        rest = rest[rest.index(after: end)...]
        return value
    }

    private mutating func expectEnd(path: String, line: Int) throws(ProfileConfigError) {
        skipSpaces()
        guard atEndOrComment else {
            throw .syntax(path: path, line: line, message: "unexpected text after the value: \(rest)")
        }
    }
}
