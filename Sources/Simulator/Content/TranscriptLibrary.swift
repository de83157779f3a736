import Foundation

/// The FAI console transcripts bundled with the simulator (`Transcripts/*.log`, CR LF line ends).
struct TranscriptLibrary: Sendable {
    /// The transcript names (file names without `.log`).
    static let names = ["success", "success-verbose", "fail-instsoft", "fail-partition", "no-fai-args", "no-nfsroot"]

    private let texts: [String: [UInt8]]

    /// Loads every transcript from the module's resources; a missing file becomes a one-line note.
    static let bundled: TranscriptLibrary = {
        var texts: [String: [UInt8]] = [:]
        for name in names {
            let url = Bundle.module.url(forResource: name, withExtension: "log", subdirectory: "Transcripts")
            if let url, let data = try? Data(contentsOf: url) {
                texts[name] = Array(data)
            } else {
                texts[name] = Array("xsfai simulator: transcript \(name).log is missing from the bundle\r\n".utf8)
            }
        }
        return TranscriptLibrary(texts: texts)
    }()

    /// The bytes of a transcript (empty for an unknown name).
    func transcript(_ name: String) -> [UInt8] { texts[name] ?? [] }
}
