import Foundation

/// The FAI server kit: config-space files an operator needs for XenServer PV installs (issue 3),
/// rendered from the templates in `Resources/Kit` (compiled into the binary by
/// `scripts/embed-resources`) with release, architecture and repository root filled in.
///
/// The layout follows an FAI config space: `class/45-xenserver`, `files/boot/grub/menu.lst/…`,
/// `scripts/XENSERVER/40-pygrub-menu`, plus the server-side `scripts/copy-xen-kernel` and a README.
public struct FAIKit: Sendable {
    /// Values substituted into the templates.
    public struct Settings: Sendable, Equatable {
        /// The Debian release in the VMs' other-config (e.g. `lenny`).
        public var release: String
        /// The install architecture (e.g. `i386`, `amd64`).
        public var arch: String
        /// The directory on the FAI server that the repository URL points to.
        public var repositoryRoot: String

        /// Creates settings; the defaults match the project seed (Lenny, i386).
        public init(release: String = "lenny", arch: String = "i386", repositoryRoot: String = "/var/www/debian") {
            self.release = release
            self.arch = arch
            self.repositoryRoot = repositoryRoot
        }
    }

    /// One kit file, rendered.
    public struct File: Sendable, Equatable {
        /// Path relative to the kit's output directory.
        public var path: String
        /// The rendered text.
        public var contents: String
        /// Whether the file is a script (written with mode 0755, else 0644).
        public var isExecutable: Bool
    }

    /// Why the kit could not be rendered or written.
    public enum Error: Swift.Error, Equatable, CustomStringConvertible {
        /// A release or architecture name with characters other than letters, digits, `.`, `_`, `-`.
        case invalidName(field: String, value: String)
        /// The repository root is not an absolute path, or holds a quote, newline or control byte.
        case invalidRepositoryRoot(String)
        /// A template is missing from, or corrupt in, the embedded kit.
        case missingTemplate(String)
        /// Files exist already; nothing was written.
        case filesExist([String])
        /// Writing failed.
        case writeFailed(path: String, reason: String)

        /// A message for the operator.
        public var description: String {
            switch self {
            case .invalidName(let field, let value):
                "invalid \(field) '\(value)': use letters, digits, '.', '_' or '-'"
            case .invalidRepositoryRoot(let value):
                "invalid repository root '\(value)': give an absolute path without quotes or control characters"
            case .missingTemplate(let path):
                "kit template \(path) is missing from the kit embedded in xsfai"
            case .filesExist(let paths):
                "refusing to overwrite existing files (use --force): " + paths.joined(separator: ", ")
            case .writeFailed(let path, let reason):
                "cannot write \(path): \(reason)"
            }
        }
    }

    /// The kit's files: template path under `Kit/` and whether it is executable (the file mode in
    /// `Resources/Kit`).
    public static let manifest: [(path: String, isExecutable: Bool)] = EmbeddedKit.files.map {
        (path: $0.path, isExecutable: $0.isExecutable)
    }

    /// The embedded templates' text by path, decoded once; an undecodable entry is left out.
    private static let templates: [String: String] = {
        var templates: [String: String] = [:]
        for file in EmbeddedKit.files {
            if let data = Data(base64Encoded: file.base64, options: .ignoreUnknownCharacters) {
                templates[file.path] = String(decoding: data, as: UTF8.self)
            }
        }
        return templates
    }()

    /// The validated settings.
    public let settings: Settings

    /// Creates a kit after validating `settings` (the values end up in shell scripts).
    public init(settings: Settings = Settings()) throws(Error) {
        try Self.validateName(settings.release, field: "release")
        try Self.validateName(settings.arch, field: "arch")
        let root = settings.repositoryRoot
        let breaksQuoting: (Unicode.Scalar) -> Bool = { scalar in
            "'\"\\`".unicodeScalars.contains(scalar) || scalar.value < 0x20 || scalar.value == 0x7F
        }
        guard root.hasPrefix("/"), !root.unicodeScalars.contains(where: breaksQuoting) else {
            throw .invalidRepositoryRoot(root)
        }
        self.settings = settings
    }

    /// Renders every kit file from the templates.
    public func files() throws(Error) -> [File] {
        try Self.manifest.map { entry throws(Error) in
            File(path: entry.path, contents: render(try Self.template(entry.path)), isExecutable: entry.isExecutable)
        }
    }

    /// Renders template text: `@RELEASE@`, `@ARCH@` and `@REPO_ROOT@` become the settings.
    public func render(_ template: String) -> String {
        template
            .replacingOccurrences(of: "@RELEASE@", with: settings.release)
            .replacingOccurrences(of: "@ARCH@", with: settings.arch)
            .replacingOccurrences(of: "@REPO_ROOT@", with: settings.repositoryRoot)
    }

    /// Writes the kit below `directory`, creating folders as needed; scripts get mode 0755.
    ///
    /// Without `overwrite`, existing files are an error and nothing is written.
    /// - Returns: the written files' paths, relative to `directory`.
    @discardableResult
    public func write(to directory: URL, overwrite: Bool = false) throws(Error) -> [String] {
        let files = try files()
        let fileManager = FileManager.default
        if !overwrite {
            let existing = files.map(\.path).filter {
                fileManager.fileExists(atPath: directory.appendingPathComponent($0).path)
            }
            if !existing.isEmpty { throw .filesExist(existing) }
        }
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            do {
                try fileManager.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o755])
                try Data(file.contents.utf8).write(to: url)
                try fileManager.setAttributes(
                    [.posixPermissions: file.isExecutable ? 0o755 : 0o644], ofItemAtPath: url.path)
            } catch {
                throw .writeFailed(path: url.path, reason: error.localizedDescription)
            }
        }
        return files.map(\.path)
    }

    private static func template(_ path: String) throws(Error) -> String {
        guard let text = templates[path] else { throw .missingTemplate(path) }
        return text
    }

    private static func validateName(_ value: String, field: String) throws(Error) {
        let isValid = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
        if !isValid { throw .invalidName(field: field, value: value) }
    }
}
