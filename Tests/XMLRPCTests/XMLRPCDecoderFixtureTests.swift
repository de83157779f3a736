import Testing
@testable import XMLRPC

@Suite("XML-RPC decoding of wire fixtures")
struct XMLRPCDecoderFixtureTests {
    @Test("login success: the Status/Value wrapper with an untyped session ref")
    func loginSuccess() throws {
        let reply = try XMLRPCDecoder.methodResponse(Fixtures.bytes("xapi-login-success.xml"))
        let wrapper = try #require(reply.structValue)
        #expect(wrapper.names == ["Status", "Value"])
        #expect(wrapper["Status"] == .string("Success"))
        #expect(wrapper["Value"] == .string("OpaqueRef:9a1c4b2e-5d6f-4e7a-8b9c-0d1e2f3a4b5c"))
    }

    @Test("SESSION_INVALID failure: ErrorDescription is an array of strings")
    func sessionInvalid() throws {
        let reply = try XMLRPCDecoder.methodResponse(Fixtures.bytes("xapi-session-invalid.xml"))
        #expect(reply.structValue?["Status"] == .string("Failure"))
        #expect(reply.structValue?["ErrorDescription"]?.stringArrayValue
            == ["SESSION_INVALID", "OpaqueRef:1c0ffee0-0000-4000-8000-000000000001"])
    }

    @Test("void success: <value></value> is the empty string")
    func voidSuccess() throws {
        let reply = try XMLRPCDecoder.methodResponse(Fixtures.bytes("xapi-void-success.xml"))
        #expect(reply.structValue?["Value"] == .string(""))
    }

    @Test("VM record with every type xapi emits")
    func vmRecord() throws {
        let reply = try XMLRPCDecoder.methodResponse(Fixtures.bytes("xapi-vm-record.xml"))
        let record = try #require(reply.structValue?["Value"]?.structValue)
        #expect(record["uuid"] == .string("3f2b1c9e-7a1d-4c55-9e0b-2d7c8f6a1b23"))
        #expect(record["allowed_operations"] == .array(["clone", "start"]))
        #expect(record["current_operations"] == .structure(XMLRPCStruct()))
        #expect(record["name_label"] == .string(#"Debian Squeeze 6.0 (64-bit) & FAI <test> "q""#))
        #expect(record["name_description"] == .string(""))
        #expect(record["user_version"] == .string("1"))
        #expect(record["memory_static_max"]?.int64Value == 1_073_741_824)
        #expect(record["domid"]?.int64Value == -1)
        #expect(record["is_a_template"] == .bool(true))
        #expect(record["is_default_template"] == .bool(false))
        #expect(record["HVM_shadow_multiplier"] == .double(1))
        #expect(record["snapshot_time"] == .dateTime("19700101T00:00:00Z"))
        #expect(record["consoles"] == .array([]))
        #expect(record["platform"]?.stringMapValue == ["nx": "false", "viridian": "false"])
        let otherConfig = try #require(record["other_config"]?.stringMapValue)
        #expect(otherConfig["install-distro"] == "debianlike")
        #expect(otherConfig["disks"]
            == #"<provision><disk device="0" size="8589934592" sr="" bootable="true" type="system"/></provision>"#)
        #expect(record.names.first == "uuid" && record.names.last == "domain_type")
    }

    @Test("event.from result: <i4> in valid_ref_counts, nested snapshot struct")
    func eventFrom() throws {
        let reply = try XMLRPCDecoder.methodResponse(Fixtures.bytes("xapi-event-from.xml"))
        let value = try #require(reply.structValue?["Value"]?.structValue)
        #expect(value["valid_ref_counts"] == .structure(["VM": .i4(12), "console": .i4(-3)]))
        #expect(value["token"] == .string("00000000000000001042,00000000000000000000"))
        let event = try #require(value["events"]?.arrayValue?.first?.structValue)
        #expect(event["id"]?.int64Value == 1042)
        #expect(event["snapshot"]?.structValue?["power_state"] == .string("Running"))
    }

    @Test("the five entities and decimal/hex character references")
    func entities() throws {
        let value = try XMLRPCDecoder.value(Fixtures.bytes("entities.xml"))
        #expect(value == .string("a&b<c>d\"e'fééA😀\ng"))
    }

    @Test("empty forms: <value/>, <value></value>, <string/>, <nil/>, empty arrays and structs")
    func emptyValues() throws {
        let value = try XMLRPCDecoder.value(Fixtures.bytes("empty-values.xml"))
        #expect(value == .array([
            "", "", "", "", "",
            .array([]), .array([]), .structure(XMLRPCStruct()), .structure(XMLRPCStruct()), .array([]),
        ]))
    }

    @Test("CDATA sections, comments inside text, and untrimmed untyped text")
    func cdataAndComments() throws {
        let value = try XMLRPCDecoder.value(Fixtures.bytes("cdata-and-comments.xml"))
        #expect(value == .array(["<raw> & text", "beforeafter", "  spaced  ", "xy"]))
    }

    @Test("pretty-printed reply from Python's xmlrpc.client: typed tags and whitespace between elements")
    func prettyPrinted() throws {
        let reply = try XMLRPCDecoder.methodResponse(Fixtures.bytes("python-sdk-pretty-response.xml"))
        let value = try #require(reply.structValue?["Value"]?.structValue)
        #expect(value["name_label"] == .string("Debian é <lenny>"))
        #expect(value["VCPUs_max"] == .int(2))
        #expect(value["is_a_template"] == .bool(true))
        #expect(value["HVM_shadow_multiplier"] == .double(1.5))
        #expect(value["tags"] == .array(["a", "b"]))
        #expect(value["other_config"] == .structure(XMLRPCStruct()))
    }

    @Test("an XML-RPC <fault> throws .fault with its code and message")
    func fault() throws {
        #expect(throws: XMLRPCError.fault(code: 42, message: "No such method & more")) {
            try XMLRPCDecoder.methodResponse(Fixtures.bytes("python-sdk-fault.xml"))
        }
    }

    @Test("a methodCall as the Python SDK sends it")
    func pythonMethodCall() throws {
        let call = try XMLRPCDecoder.methodCall(Fixtures.bytes("python-sdk-login-call.xml"))
        #expect(call.method == "session.login_with_password")
        #expect(call.params == ["root", "s3cr&t<pw>", "1.0", "xsfai"])
    }
}
