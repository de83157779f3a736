/// Typed views of a value, interpreting xapi's untyped text the way a field's declared type demands.
extension XMLRPCValue {
    /// The text of a string (or dateTime) value.
    public var stringValue: String? {
        switch self {
        case .string(let text), .dateTime(let text): text
        default: nil
        }
    }

    /// The value as a 64-bit integer: an integer tag, or untyped text holding a decimal integer.
    public var int64Value: Int64? {
        switch self {
        case .int(let number): number
        case .i4(let number): Int64(number)
        case .string(let text): Int64(text)
        default: nil
        }
    }

    /// The value as a boolean: `<boolean>`, or the text `true`/`false`/`1`/`0`.
    public var boolValue: Bool? {
        switch self {
        case .bool(let flag): flag
        case .string("1"), .string("true"): true
        case .string("0"), .string("false"): false
        default: nil
        }
    }

    /// The value as a double: `<double>`, an integer, or numeric text.
    public var doubleValue: Double? {
        switch self {
        case .double(let number): number
        case .int(let number): Double(number)
        case .i4(let number): Double(number)
        case .string(let text): Double(text)
        default: nil
        }
    }

    /// The elements of an array value.
    public var arrayValue: [XMLRPCValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members of a struct value.
    public var structValue: XMLRPCStruct? {
        if case .structure(let members) = self { return members }
        return nil
    }

    /// A struct of strings as a dictionary (xapi's `Map(string → string)`).
    public var stringMapValue: [String: String]? {
        guard case .structure(let members) = self else { return nil }
        var map: [String: String] = [:]
        map.reserveCapacity(members.count)
        for member in members.members {
            guard let text = member.value.stringValue else { return nil }
            map[member.name] = text
        }
        return map
    }

    /// An array of strings (xapi's `Set(string)` and `Set(Ref …)`).
    public var stringArrayValue: [String]? {
        guard case .array(let elements) = self else { return nil }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            guard let text = element.stringValue else { return nil }
            strings.append(text)
        }
        return strings
    }
}

extension XMLRPCValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// A string value from a literal (interpolated literals work too).
    public init(stringLiteral value: String) { self = .string(value) }
}

extension XMLRPCValue: ExpressibleByBooleanLiteral {
    /// A boolean value from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension XMLRPCValue: ExpressibleByArrayLiteral {
    /// An array value from a literal.
    public init(arrayLiteral elements: XMLRPCValue...) { self = .array(elements) }
}

extension XMLRPCStruct: ExpressibleByDictionaryLiteral {
    /// A struct from a literal, in the literal's order.
    public init(dictionaryLiteral elements: (String, XMLRPCValue)...) { self.init(elements) }
}
