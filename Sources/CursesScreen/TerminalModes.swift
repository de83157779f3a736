import Foundation

/// The few escape sequences xsfai writes itself: bracketed paste on/off and the OSC 52 clipboard.
enum TerminalModes {
    /// Turns bracketed paste on.
    static func enterApplication() { write("\u{1b}[?2004h") }

    /// Turns bracketed paste off.
    static func leaveApplication() { write("\u{1b}[?2004l") }

    /// Sets the local clipboard through OSC 52 (works over SSH and in tmux with set-clipboard on).
    static func writeClipboard(_ text: String) {
        let encoded = Data(text.utf8).base64EncodedString()
        write("\u{1b}]52;c;\(encoded)\u{07}")
    }

    private static func write(_ sequence: String) {
        var bytes = Array(sequence.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written <= 0 { return }
            offset += written
        }
    }
}
