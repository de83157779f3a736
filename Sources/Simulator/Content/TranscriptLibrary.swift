import Foundation

/// The FAI console transcripts the simulator plays (CR LF line ends), compiled into the binary from
/// `Resources/Transcripts/*.log` by `scripts/embed-resources`.
struct TranscriptLibrary: Sendable {
    /// The transcript names (file names without `.log`).
    static let names = EmbeddedTranscripts.files.map(\.name)

    private let texts: [String: [UInt8]]

    /// Every embedded transcript, decoded once; an undecodable entry becomes a one-line note.
    static let bundled: TranscriptLibrary = {
        var texts: [String: [UInt8]] = [:]
        for file in EmbeddedTranscripts.files {
            if let data = Data(base64Encoded: file.base64, options: .ignoreUnknownCharacters) {
                texts[file.name] = Array(data)
            } else {
                texts[file.name] = Array("xsfai simulator: embedded transcript \(file.name).log is corrupt\r\n".utf8)
            }
        }
        return TranscriptLibrary(texts: texts)
    }()

    /// The bytes of a transcript (empty for an unknown name).
    func transcript(_ name: String) -> [UInt8] { texts[name] ?? [] }
}
