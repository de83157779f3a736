/// The one-line status bar: a message on the left (coloured by its role), facts on the right.
public struct StatusBarView: Sendable {
    /// The message, e.g. the last action's result.
    public var message: String
    /// The message's role (`.error` stays visible until dismissed by the app).
    public var messageRole: Role
    /// Right-aligned facts: pool, user, connection state.
    public var facts: String

    /// Creates a status bar.
    public init(message: String, messageRole: Role = .statusBar, facts: String) {
        self.message = message
        self.messageRole = messageRole
        self.facts = facts
    }

    /// Draws into the first row of `area`.
    ///
    /// The facts end with the connection state, so they win: the message gives way first, down to a
    /// quarter of the row (half for an error); only then are the facts cut, from the front.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        canvas.fill(row, with: Cell(" ", role: .statusBar))
        let kept = message.isEmpty ? 0 : min(message.displayWidth, messageRole == .error ? area.width / 2 : area.width / 4)
        let factsText = facts.truncatedKeepingEnd(toWidth: max(0, area.width - kept - (kept > 0 ? 2 : 0)))
        let messageWidth = max(0, area.width - factsText.displayWidth - 2)
        canvas.write(message.truncated(toWidth: messageWidth), at: row.origin, role: messageRole, clip: row)
        canvas.write(factsText, at: Point(x: row.maxX - factsText.displayWidth, y: row.y), role: .statusBar, clip: row)
    }
}
