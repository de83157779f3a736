/// Finds where one `<member>…</member>` of a struct ends without decoding it: the light scan that lets
/// ``ResultMemberStream/handOverMembers(upTo:_:)`` hand whole members to other threads while the reply still arrives.
///
/// It counts `<member>` and `</member>` tags and skips comments and CDATA sections, whose text may
/// hold anything; every other `<` in XML starts markup, so text cannot fool it. It only finds an end
/// for what starts like a member (optional whitespace and comments, then `<member>`): anything else is
/// ``Scan/other``, for the full scanner to read or to report precisely. Malformed markup inside a
/// member is not judged here: the full scanner that decodes the member reports it.
enum MemberBoundary {
    /// What ``scan(_:from:)`` found.
    enum Scan: Equatable {
        /// A member ends just before `end`.
        case member(end: Int)
        /// The bytes end before the member does.
        case incomplete
        /// Not the start of a member (a closing tag, text, a self-closing `<member/>`…).
        case other
    }

    /// Scans the member that starts at `start` (after optional whitespace and comments).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Scan {
        guard let base = bytes.baseAddress else { return .incomplete }
        var index = start
        // Whitespace and comments before the member.
        while true {
            while index < bytes.count, XMLRPCScanner.isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else { return .incomplete }
            guard bytes[index] == UInt8(ascii: "<") else { return .other }
            guard bytes.hasLiteral("<!--", at: index) else { break }
            guard let end = find(bytes, "-->", from: index + 4) else { return .incomplete }
            index = end
        }
        switch openTag(bytes, at: index) {
        case .incomplete: return .incomplete
        case .selfClosing, .none: return .other
        case .open(let after): index = after
        }
        var depth = 1
        while true {
            let tag = nextTag(base, from: index, count: bytes.count)
            // Room for the longest prefix looked at (`<![CDATA[`, `</member>`).
            guard bytes.count - tag >= 9 else { return .incomplete }
            switch base[tag + 1] {
            case UInt8(ascii: "!"):
                if bytes.hasLiteral("<!--", at: tag) {
                    guard let end = find(bytes, "-->", from: tag + 4) else { return .incomplete }
                    index = end
                } else if bytes.hasLiteral("<![CDATA[", at: tag) {
                    guard let end = find(bytes, "]]>", from: tag + 9) else { return .incomplete }
                    index = end
                } else {
                    index = tag + 2
                }
            case UInt8(ascii: "/"):
                guard base[tag + 2] == UInt8(ascii: "m"), bytes.hasLiteral("member", at: tag + 2) else {
                    index = tag + 2
                    continue
                }
                var after = tag + 8
                while after < bytes.count, XMLRPCScanner.isSpace(base[after]) { after += 1 }
                guard after < bytes.count else { return .incomplete }
                guard base[after] == UInt8(ascii: ">") else {
                    // `</members>` and the like are other tags; a stray character is the scanner's to report.
                    index = tag + 2
                    continue
                }
                depth -= 1
                if depth == 0 { return .member(end: after + 1) }
                index = after + 1
            case UInt8(ascii: "m"):
                switch openTag(bytes, at: tag) {
                case .incomplete: return .incomplete
                case .open(let after):
                    depth += 1
                    index = after
                case .selfClosing(let after): index = after
                case .none: index = tag + 1
                }
            default:
                index = tag + 1
            }
        }
    }

    /// The index of the first `<` at or after `index`, or `count`. Tags are a few bytes apart, so a
    /// call to memchr per tag costs more than the search: this looks at eight bytes at a time.
    @inline(__always)
    private static func nextTag(_ base: UnsafePointer<UInt8>, from index: Int, count: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let lessThan = ones &* UInt64(UInt8(ascii: "<"))
        var index = index
        while index + 8 <= count {
            // Bytes equal to `<` become zero; the lowest flagged byte of the zero-byte test is exact.
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) ^ lessThan
            let zeros = (word &- ones) & ~word & (ones &* 0x80)
            if zeros != 0 { return index + zeros.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count, base[index] != UInt8(ascii: "<") { index += 1 }
        return index
    }

    private enum OpenTag {
        case open(after: Int)
        case selfClosing(after: Int)
        /// Not a `<member` tag.
        case none
        case incomplete
    }

    /// Reads `<member>`, `<member >` or `<member/>` at `index`.
    private static func openTag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> OpenTag {
        guard bytes.count - index >= 8 else { return .incomplete }
        guard bytes.hasLiteral("<member", at: index) else { return .none }
        var after = index + 7
        while after < bytes.count, XMLRPCScanner.isSpace(bytes[after]) { after += 1 }
        guard after < bytes.count else { return .incomplete }
        switch bytes[after] {
        case UInt8(ascii: ">"):
            return .open(after: after + 1)
        case UInt8(ascii: "/"):
            guard after + 1 < bytes.count else { return .incomplete }
            return bytes[after + 1] == UInt8(ascii: ">") ? .selfClosing(after: after + 2) : .none
        default:
            // `<members>`, or `<member` with stray characters: not a member tag to count; the
            // scanner reports the stray characters when it decodes.
            return .none
        }
    }

    /// The index after the first `literal` at or after `index`, if the bytes hold one.
    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString, from index: Int) -> Int? {
        bytes.firstIndex(ofLiteral: literal, from: index).map { $0 + literal.utf8CodeUnitCount }
    }
}
