// libFuzzer entry for the XML-RPC decoder, built by `scripts/fuzz` together with Sources/XMLRPC
// (one module, so the decoder is instrumented). The property is the suite's (DecoderFuzzTests):
// a reply decodes or throws an XMLRPCError; anything else traps, and libFuzzer saves the input.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLRPCDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    for decode in [{ _ = try XMLRPCDecoder.methodResponse($0) }, { _ = try XMLRPCDecoder.methodCall($0) }] as [(UnsafeRawBufferPointer) throws -> Void] {
        do {
            try decode(bytes)
        } catch is XMLRPCError {
        } catch {
            fatalError("decoder threw \(type(of: error)): \(error)")
        }
    }
    return 0
}
