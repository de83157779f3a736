/// A strict JSON (RFC 8259) parser over bytes, with byte offsets in its errors and a nesting limit.
struct JSONScanner {
    /// The deepest array/object nesting accepted.
    static let depthLimit = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses `bytes` as one JSON document (a value and nothing but whitespace after it).
    static func document(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            let value = try scanner.value()
            try scanner.finish()
            return value
        }
    }

    /// Accepts only whitespace after the value.
    private mutating func finish() throws {
        skipSpace()
        if position < bytes.count {
            throw XMLRPCError.malformed(reason: "content after the end of the JSON value", offset: position)
        }
    }

    /// Reads one JSON value.
    private mutating func value() throws -> JSONValue {
        skipSpace()
        guard position < bytes.count else { throw XMLRPCError.truncated(expected: "a JSON value", offset: position) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw XMLRPCError.malformed(reason: "unexpected character where a JSON value should start", offset: position)
        }
    }

    private mutating func object() throws -> JSONValue {
        let start = position
        try enter(at: start)
        position += 1
        var members: [(String, JSONValue)] = []
        skipSpace()
        if try leave("}", expected: "a member or }") { return .object(members) }
        repeat {
            skipSpace()
            guard try peek("\"", expected: "a member name") else {
                throw XMLRPCError.malformed(reason: "expected a quoted member name", offset: position)
            }
            let name = try string()
            skipSpace()
            guard try peek(":", expected: ":") else { throw XMLRPCError.malformed(reason: "expected ':' after a member name", offset: position) }
            position += 1
            members.append((name, try value()))
        } while try !endOfElement(closing: "}", container: "object", openedAt: start)
        return .object(members)
    }

    private mutating func array() throws -> JSONValue {
        let start = position
        try enter(at: start)
        position += 1
        var elements: [JSONValue] = []
        skipSpace()
        if try leave("]", expected: "a value or ]") { return .array(elements) }
        repeat {
            elements.append(try value())
        } while try !endOfElement(closing: "]", container: "array", openedAt: start)
        return .array(elements)
    }

    /// After an element of a container: consumes `,` (returning false: another element follows) or the
    /// container's `closing` character (returning true); anything else is malformed.
    private mutating func endOfElement(closing: Unicode.Scalar, container: String, openedAt start: Int) throws -> Bool {
        skipSpace()
        let expected = ", or \(closing)"
        if try peek(",", expected: expected) {
            position += 1
            return false
        }
        if try leave(closing, expected: expected) { return true }
        throw XMLRPCError.malformed(reason: "expected ',' or '\(closing)' in the \(container) opened at byte \(start)", offset: position)
    }

    /// Consumes `closing` and leaves the container if it is the next character.
    private mutating func leave(_ closing: Unicode.Scalar, expected: String) throws -> Bool {
        guard try peek(closing, expected: expected) else { return false }
        position += 1
        depth -= 1
        return true
    }

    private mutating func string() throws -> String {
        let start = position
        position += 1
        let contentStart = position
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 1
            } else if byte < 0x20 {
                throw XMLRPCError.malformed(reason: "unescaped control character in a string", offset: position)
            }
            position += 1
        }
        guard position < bytes.count else { throw XMLRPCError.truncated(expected: "the end of the string opened at byte \(start)", offset: bytes.count) }
        let end = position
        position += 1
        if !escaped {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<end]), as: UTF8.self)
        }
        return try unescape(from: contentStart, to: end)
    }

    private func unescape(from start: Int, to end: Int) throws -> String {
        var output: [UInt8] = []
        output.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                index += 1
                continue
            }
            let escapeStart = index
            index += 1
            switch bytes[index] {
            case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
            case UInt8(ascii: "/"): output.append(UInt8(ascii: "/"))
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4(at: index + 1, end: end, escapeStart: escapeStart)
                index += 4
                if (0xD800...0xDBFF).contains(code) {
                    guard index + 2 < end, bytes[index + 1] == UInt8(ascii: "\\"), bytes[index + 2] == UInt8(ascii: "u") else {
                        throw XMLRPCError.malformed(reason: "unpaired surrogate in \\u escape", offset: escapeStart)
                    }
                    let low = try hex4(at: index + 3, end: end, escapeStart: escapeStart)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw XMLRPCError.malformed(reason: "unpaired surrogate in \\u escape", offset: escapeStart)
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw XMLRPCError.malformed(reason: "unpaired surrogate in \\u escape", offset: escapeStart)
                }
                UTF8.encode(scalar) { output.append($0) }
            default:
                throw XMLRPCError.malformed(reason: "invalid escape in a string", offset: escapeStart)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func hex4(at index: Int, end: Int, escapeStart: Int) throws -> UInt32 {
        guard index + 4 <= end else { throw XMLRPCError.malformed(reason: "\\u escape needs four hex digits", offset: escapeStart) }
        var code: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw XMLRPCError.malformed(reason: "\\u escape needs four hex digits", offset: escapeStart)
            }
            code = code << 4 | digit
        }
        return code
    }

    private mutating func number() throws -> JSONValue {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        skipDigits()
        guard position > integerStart else { throw numberError(start) }
        if bytes[integerStart] == UInt8(ascii: "0"), position - integerStart > 1 { throw numberError(start) }
        var integral = true
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            integral = false
            position += 1
            let fractionStart = position
            skipDigits()
            guard position > fractionStart else { throw numberError(start) }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            integral = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            let exponentStart = position
            skipDigits()
            guard position > exponentStart else { throw numberError(start) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if integral, let number = Int64(text) { return .integer(number) }
        guard let number = Double(text) else { throw numberError(start) }
        return .number(number)
    }

    private func numberError(_ start: Int) -> XMLRPCError {
        .malformed(reason: "invalid JSON number", offset: start)
    }

    private mutating func skipDigits() {
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") { position += 1 }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw XMLRPCError.truncated(expected: "\(word)", offset: bytes.count) }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] {
            throw XMLRPCError.malformed(reason: "invalid literal (expected \(word))", offset: position)
        }
        position += count
    }

    /// Whether the byte at the position is `character`; throws `truncated` at the end of input.
    private func peek(_ character: Unicode.Scalar, expected: String) throws -> Bool {
        guard position < bytes.count else { throw XMLRPCError.truncated(expected: expected, offset: position) }
        return bytes[position] == UInt8(ascii: character)
    }

    private mutating func enter(at offset: Int) throws {
        depth += 1
        if depth > Self.depthLimit { throw XMLRPCError.tooDeep(limit: Self.depthLimit, offset: offset) }
    }

    private mutating func skipSpace() {
        while position < bytes.count, XMLRPCScanner.isSpace(bytes[position]) { position += 1 }
    }
}
