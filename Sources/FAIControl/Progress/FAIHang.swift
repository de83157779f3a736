/// Where a silent console was when it was declared hung.
public struct FAIHang: Sendable, Equatable {
    /// The running task, or `nil` before FAI started (a boot hang).
    public var task: String?
    /// The last complete line.
    public var lastLine: String?
    /// The partial line after it (a prompt waiting for input ends without LF).
    public var partialLine: String
    /// The silence that triggered the verdict, in seconds.
    public var silentSeconds: Double

    /// Creates a hang description.
    public init(task: String?, lastLine: String?, partialLine: String, silentSeconds: Double) {
        self.task = task
        self.lastLine = lastLine
        self.partialLine = partialLine
        self.silentSeconds = silentSeconds
    }
}
