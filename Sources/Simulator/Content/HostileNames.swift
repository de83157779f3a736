/// The VM name-label a hostile pool serves under `--hostile-names`: a terminal title (OSC 0), a
/// clipboard write (OSC 52), a screen clear and a colour (CSI), and the same title as 8-bit C1
/// controls (U+009D … U+009C).
///
/// xapi itself drops control characters below 0x20 from strings (rpclib's `encode`), so through a real
/// xapi only the C1 part arrives; a hostile or broken server sends ESC and BEL too, as numeric
/// character references (`&#27;`), which the client's decoder turns back into the characters and its
/// sanitiser must then neutralise. The record holds private-use stand-ins for ESC and BEL (the shared
/// encoder would drop the real ones); ``referencingControls(_:)`` writes them out as references.
enum HostileNames {
    /// Stand-in for ESC in the record.
    static let escape = "\u{E01B}"
    /// Stand-in for BEL in the record.
    static let bell = "\u{E007}"

    /// The hostile name-label (with stand-ins).
    static let label = "evil" + escape + "]0;PWNED-TITLE" + bell + escape + "]52;c;UFdORUQtQ0xJUA==" + bell
        + escape + "[2J" + escape + "[31mred" + "\u{9D}0;PWNED-C1\u{9C}"

    /// `body` (an XML-RPC reply) with the stand-ins written as `&#27;` and `&#7;`.
    static func referencingControls(_ body: [UInt8]) -> [UInt8] {
        replacing(body, [(Array(escape.utf8), Array("&#27;".utf8)), (Array(bell.utf8), Array("&#7;".utf8))])
    }

    /// `body` (a JSON-RPC reply) with the stand-ins written as `\u001b` and `\u0007`.
    static func escapingControls(_ body: [UInt8]) -> [UInt8] {
        replacing(body, [(Array(escape.utf8), Array("\\u001b".utf8)), (Array(bell.utf8), Array("\\u0007".utf8))])
    }

    private static func replacing(_ body: [UInt8], _ pairs: [([UInt8], [UInt8])]) -> [UInt8] {
        // Every stand-in starts with the same lead byte (0xEE), rare in replies: skip the copy without one.
        guard body.contains(0xEE) else { return body }
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        scan: while index < body.count {
            for (from, to) in pairs where body[index...].starts(with: from) {
                output.append(contentsOf: to)
                index += from.count
                continue scan
            }
            output.append(body[index])
            index += 1
        }
        return output
    }
}
