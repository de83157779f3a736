public import TUI

/// Where everything goes on a screen of a given size: tab bar, pane body, status bar, hint bar, and on a
/// big screen the split of the body into a list pane on top and the console below it.
///
/// A pure function of the size, used by the reducer (page sizes, scrolling) and the views alike.
public struct Layout: Sendable, Hashable {
    /// The smallest screen that shows a list pane and the console at once.
    public static let splitMinimum = Size(width: 120, height: 34)
    /// Rows the list pane gets at least in the split (its title line included).
    public static let minimumSplitListHeight = 8
    /// The smallest screen that shows both lists side by side above the console (three panes).
    public static let threePaneMinimum = Size(width: 200, height: 50)

    /// The top line with the pane tabs.
    public let tabBar: Rect
    /// The whole pane body (overlays cover it).
    public let body: Rect
    /// The status bar.
    public let statusBar: Rect
    /// The hint bar.
    public let hintBar: Rect
    /// Whether a list pane and the console are shown at once.
    public let isSplit: Bool
    /// Whether templates and VMs are both shown, side by side above the console (≥ 200x50).
    public let isThreePane: Bool
    /// In the three-pane layout: the templates list (title line included) and the VMs list beside it.
    public let templatesArea: Rect
    /// In the three-pane layout: the VMs list (title line included).
    public let vmsArea: Rect
    /// The list pane's title line in the split (empty otherwise).
    public let listTitle: Rect
    /// Where the list panes' tables go: the whole body, or the top part of the split below its title.
    public let listArea: Rect
    /// Where the console pane goes (its title line included): the whole body, or the bottom of the split.
    public let consoleArea: Rect

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
        isSplit = size.width >= Self.splitMinimum.width && size.height >= Self.splitMinimum.height
        isThreePane = size.width >= Self.threePaneMinimum.width && size.height >= Self.threePaneMinimum.height
        let empty = Rect(x: middle.x, y: middle.y, width: 0, height: 0)
        if isThreePane {
            let listHeight = max(Self.minimumSplitListHeight, middle.height * 2 / 5)
            let (lists, console) = middle.splitTop(listHeight)
            let leftWidth = lists.width * 2 / 5
            templatesArea = Rect(x: lists.x, y: lists.y, width: leftWidth, height: lists.height)
            vmsArea = Rect(x: lists.x + leftWidth + 1, y: lists.y, width: lists.width - leftWidth - 1, height: lists.height)
            (listTitle, listArea) = vmsArea.splitTop(1)
            consoleArea = console
        } else if isSplit {
            (templatesArea, vmsArea) = (empty, empty)
            let listHeight = max(Self.minimumSplitListHeight, middle.height * 2 / 5)
            let (list, console) = middle.splitTop(listHeight)
            (listTitle, listArea) = list.splitTop(1)
            consoleArea = console
        } else {
            (templatesArea, vmsArea) = (empty, empty)
            listTitle = Rect(x: middle.x, y: middle.y, width: middle.width, height: 0)
            listArea = middle
            consoleArea = middle
        }
    }

    /// Rows of a list pane visible at once.
    public var listRows: Int { TableView.visibleRows(inHeight: listArea.height) }

    /// Rows of console text visible at once (one row of the console area is the console's title line).
    public var consoleRows: Int { max(1, consoleArea.height - 1) }

    /// Where `count` tiled consoles go in the console area (each with its title line): two side by
    /// side, three as two above one, four as two by two; a column between tiles side by side.
    public func tileAreas(count: Int) -> [Rect] {
        let area = consoleArea
        guard count > 1 else { return [area] }
        func halves(_ row: Rect) -> [Rect] {
            let left = (row.width - 1) / 2
            return [Rect(x: row.x, y: row.y, width: left, height: row.height),
                    Rect(x: row.x + left + 1, y: row.y, width: row.width - left - 1, height: row.height)]
        }
        if count == 2 { return halves(area) }
        let (top, bottom) = area.splitTop(area.height / 2)
        return halves(top) + (count == 3 ? [bottom] : halves(bottom))
    }
}
