import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every test's scratch files (state folders, journals, captures, configs) under one folder per test
/// process: made with `mkdtemp` (mode 0700) on first use in `$TMPDIR` as `xsfai-tests-XXXXXX`, and
/// removed with everything in it when the process exits (`atexit`), so test runs leave nothing in /tmp.
public enum Scratch {
    /// The process's scratch folder; its removal at exit is registered when it is made.
    public static let root: String = {
        var template = Array((NSTemporaryDirectory() + "xsfai-tests-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed: \(String(cString: strerror(errno)))") }
        atexit { Scratch.removeRoot() }
        return String(cString: made)
    }()

    /// A fresh path under ``root`` (not created): `<root>/<prefix>-<UUID><suffix>`.
    public static func path(_ prefix: String, suffix: String = "") -> String {
        "\(root)/\(prefix)-\(UUID().uuidString)\(suffix)"
    }

    /// A fresh folder under ``root``, created with mode 0700.
    public static func folder(_ prefix: String) -> String {
        let path = path(prefix)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return path
    }

    /// A fresh folder under ``root`` as a file URL, created with mode 0700.
    public static func folderURL(_ prefix: String) -> URL { URL(fileURLWithPath: folder(prefix), isDirectory: true) }

    /// Removes ``root`` and everything in it (children that wrote into it have exited by then).
    static func removeRoot() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
