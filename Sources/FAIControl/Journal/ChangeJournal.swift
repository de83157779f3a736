import Foundation

/// The change journal: JSON lines in `$XDG_STATE_HOME/xsfai/journal.jsonl`, readable only by its owner.
public struct ChangeJournal: JournalWriting, Sendable {
    /// The journal file.
    public let path: String

    /// Uses the journal at `path`.
    public init(path: String) { self.path = path }

    /// The default journal: `$XDG_STATE_HOME/xsfai/journal.jsonl`, else `~/.local/state/xsfai/journal.jsonl`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/xsfai/journal.jsonl"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/xsfai/journal.jsonl"
    }

    /// Appends one entry as one line; creates the folder (0700) and the file (0600) when missing.
    public func append(_ entry: JournalEntry) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw JournalError.io(path: folder, operation: "create the folder", reason: error.localizedDescription)
        }
        var line = try Self.encoder.encode(entry)
        line.append(UInt8(ascii: "\n"))
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ioError("open", errno) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw ioError("restrict to mode 0600", errno) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw ioError("append", errno) }
    }

    /// Every entry, numbered from 1; an absent journal is empty.
    public func entries() throws -> [NumberedJournalEntry] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw JournalError.io(path: path, operation: "read", reason: error.localizedDescription)
        }
        var result: [NumberedJournalEntry] = []
        for (offset, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            do {
                let entry = try Self.decoder.decode(JournalEntry.self, from: Data(line))
                result.append(NumberedJournalEntry(number: result.count + 1, entry: entry))
            } catch {
                throw JournalError.corruptLine(path: path, line: offset + 1, reason: "\(error)")
            }
        }
        return result
    }

    private func ioError(_ operation: String, _ code: Int32) -> JournalError {
        JournalError.io(path: path, operation: operation, reason: String(cString: strerror(code)))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
