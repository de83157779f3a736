import Testing
@testable import XMLRPC

@Suite("XMLRPCStruct: wire order, lookup, duplicates")
struct XMLRPCStructTests {
    private static func names(_ count: Int) -> [String] { (0..<count).map { "field_name_number_\($0)" } }

    @Test("lookup finds every member of small and large structs", arguments: [0, 1, 5, 12, 13, 94, 2000])
    func lookup(count: Int) {
        let names = Self.names(count)
        let members = XMLRPCStruct(names.enumerated().map { ($1, XMLRPCValue.int(Int64($0))) })
        #expect(members.count == count)
        #expect(members.names == names)
        for (position, name) in names.enumerated() { #expect(members[name] == .int(Int64(position))) }
        #expect(members["missing"] == nil)
    }

    @Test("a decoded duplicate name keeps the first position and the last value", arguments: [3, 40])
    func decodedDuplicates(count: Int) throws {
        var xml = "<value><struct>"
        for name in Self.names(count) { xml += "<member><name>\(name)</name><value>a</value></member>" }
        xml += "<member><name>field_name_number_1</name><value>b</value></member></struct></value>"
        let members = try #require(try XMLRPCDecoder.value(Array(xml.utf8)).structValue)
        #expect(members.count == count)
        #expect(members.names == Self.names(count))
        #expect(members["field_name_number_1"] == "b")
    }

    @Test("setting, replacing and removing members keeps order and lookups right")
    func mutation() {
        var members = XMLRPCStruct()
        for name in Self.names(30) { members[name] = .string(name) }
        members["field_name_number_3"] = "replaced"
        members["field_name_number_0"] = nil
        members["field_name_number_20"] = nil
        #expect(members.count == 28)
        #expect(members.names.first == "field_name_number_1")
        #expect(members["field_name_number_3"] == "replaced")
        #expect(members["field_name_number_0"] == nil)
        #expect(members["field_name_number_29"] == "field_name_number_29")
        members["field_name_number_0"] = "back"
        #expect(members.names.last == "field_name_number_0")
    }

    @Test("equality depends on order; hashing agrees with equality")
    func equality() {
        let first: XMLRPCStruct = ["a": "1", "b": "2"]
        let same: XMLRPCStruct = ["a": "1", "b": "2"]
        let reordered: XMLRPCStruct = ["b": "2", "a": "1"]
        #expect(first == same && first.hashValue == same.hashValue)
        #expect(first != reordered)
    }
}
