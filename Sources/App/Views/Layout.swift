public import TUI

/// Where everything goes on a screen of a given size: tab bar, pane body, status bar, hint bar.
public struct Layout: Sendable, Hashable {
    /// The top line with the pane tabs.
    public let tabBar: Rect
    /// The pane body.
    public let body: Rect
    /// The status bar.
    public let statusBar: Rect
    /// The hint bar.
    public let hintBar: Rect

    /// Lays out a screen of `size`.
    public init(size: Size) {
        let whole = Rect(size: size)
        let (tabBar, rest) = whole.splitTop(1)
        let (middle, bars) = rest.splitBottom(2)
        let (status, hints) = bars.splitTop(1)
        self.tabBar = tabBar
        body = middle
        statusBar = status
        hintBar = hints
    }

    /// Rows of a list pane visible at once.
    public var listRows: Int { TableView.visibleRows(inHeight: body.height) }

    /// Rows of console text visible at once (one body row is the console's title line).
    public var consoleRows: Int { max(1, body.height - 1) }
}
