/// A hand-written scanner over the bytes of an XML-RPC document, for the subset XML-RPC uses: elements
/// without attributes, text with the five predefined entities and numeric character references,
/// CDATA sections, comments, and an optional `<?xml …?>` prolog.
///
/// Every read is bounds-checked against the buffer; every failure is an ``XMLRPCError`` carrying the
/// byte offset. Array/struct nesting is limited to ``depthLimit`` so hostile input cannot exhaust the stack.
struct XMLRPCScanner {
    /// The deepest array/struct nesting accepted.
    static let depthLimit = 512

    private var bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    /// How many bytes of the input came before `bytes` (dropped with ``dropFirst(_:)``), for byte
    /// offsets written into messages; the offsets of thrown errors count from `bytes`, and the caller
    /// that dropped bytes moves them on with ``XMLRPCError/shifted(by:)``.
    private var origin = 0
    /// The array/struct nesting at the position.
    private(set) var depth = 0
    private var scratch: [UInt8] = []
    private let elementStack = DecodingStack<XMLRPCValue>()
    private let memberStack = DecodingStack<XMLRPCStruct.Member>()
    private let interner = StringInterner()

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Starts over on `bytes`, a piece of a document that began `origin` bytes before it, at a point
    /// nested `depth` arrays/structs deep (the nesting limit counts from the document's top). Keeps
    /// the stacks' storage and the interned strings, which a new scanner would make again.
    mutating func reset(_ bytes: UnsafeBufferPointer<UInt8>, origin: Int, depth: Int) {
        self.bytes = bytes
        position = 0
        self.origin = origin
        self.depth = depth
        elementStack.truncate(to: 0)
        memberStack.truncate(to: 0)
    }

    // MARK: Reading a document while it arrives

    /// Where a read can be taken back from: the position, nesting and the stacks' heights.
    struct Checkpoint {
        fileprivate var position: Int
        fileprivate var depth: Int
        fileprivate var elements: Int
        fileprivate var members: Int
    }

