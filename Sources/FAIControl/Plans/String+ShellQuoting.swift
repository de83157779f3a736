extension String {
    /// The string as one POSIX shell word: unchanged when it holds only safe characters, otherwise in
    /// single quotes with each `'` written as `'\''`.
    public var shellQuoted: String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_@%+=:,./-")
        if !isEmpty && allSatisfy({ safe.contains($0) }) { return self }
        return "'" + replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
