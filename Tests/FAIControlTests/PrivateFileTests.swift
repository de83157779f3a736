import FAIControl
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
import TestScratch
#endif

/// Captures, logs and the journal are private from the moment they exist.
@Suite(.serialized) struct PrivateFileTests {
    static func folder() -> String {
        Scratch.folder("xsfai-private")
    }

    static func mode(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o777 : 0o7777
    }

    /// Runs `body` with the process umask at 0, so a file created 0666 would show as such.
    static func withOpenUmask<T>(_ body: () throws -> T) rethrows -> T {
        let saved = umask(0)
        defer { umask(saved) }
        return try body()
    }

    @Test func creationIsExclusiveNeverFollowsSymlinksAndIs0600() {
        #expect(PrivateFile.creationFlags & O_CREAT != 0)
        #expect(PrivateFile.creationFlags & O_EXCL != 0)
        #expect(PrivateFile.creationFlags & O_NOFOLLOW != 0)
        #expect(PrivateFile.mode == 0o600)
    }

    @Test func aWholeFileIs0600EvenWithAnOpenUmaskAndLeavesNoTemporaryFile() throws {
        let folder = Self.folder()
        let path = folder + "/capture.log"
        try Self.withOpenUmask { try PrivateFile.write(Array("one\n".utf8), to: path) }
        #expect(Self.mode(path) == 0o600)
        try Self.withOpenUmask { try PrivateFile.write(Array("two\n".utf8), to: path) }
        #expect(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) == "two\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["capture.log"])
    }

    @Test func theAppendedLogIs0600TheMomentItIsOpenedEvenWithAnOpenUmask() throws {
        let folder = Self.folder()
        let descriptor = try Self.withOpenUmask { try PrivateFile.openForAppending(folder + "/console.log") }
        defer { close(descriptor) }
        var status = stat()
        #expect(fstat(descriptor, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
    }

    @Test func appendingToAnExistingLooseFileIsRefusedAndASymlinkIsNotFollowed() throws {
        let folder = Self.folder()
        let loose = folder + "/loose.log"
        FileManager.default.createFile(atPath: loose, contents: Data("x".utf8), attributes: [.posixPermissions: 0o644])
        #expect {
            try PrivateFile.openForAppending(loose)
        } throws: { ($0 as? PrivateFile.Failure)?.isTooOpen == true && "\($0)".contains("chmod 600") }
        let target = folder + "/target"
        FileManager.default.createFile(atPath: target, contents: Data(), attributes: [.posixPermissions: 0o600])
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.log", withDestinationPath: target)
        #expect(throws: PrivateFile.Failure.self) { try PrivateFile.openForAppending(folder + "/link.log") }
        let existing = folder + "/own.log"
        close(try PrivateFile.openForAppending(existing))
        let again = try PrivateFile.openForAppending(existing)
        close(again)
        #expect(Self.mode(existing) == 0o600)
    }

    @Test func consoleLogIsPlainTextByDefaultAndRawOnRequest() throws {
        let folder = Self.folder()
        let bytes = Array("\u{1B}]0;t\u{07}\u{1B}[1;31mFAILED\u{1B}[0m\r\n\u{9B}2Jok\n".utf8)
        let plain = try ConsoleLog(path: folder + "/plain.log")
        plain.mark("console 1 attached", at: Date(timeIntervalSince1970: 0))
        plain.record(bytes, at: Date(timeIntervalSince1970: 0))
        let raw = try ConsoleLog(path: folder + "/raw.log", format: .raw)
        raw.mark("console 1 attached")
        raw.record(bytes)
        let plainText = String(decoding: FileManager.default.contents(atPath: folder + "/plain.log") ?? Data(), as: UTF8.self)
        #expect(plainText == """
            1970-01-01T00:00:00.000Z --- console 1 attached ---
            1970-01-01T00:00:00.000Z FAILED
            1970-01-01T00:00:00.000Z 2Jok

            """)
        #expect(FileManager.default.contents(atPath: folder + "/raw.log") == Data(bytes))
        #expect(Self.mode(folder + "/plain.log") == 0o600)
    }
}