    /// Continues over `bytes`, which holds what the old buffer held and possibly more (at any address).
    mutating func rebase(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Forgets the first `count` bytes, which were read: the buffer given next to ``rebase(_:)`` starts
    /// after them. Call it only between reads (no ``Checkpoint`` taken before it is restored after it).
    mutating func dropFirst(_ count: Int) {
        position -= count
        origin += count
    }

    /// Moves on to `position` over bytes read by other means (whole members, which leave the nesting as it was).
    mutating func skip(to position: Int) {
        self.position = position
    }

    /// The state to ``restore(_:)`` when a read runs past the bytes received so far.
    func checkpoint() -> Checkpoint {
        Checkpoint(position: position, depth: depth, elements: elementStack.count, members: memberStack.count)
    }

    /// Takes back every read since `checkpoint`.
    mutating func restore(_ checkpoint: Checkpoint) {
        position = checkpoint.position
        depth = checkpoint.depth
        elementStack.truncate(to: checkpoint.elements)
        memberStack.truncate(to: checkpoint.members)
    }

    // MARK: Document level

    /// Skips a UTF-8 byte-order mark, whitespace, comments and `<?…?>` processing instructions.
    mutating func skipProlog() throws {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        while true {
            try skipSpace()
            guard has(prefix: "<?") else { return }
            let start = position
            position += 2
            while true {
                guard position + 1 < bytes.count else { throw XMLRPCError.truncated(expected: "?> ending the processing instruction at byte \(origin + start)", offset: bytes.count) }
                if bytes[position] == UInt8(ascii: "?"), bytes[position + 1] == UInt8(ascii: ">") { break }
                position += 1
            }
            position += 2
        }
    }

    /// Accepts only whitespace and comments after the root element.
    mutating func finish() throws {
        try skipSpace()
        if position < bytes.count {
            throw XMLRPCError.malformed(reason: "content after the end of the document", offset: position)
        }
    }

    /// Skips whitespace and `<!-- … -->` comments between elements.
    mutating func skipSpace() throws {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D:
                position += 1
            case UInt8(ascii: "<") where position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "!") && has(prefix: Self.commentOpening):
                try skipSection(Self.commentOpening, closing: "-->", name: "comment")
            default:
                return
            }
        }
    }

    // MARK: Tags

    /// Reads `<name>` (or `<name/>`, returning `true`), after optional whitespace.
    @inline(__always)
    mutating func open(_ name: StaticString) throws -> Bool {
        let length = name.utf8CodeUnitCount
        if position + length + 2 <= bytes.count, bytes[position] == UInt8(ascii: "<"),
           bytes[position + length + 1] == UInt8(ascii: ">"), equalBytes(at: position + 1, name) {
            position += length + 2
            return false
        }
        return try openAfterSpace(name)
    }

    /// The general case of ``open(_:)``: whitespace or comments first, a self-closing tag, or an error.
    private mutating func openAfterSpace(_ name: StaticString) throws -> Bool {
        try skipSpace()
        let start = position
        guard position < bytes.count else { throw XMLRPCError.truncated(expected: "<\(name)>", offset: position) }
        guard bytes[position] == UInt8(ascii: "<") else {
            throw XMLRPCError.unexpectedElement(expected: "<\(name)>", found: "text", offset: position)
        }
        guard position + 1 < bytes.count else { throw XMLRPCError.truncated(expected: "<\(name)>", offset: bytes.count) }
        if bytes[position + 1] == UInt8(ascii: "/") {
            throw XMLRPCError.unexpectedElement(expected: "<\(name)>", found: "</\(tagName(at: start + 2))>", offset: start)
        }
        position += 1
        let nameEnd = scanName()
        guard matches(name, from: start + 1, to: nameEnd) else {
            if nameEnd == bytes.count { throw XMLRPCError.truncated(expected: "<\(name)>", offset: bytes.count) }
            throw XMLRPCError.unexpectedElement(expected: "<\(name)>", found: "<\(tagName(at: start + 1))>", offset: start)
        }
        return try endOfOpenTag(start: start)
    }

    /// Reads `</name>`, after optional whitespace.
    @inline(__always)
    mutating func close(_ name: StaticString) throws {
        let length = name.utf8CodeUnitCount
        if position + length + 3 <= bytes.count, bytes[position] == UInt8(ascii: "<"), bytes[position + 1] == UInt8(ascii: "/"),
           bytes[position + length + 2] == UInt8(ascii: ">"), equalBytes(at: position + 2, name) {
            position += length + 3
            return
        }
        try closeAfterSpace(name)
    }

    /// The general case of ``close(_:)``: whitespace or comments first, or an error.
    private mutating func closeAfterSpace(_ name: StaticString) throws {
        try skipSpace()
        let start = position
        guard position + 1 < bytes.count else { throw XMLRPCError.truncated(expected: "</\(name)>", offset: bytes.count) }
        guard bytes[position] == UInt8(ascii: "<") else {
            throw XMLRPCError.unexpectedElement(expected: "</\(name)>", found: "text", offset: position)
        }
        guard bytes[position + 1] == UInt8(ascii: "/") else {
            throw XMLRPCError.unexpectedElement(expected: "</\(name)>", found: "<\(tagName(at: start + 1))>", offset: start)
        }
        position += 2
        let nameEnd = scanName()
        guard matches(name, from: start + 2, to: nameEnd) else {
            if nameEnd == bytes.count { throw XMLRPCError.truncated(expected: "</\(name)>", offset: bytes.count) }
            throw XMLRPCError.unexpectedElement(expected: "</\(name)>", found: "</\(tagName(at: start + 2))>", offset: start)
        }
        skipTagSpace()
        guard position < bytes.count else { throw XMLRPCError.truncated(expected: "> closing </\(name)", offset: position) }
        guard bytes[position] == UInt8(ascii: ">") else {
            throw XMLRPCError.malformed(reason: "unexpected character in closing tag </\(name)>", offset: position)
        }
        position += 1
    }

    /// Whether the next thing after whitespace is a closing tag (`</`).
    mutating func atClosingTag() throws -> Bool {
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "<"), bytes[position + 1] != UInt8(ascii: "!") {
            return bytes[position + 1] == UInt8(ascii: "/")
        }
        try skipSpace()
        return position + 1 < bytes.count && bytes[position] == UInt8(ascii: "<") && bytes[position + 1] == UInt8(ascii: "/")
    }

    /// Whether the next element after whitespace opens with `<name` (nothing is consumed but whitespace).
    mutating func atOpeningTag(_ name: StaticString) throws -> Bool {
        try skipSpace()
        guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "<") else { return false }
        let saved = position
        position += 1
        let nameEnd = scanName()
        position = saved
        return nameEnd < bytes.count && matches(name, from: saved + 1, to: nameEnd)
    }

    /// Reads the text of an element up to its closing tag `</name>`, which it consumes.
    mutating func text(closing name: StaticString) throws -> String {
        let text = try readText()
        guard position + 1 < bytes.count else { throw XMLRPCError.truncated(expected: "</\(name)>", offset: bytes.count) }
        if bytes[position + 1] != UInt8(ascii: "/") {
            throw XMLRPCError.unexpectedElement(expected: "text or </\(name)>", found: "<\(tagName(at: position + 1))>", offset: position)
        }
        try close(name)
        return text
    }

    // MARK: Values

    /// Reads one `<value>…</value>`.
    mutating func value() throws -> XMLRPCValue {
        if try open("value") { return .string("") }
        let start = position
        // Fast path: plain text up to '<' (xapi's untyped strings and integers).
        var hasReference = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "<") { break }
            if byte == UInt8(ascii: "&") { hasReference = true }
            position += 1
        }
        guard position + 1 < bytes.count else { throw XMLRPCError.truncated(expected: "</value>", offset: bytes.count) }
        let next = bytes[position + 1]
        if next == UInt8(ascii: "/") {
            let text = hasReference ? try decodeText(from: start) : makeString(from: start, to: position)
            try close("value")
            return .string(text)
        }
        if next == UInt8(ascii: "!") {
            // CDATA or a comment inside the text: take the general path from the start.
            position = start
            let text = try readText()
            guard position + 1 < bytes.count else { throw XMLRPCError.truncated(expected: "</value>", offset: bytes.count) }
            if bytes[position + 1] == UInt8(ascii: "/") {
                try close("value")
                return .string(text)
            }
            guard text.utf8.allSatisfy(Self.isSpace) else {
                throw XMLRPCError.malformed(reason: "text mixed with an element inside <value>", offset: position)
            }
        } else {
            for index in start..<position where !Self.isSpace(bytes[index]) {
                throw XMLRPCError.malformed(reason: "text mixed with an element inside <value>", offset: position)
            }
        }
        let typed = try typedValue()
        try close("value")
        return typed
    }

    /// Reads the typed element inside a `<value>` (`<string>`, `<int>`, `<struct>`, …).
    private mutating func typedValue() throws -> XMLRPCValue {
        let start = position
        position += 1
        let nameEnd = scanName()
        if nameEnd == bytes.count { throw XMLRPCError.truncated(expected: "a value type element", offset: bytes.count) }
        if matches("struct", from: start + 1, to: nameEnd) {
            return try structure(selfClosing: endOfOpenTag(start: start), start: start)
        }
        if matches("array", from: start + 1, to: nameEnd) {
            return try array(selfClosing: endOfOpenTag(start: start), start: start)
        }
        if matches("string", from: start + 1, to: nameEnd) {
            if try endOfOpenTag(start: start) { return .string("") }
            return .string(try text(closing: "string"))
        }
        if matches("i4", from: start + 1, to: nameEnd) {
            let textStart = try contentStart(start: start, type: "i4")
            let number = try integer(try text(closing: "i4"), offset: textStart, type: "i4")
            guard let small = Int32(exactly: number) else {
                throw XMLRPCError.malformed(reason: "<i4> value \(number) does not fit in 32 bits", offset: textStart)
            }
            return .i4(small)
        }
        if matches("int", from: start + 1, to: nameEnd) {
            let textStart = try contentStart(start: start, type: "int")
            return .int(try integer(try text(closing: "int"), offset: textStart, type: "int"))
        }
        if matches("i8", from: start + 1, to: nameEnd) {
            let textStart = try contentStart(start: start, type: "i8")
            return .int(try integer(try text(closing: "i8"), offset: textStart, type: "i8"))
        }
        if matches("boolean", from: start + 1, to: nameEnd) {
            let textStart = try contentStart(start: start, type: "boolean")
            switch trimmed(try text(closing: "boolean")) {
            case "1": return .bool(true)
            case "0": return .bool(false)
            case let other: throw XMLRPCError.malformed(reason: "<boolean> must hold 1 or 0, not \"\(other)\"", offset: textStart)
            }
        }
        if matches("double", from: start + 1, to: nameEnd) {
            let textStart = try contentStart(start: start, type: "double")
            let text = trimmed(try text(closing: "double"))
            guard let number = Double(text) else {
                throw XMLRPCError.malformed(reason: "<double> holds \"\(text)\", not a number", offset: textStart)
            }
            return .double(number)
        }
        if matches("dateTime.iso8601", from: start + 1, to: nameEnd) {
            if try endOfOpenTag(start: start) { return .dateTime("") }
            return .dateTime(trimmed(try text(closing: "dateTime.iso8601")))
        }
        if matches("nil", from: start + 1, to: nameEnd) {
            if try !endOfOpenTag(start: start) { try close("nil") }
            return .string("")
        }
        throw XMLRPCError.unexpectedElement(
            expected: "<string>, <int>, <i4>, <i8>, <boolean>, <double>, <dateTime.iso8601>, <array>, <struct> or <nil/>",
            found: "<\(tagName(at: start + 1))>", offset: start
        )
    }

    private mutating func array(selfClosing: Bool, start: Int) throws -> XMLRPCValue {
        if selfClosing { return .array([]) }
        try enter(at: start)
        let start = elementStack.count
        if try !open("data") {
            while try !atClosingTag() {
                elementStack.push(try value())
            }
            try close("data")
        }
        try close("array")
        depth -= 1
        return .array(elementStack.popArray(from: start))
    }

    private mutating func structure(selfClosing: Bool, start: Int) throws -> XMLRPCValue {
        if selfClosing { return .structure(XMLRPCStruct()) }
        try enter(at: start)
        let start = memberStack.count
        while try !atClosingTag() {
            let (name, value) = try member()
            memberStack.push(XMLRPCStruct.Member(name: name, value: value))
        }
        try close("struct")
        depth -= 1
        return .structure(XMLRPCStruct(decodedMembers: memberStack.popArray(from: start)))
    }

    /// Reads `<value><struct>…</struct></value>`, handing each member to `body` as soon as its value is
    /// decoded (in wire order, duplicates included) instead of collecting the members.
    mutating func streamStructValue(_ body: (String, XMLRPCValue) throws -> Void) throws {
        if try open("value") {
            throw XMLRPCError.unexpectedElement(expected: "<struct>", found: "<value/>", offset: position)
        }
        if try !open("struct") {
            while try !atClosingTag() {
                let (name, value) = try member()
                try body(name, value)
            }
            try close("struct")
        }
        try close("value")
    }

    /// Reads one `<member>` of a struct: its name and value.
    @inline(__always)
    mutating func member() throws -> (name: String, value: XMLRPCValue) {
        let name = try openMember()
        let value = try value()
        try close("member")
        return (name, value)
    }

    /// Reads `<member><name>…</name>` and returns the name; the member's `<value>` comes next.
    @inline(__always)
    mutating func openMember() throws -> String {
        if try open("member") {
            throw XMLRPCError.malformed(reason: "empty <member/> has no name and value", offset: position)
        }
        return try open("name") ? "" : try text(closing: "name")
    }

    private mutating func enter(at offset: Int) throws {
        depth += 1
        if depth > Self.depthLimit { throw XMLRPCError.tooDeep(limit: Self.depthLimit, offset: offset) }
    }

    // MARK: Text

    /// Reads text (entities, character references, CDATA and comments decoded) up to the next tag,
    /// leaving the position at its `<`.
    private mutating func readText() throws -> String {
        let start = position
        var plain = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "&") {
                plain = false
            } else if byte == UInt8(ascii: "<") {
                if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "!") {
                    plain = false
                    if has(prefix: Self.cdataOpening) {
                        try skipSection(Self.cdataOpening, closing: "]]>", name: "CDATA section")
                        continue
                    }
                    if has(prefix: Self.commentOpening) {
                        try skipSection(Self.commentOpening, closing: "-->", name: "comment")
                        continue
                    }
                }
                break
            }
            position += 1
        }
        guard position < bytes.count else { throw XMLRPCError.truncated(expected: "a closing tag", offset: bytes.count) }
        return plain ? makeString(from: start, to: position) : try decodeText(from: start)
    }

    /// Decodes the text from `start` to the current position (which is at a `<` ending the text).
    private mutating func decodeText(from start: Int) throws -> String {
        let end = position
        scratch.removeAll(keepingCapacity: true)
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") {
                index = try decodeReference(at: index, end: end)
            } else if byte == UInt8(ascii: "<") {
                index = appendMarkedSection(at: index)
            } else {
                scratch.append(byte)
                index += 1
            }
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// Appends the content of a CDATA section at `index` (or skips a comment); returns the index after it.
    /// ``readText()`` has checked that the section is terminated.
    private mutating func appendMarkedSection(at index: Int) -> Int {
        if bytes.hasLiteral(Self.cdataOpening, at: index) {
            let contentStart = index + Self.cdataOpening.utf8CodeUnitCount
            guard let end = bytes.firstIndex(ofLiteral: "]]>", from: contentStart) else { return bytes.count }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<end]))
            return end + 3
        }
        guard let end = bytes.firstIndex(ofLiteral: "-->", from: index + Self.commentOpening.utf8CodeUnitCount) else { return bytes.count }
        return end + 3
    }

    /// Decodes `&name;` or `&#…;` at `index` into `scratch`; returns the index after the `;`.
    private mutating func decodeReference(at index: Int, end: Int) throws -> Int {
        var semicolon = index + 1
        while semicolon < end, semicolon - index <= 12, bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        guard semicolon < end, bytes[semicolon] == UInt8(ascii: ";") else {
            throw XMLRPCError.malformed(reason: "'&' not followed by an entity or character reference ending in ';'", offset: index)
        }
        let name = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon])
        if let character = Self.predefinedEntity(name) {
            scratch.append(character)
        } else if name.first == UInt8(ascii: "#") {
            appendUTF8(try characterReference(name, offset: index))
        } else {
            throw XMLRPCError.malformed(reason: "unknown entity &\(String(decoding: name, as: UTF8.self));", offset: index)
        }
        return semicolon + 1
    }

    /// The character of `amp`, `lt`, `gt`, `quot` or `apos`.
    private static func predefinedEntity(_ name: UnsafeBufferPointer<UInt8>) -> UInt8? {
        switch name.count {
        case 2 where name[1] == UInt8(ascii: "t"):
            switch name[0] {
            case UInt8(ascii: "l"): UInt8(ascii: "<")
            case UInt8(ascii: "g"): UInt8(ascii: ">")
            default: nil
            }
        case 3 where name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "m") && name[2] == UInt8(ascii: "p"):
            UInt8(ascii: "&")
        case 4 where name[0] == UInt8(ascii: "q") && name[1] == UInt8(ascii: "u") && name[2] == UInt8(ascii: "o") && name[3] == UInt8(ascii: "t"):
            UInt8(ascii: "\"")
        case 4 where name[0] == UInt8(ascii: "a") && name[1] == UInt8(ascii: "p") && name[2] == UInt8(ascii: "o") && name[3] == UInt8(ascii: "s"):
            UInt8(ascii: "'")
        default:
            nil
        }
    }

    /// The Unicode scalar of `#123` or `#x7B`.
    private func characterReference(_ name: UnsafeBufferPointer<UInt8>, offset: Int) throws -> Unicode.Scalar {
        var digits = name.dropFirst()
        var radix: UInt32 = 10
        if digits.first == UInt8(ascii: "x") {
            radix = 16
            digits = digits.dropFirst()
        }
        var code: UInt32 = 0
        for digit in digits {
            guard let value = Self.digitValue(digit, radix: radix) else { code = .max; break }
            code = code * radix + value
            if code > 0x10FFFF { break }
        }
        guard !digits.isEmpty, code != 0, let scalar = Unicode.Scalar(code) else {
            throw XMLRPCError.malformed(
                reason: "invalid character reference &\(String(decoding: name, as: UTF8.self));", offset: offset
            )
        }
        return scalar
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func appendUTF8(_ scalar: Unicode.Scalar) {
        UTF8.encode(scalar) { scratch.append($0) }
    }

    private static let cdataOpening: StaticString = "<![CDATA["
    private static let commentOpening: StaticString = "<!--"

    /// Skips the CDATA section or comment that starts at the position with `opening`.
    private mutating func skipSection(_ opening: StaticString, closing: StaticString, name: String) throws {
        guard let end = bytes.firstIndex(ofLiteral: closing, from: position + opening.utf8CodeUnitCount) else {
            throw XMLRPCError.truncated(expected: "\(closing) ending the \(name) at byte \(origin + position)", offset: bytes.count)
        }
        position = end + closing.utf8CodeUnitCount
    }

    /// The index of the first `literal` at or after `index`, or nil.
    // MARK: Helpers

    private func makeString(from start: Int, to end: Int) -> String {
        let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if StringInterner.interns(length: text.count) { return interner.string(text) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Advances over a tag name; returns the index after it.
    private mutating func scanName() -> Int {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: ">"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "<"): return position
            default: position += 1
            }
        }
        return position
    }

    /// After a tag name: optional whitespace, then `>` (returns false) or `/>` (returns true).
    private mutating func endOfOpenTag(start: Int) throws -> Bool {
        skipTagSpace()
        guard position < bytes.count else { throw XMLRPCError.truncated(expected: "> ending the tag at byte \(origin + start)", offset: position) }
        if bytes[position] == UInt8(ascii: ">") {
            position += 1
            return false
        }
        if bytes[position] == UInt8(ascii: "/") {
            guard position + 1 < bytes.count else { throw XMLRPCError.truncated(expected: "> ending the tag at byte \(origin + start)", offset: bytes.count) }
            if bytes[position + 1] == UInt8(ascii: ">") {
                position += 2
                return true
            }
        }
        throw XMLRPCError.malformed(reason: "attributes or stray characters in tag <\(tagName(at: start + 1))>", offset: position)
    }

    /// Consumes the rest of an open tag whose content is text (a self-closing one counts as empty text).
    private mutating func contentStart(start: Int, type: String) throws -> Int {
        if try endOfOpenTag(start: start) {
            throw XMLRPCError.malformed(reason: "empty <\(type)/> has no value", offset: start)
        }
        return position
    }

    private mutating func skipTagSpace() {
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
    }

    private func has(prefix: StaticString) -> Bool {
        bytes.hasLiteral(prefix, at: position)
    }

    /// Whether the bytes at `index` equal `literal`; the caller has checked that they are in bounds.
    @inline(__always)
    private func equalBytes(at index: Int, _ literal: StaticString) -> Bool {
        let expected = literal.utf8Start
        for offset in 0..<literal.utf8CodeUnitCount where bytes[index + offset] != expected[offset] { return false }
        return true
    }

    private func matches(_ name: StaticString, from start: Int, to end: Int) -> Bool {
        end - start == name.utf8CodeUnitCount && bytes.hasLiteral(name, at: start)
    }

    /// The tag name starting at `index`, for error messages (at most 40 bytes).
    private func tagName(at index: Int) -> String {
        var end = index
        while end < bytes.count, end - index < 40 {
            switch bytes[end] {
            case UInt8(ascii: ">"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "<"):
                return makeString(from: index, to: end)
            default:
                end += 1
            }
        }
        return makeString(from: min(index, end), to: end)
    }

    private func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !Self.isSpace($0) }),
              let last = utf8.lastIndex(where: { !Self.isSpace($0) }) else { return "" }
        if first == utf8.startIndex, last == utf8.index(before: utf8.endIndex) { return text }
        return String(text[first...last])
    }

    /// Parses a decimal integer (optional sign, surrounding whitespace allowed), rejecting overflow.
    private func integer(_ text: String, offset: Int, type: String) throws -> Int64 {
        guard let number = Int64(trimmed(text)) else {
            throw XMLRPCError.malformed(reason: "<\(type)> holds \"\(text)\", not a 64-bit integer", offset: offset)
        }
        return number
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
