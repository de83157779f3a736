import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One pool's write-ahead journal: JSON lines in `$XDG_STATE_HOME/xsfai/journal-<pool UUID>.jsonl`.
///
/// Every pool has its own file, so an undo against pool B never sees pool A's changes and a simulator
/// (its own pool UUID) never writes into a real pool's journal. The folder is created with mode 0700
/// and the file with 0600 from its creation (`open(…, O_CREAT, 0600)`), opened with `O_NOFOLLOW` so a
/// symlink planted in its place is refused, and every append is `fsync`ed before the write it
/// announces is made. A line that cannot be read is reported with its number and skipped; the others
/// are still read.
public struct ChangeJournal: Sendable {
    /// The format version written into every record (`"v"`); records of a higher version are skipped
    /// and reported, records of this and lower versions are read.
    public static let formatVersion = 1

    /// The journal file.
    public let path: String

    /// Uses the journal at `path`.
    public init(path: String) { self.path = path }

    /// The journal of the pool `poolUUID` in `folder` (see ``stateFolder(environment:)``).
    public init(folder: String, poolUUID: String) throws(JournalError) {
        let safe = poolUUID.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" }
        guard safe, !poolUUID.isEmpty else { throw .io(path: folder, operation: "name the journal", reason: "pool UUID \"\(poolUUID)\" is not a UUID") }
        self.init(path: folder + "/journal-\(poolUUID.lowercased()).jsonl")
    }

    /// xsfai's state folder: `$XDG_STATE_HOME/xsfai`, else `~/.local/state/xsfai`.
    public static func stateFolder(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/xsfai" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/xsfai"
    }

    /// Appends `record` as one line and flushes it to disk.
    public func append(_ record: JournalRecord) throws(JournalError) {
        try makeFolder()
        var line: Data
        do { line = try Self.encoder.encode(record) } catch { throw .io(path: path, operation: "encode a record", reason: "\(error)") }
        line.append(UInt8(ascii: "\n"))
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ioError("open", errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ioError("inspect", errno) }
        guard status.st_mode & 0o077 == 0 else {
            throw .io(path: path, operation: "trust it", reason: "others may read it (mode \(String(status.st_mode & 0o777, radix: 8))): run chmod 600 \(path)")
        }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw ioError("append", errno) }
        guard fsync(descriptor) == 0 else { throw ioError("flush", errno) }
    }

    /// Every change set and every unreadable line; an absent journal is empty.
    public func read() throws(JournalError) -> JournalContents {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return JournalContents(records: []) }
            throw ioError("open", errno)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let data: Data
        do { data = try handle.readToEnd() ?? Data() } catch { throw .io(path: path, operation: "read", reason: error.localizedDescription) }
        var records: [(line: Int, record: JournalRecord)] = []
        var problems: [JournalProblem] = []
        for (offset, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            do {
                let record = try Self.decoder.decode(JournalRecord.self, from: Data(line))
                if record.version > Self.formatVersion {
                    problems.append(JournalProblem(line: offset + 1, reason: "written by a newer xsfai (format \(record.version))"))
                    continue
                }
                records.append((offset + 1, record))
            } catch {
                problems.append(JournalProblem(line: offset + 1, reason: "not a journal record (\(Self.reason(error)))"))
            }
        }
        return JournalContents(records: records, problems: problems)
    }

    private func makeFolder() throws(JournalError) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .io(path: folder, operation: "create the folder", reason: error.localizedDescription)
        }
        // A folder left by an earlier version or made by hand may be open to others: close it (0700).
        var status = stat()
        guard lstat(folder, &status) == 0 else { throw ioError("inspect the folder", errno) }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw .io(path: folder, operation: "use the folder", reason: "it is not a directory (a symbolic link?)")
        }
        if status.st_mode & 0o077 != 0, chmod(folder, 0o700) != 0 { throw ioError("restrict the folder to mode 0700", errno) }
    }

    private func ioError(_ operation: String, _ code: Int32) -> JournalError {
        let reason = code == ELOOP ? "it is a symbolic link (refused)" : String(cString: strerror(code))
        return .io(path: path, operation: operation, reason: reason)
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): context.debugDescription
        case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "bad \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "\(error)"
        }
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
