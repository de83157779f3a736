import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files only the operator may read (console captures, logs, the journal): mode 0600 from the moment
/// they exist, never created readable and tightened afterwards.
///
/// New files are opened with `O_CREAT | O_EXCL | O_NOFOLLOW` and mode 0600 (a umask can only take bits
/// away), so no other user can open them in between and a planted symlink is never followed. A whole
/// file is written to such a temporary file in the same folder, then renamed over the name, so readers
/// see the old file or the new one. An existing file opened for appending must be a regular file with
/// no group or other permission bits: a looser one is refused with the `chmod` that fixes it.
public enum PrivateFile {
    /// The mode of every file made here.
    public static let mode: mode_t = 0o600
    /// The flags that create a file: exclusive, never through a symlink, closed on exec.
    public static let creationFlags: Int32 = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC

    /// Why a private file could not be made or opened.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        /// The file.
        public let path: String
        /// What went wrong, for people.
        public let reason: String
        /// Whether it exists but others may read or write it (the caller's usage error).
        public let isTooOpen: Bool

        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `bytes` to `path` as a new private file: an exclusive 0600 temporary file in the same
    /// folder, written and synced, then renamed over `path`.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var descriptor: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
            temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(suffix).tmp"
            descriptor = open(temporary, creationFlags, mode)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw failure(path, "cannot create", errno) }
        defer { close(descriptor) }
        do {
            try writeAll(bytes, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw failure(path, "cannot sync", errno) }
            guard rename(temporary, path) == 0 else { throw failure(path, "cannot rename into place", errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Opens `path` for appending: created 0600 if missing; an existing file must be a regular file
    /// without group/other permissions (else ``Failure/isTooOpen``). Returns the descriptor (close it).
    public static func openForAppending(_ path: String) throws -> Int32 {
        let created = open(path, creationFlags | O_APPEND, mode)
        if created >= 0 { return created }
        guard errno == EEXIST else { throw failure(path, "cannot create", errno) }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, "cannot open", errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw failure(path, "cannot stat", errno)
        }
        if status.st_mode & S_IFMT != S_IFREG {
            close(descriptor)
            throw Failure(path: path, reason: "not a regular file", isTooOpen: false)
        }
        if status.st_mode & 0o077 != 0 {
            close(descriptor)
            let current = String(status.st_mode & 0o777, radix: 8)
            throw Failure(
                path: path, reason: "others may read it (mode \(current)); run chmod 600 \(path) or choose another file",
                isTooOpen: true)
        }
        return descriptor
    }

    /// Writes all of `bytes` to `descriptor`, retrying short writes and EINTR.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                raw.baseAddress.map { Glibc.write(descriptor, $0 + offset, raw.count - offset) } ?? 0
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot write", errno)
            }
            offset += written
        }
    }

    private static func failure(_ path: String, _ action: String, _ code: Int32) -> Failure {
        Failure(path: path, reason: "\(action): \(String(cString: strerror(code)))", isTooOpen: false)
    }
}
