extension ConsoleScript {
    /// The host name a VM's installer would be given for `nameLabel`: lower-cased, characters a host name
    /// cannot hold turned into `-`, at most 63 characters; `nil` when nothing usable is left.
    static func hostname(forNameLabel nameLabel: String) -> String? {
        let mapped = nameLabel.lowercased().unicodeScalars.map { scalar -> Character in
            let character = Character(scalar)
            return scalar.isASCII && (character.isLetter || character.isNumber) ? character : "-"
        }
        let trimmed = String(mapped).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return trimmed.isEmpty ? nil : String(trimmed.prefix(63))
    }

    /// Replaces the transcript's host name with `newName` everywhere the guest prints it: as a word in
    /// lower case (`host   : fai01`, `Rebooting fai01 now`, `root@fai01:/#`, `fai01/install-…` log paths,
    /// the host-name class) and in upper case where a line has the class form. Padded lines (the DHCP
    /// box) keep their width; the ending's prompt and continuation change too.
    mutating func renameHost(to newName: String) {
        guard hostname != newName, !hostname.isEmpty else { return }
        let pairs = [
            (Array(hostname.utf8), Array(newName.utf8)),
            (Array(hostname.uppercased().utf8), Array(newName.uppercased().utf8)),
        ]
        func rename(_ line: [UInt8]) -> [UInt8] {
            let renamed = pairs.reduce(line) { Self.replacingWord($1.0, with: $1.1, in: $0) }
            return renamed == line ? line : Self.keepingPaddedWidth(of: line, renamed)
        }
        lines = lines.map(rename)
        switch ending {
        case .prompt(let prompt): ending = .prompt(String(decoding: rename(Array(prompt.utf8)), as: UTF8.self))
        case .waitForReturn(let continuation): ending = .waitForReturn(continuation: rename(continuation))
        case .reboot, .crash, .silent: break
        }
        hostname = newName
    }

    /// `line` with each occurrence of `word` that stands alone (no letter or digit either side) replaced.
    private static func replacingWord(_ word: [UInt8], with replacement: [UInt8], in line: [UInt8]) -> [UInt8] {
        guard !word.isEmpty, line.count >= word.count else { return line }
        var result: [UInt8] = []
        result.reserveCapacity(line.count)
        var index = 0
        while index < line.count {
            let end = index + word.count
            if end <= line.count, line[index..<end].elementsEqual(word),
                index == 0 || !isWordByte(line[index - 1]), end == line.count || !isWordByte(line[end])
            {
                result += replacement
                index = end
            } else {
                result.append(line[index])
                index += 1
            }
        }
        return result
    }

    /// `renamed` with its run of trailing blanks (before CR LF) resized so it is as wide as `original`.
    private static func keepingPaddedWidth(of original: [UInt8], _ renamed: [UInt8]) -> [UInt8] {
        let lineEnd = Array("\r\n".utf8)
        guard renamed.count != original.count, original.count > lineEnd.count, renamed.count > lineEnd.count,
            Array(original.suffix(lineEnd.count)) == lineEnd, Array(renamed.suffix(lineEnd.count)) == lineEnd
        else { return renamed }
        let body = renamed.dropLast(lineEnd.count)
        let text = body.reversed().drop { $0 == UInt8(ascii: " ") }.reversed()
        let blanks = body.count - text.count
        guard blanks > 0 else { return renamed }
        let width = original.count - lineEnd.count
        let padding = max(1, width - text.count)
        return Array(text) + Array(repeating: UInt8(ascii: " "), count: padding) + lineEnd
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
