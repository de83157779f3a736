extension VMParameter: Codable {
    /// Decodes the xe name (`PV-args`, `other-config:KEY`).
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        try self.init(xeName: name)
    }

    /// Encodes the xe name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(xeName)
    }
}
