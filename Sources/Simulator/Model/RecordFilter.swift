import XMLRPC

/// The expression language of `get_all_records_where`, as xapi's `db_filter` parses it:
/// `true`, `false`, `field "<name>" = "<value>"` (either side may be a field or a quoted literal,
/// `<>` tests inequality), `not`, `and`, `or` (`and` binds tighter) and parentheses. Values compare as
/// the strings xapi's database stores (`true`/`false` for bools, decimal for ints).
indirect enum RecordFilter: Equatable {
    case constant(Bool)
    case comparison(Operand, Operand, equal: Bool)
    case not(RecordFilter)
    case and(RecordFilter, RecordFilter)
    case or(RecordFilter, RecordFilter)

    /// One side of a comparison.
    enum Operand: Equatable {
        case field(String)
        case literal(String)
    }

    /// Why an expression could not be parsed.
    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses `text`, failing with a message naming what was wrong.
    init(parsing text: String) throws {
        var parser = Parser(tokens: try Self.tokenize(text))
        let filter = try parser.parseOr()
        guard parser.isAtEnd else { throw ParseError(description: "unexpected \(parser.peekDescription)") }
        self = filter
    }

    /// Whether the record satisfies the expression.
    func matches(_ record: XMLRPCStruct) -> Bool {
        switch self {
        case .constant(let value): value
        case .comparison(let lhs, let rhs, let equal): (Self.text(lhs, record) == Self.text(rhs, record)) == equal
        case .not(let inner): !inner.matches(record)
        case .and(let lhs, let rhs): lhs.matches(record) && rhs.matches(record)
        case .or(let lhs, let rhs): lhs.matches(record) || rhs.matches(record)
        }
    }

    private static func text(_ operand: Operand, _ record: XMLRPCStruct) -> String? {
        switch operand {
        case .literal(let text): text
        case .field(let name): record[name].map(databaseString)
        }
    }

    /// A value as xapi's database stores it (sets and maps as s-expressions).
    static func databaseString(_ value: XMLRPCValue) -> String {
        switch value {
        case .string(let text), .dateTime(let text): text
        case .int(let number): String(number)
        case .i4(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .double(let number): String(number)
        case .array(let elements): "(" + elements.map { "'" + databaseString($0) + "'" }.joined(separator: " ") + ")"
        case .structure(let members):
            "(" + members.members.map { "('\($0.name)' '\(databaseString($0.value))')" }.joined(separator: " ") + ")"
        }
    }

    enum Token: Equatable {
        case word(String)
        case quoted(String)
        case symbol(String)
    }

    static func tokenize(_ text: String) throws -> [Token] {
        var tokens: [Token] = []
        var characters = Array(text)[...]
        while let character = characters.first {
            if character.isWhitespace {
                characters.removeFirst()
            } else if character == "(" || character == ")" || character == "=" {
                tokens.append(.symbol(String(character)))
                characters.removeFirst()
            } else if character == "<" {
                guard characters.dropFirst().first == ">" else { throw ParseError(description: "unexpected '<'") }
                tokens.append(.symbol("<>"))
                characters.removeFirst(2)
            } else if character == "\"" {
                characters.removeFirst()
                guard let end = characters.firstIndex(of: "\"") else { throw ParseError(description: "unterminated string") }
                tokens.append(.quoted(String(characters[..<end])))
                characters = characters[characters.index(after: end)...]
            } else if character.isLetter || character == "_" {
                let end = characters.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_") } ?? characters.endIndex
                tokens.append(.word(String(characters[..<end]).lowercased()))
                characters = characters[end...]
            } else {
                throw ParseError(description: "unexpected character '\(character)'")
            }
        }
        return tokens
    }

    struct Parser {
        let tokens: [Token]
        var position = 0

        var isAtEnd: Bool { position >= tokens.count }
        var peekDescription: String { isAtEnd ? "end of expression" : "\(tokens[position])" }

        mutating func parseOr() throws -> RecordFilter {
            var result = try parseAnd()
            while accept(.word("or")) { result = .or(result, try parseAnd()) }
            return result
        }

        mutating func parseAnd() throws -> RecordFilter {
            var result = try parseUnary()
            while accept(.word("and")) { result = .and(result, try parseUnary()) }
            return result
        }

        mutating func parseUnary() throws -> RecordFilter {
            if accept(.word("not")) { return .not(try parseUnary()) }
            if accept(.word("true")) { return .constant(true) }
            if accept(.word("false")) { return .constant(false) }
            if accept(.symbol("(")) {
                let inner = try parseOr()
                guard accept(.symbol(")")) else { throw ParseError(description: "expected ')' but found \(peekDescription)") }
                return inner
            }
            let lhs = try parseOperand()
            let equal: Bool
            if accept(.symbol("=")) { equal = true } else if accept(.symbol("<>")) { equal = false } else {
                throw ParseError(description: "expected '=' but found \(peekDescription)")
            }
            return .comparison(lhs, try parseOperand(), equal: equal)
        }

        mutating func parseOperand() throws -> Operand {
            if accept(.word("field")) {
                guard !isAtEnd, case .quoted(let name) = tokens[position] else {
                    throw ParseError(description: "expected a quoted field name but found \(peekDescription)")
                }
                position += 1
                return .field(name)
            }
            guard !isAtEnd, case .quoted(let text) = tokens[position] else {
                throw ParseError(description: "expected a value but found \(peekDescription)")
            }
            position += 1
            return .literal(text)
        }

        mutating func accept(_ token: Token) -> Bool {
            guard !isAtEnd, tokens[position] == token else { return false }
            position += 1
            return true
        }
    }
}
