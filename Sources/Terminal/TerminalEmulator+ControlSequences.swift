extension TerminalEmulator {
    /// Executes a CSI sequence. Unknown ones, and any with intermediates, are swallowed.
    func dispatchControlSequence(_ sequence: ControlSequence) {
        flushPendingText()
        guard !sequence.hasIntermediates else { return }
        if sequence.leader != 0 {
            dispatchPrivateControlSequence(sequence)
            return
        }
        let count = sequence.argument(0, default: 1)
        switch sequence.final {
        case UInt8(ascii: "@"):  // CSI Ps @, Insert Characters, ICH (a pending wrap survives, as in xterm;
            // a count beyond the line's end clears to it, as in xterm: tmux is the outlier)
            grid.insertCells(row: cursorRow, column: cursorColumn, count: count, fill: pen.erased)
        case UInt8(ascii: "A"):  // CSI Ps A, Cursor Up, CUU
            cursorUp(count)
        case UInt8(ascii: "B"), UInt8(ascii: "e"):  // CSI Ps B, Cursor Down, CUD; CSI Ps e, VPR
            cursorDown(count)
        case UInt8(ascii: "C"), UInt8(ascii: "a"):  // CSI Ps C, Cursor Forward, CUF; CSI Ps a, HPR
            setColumn(cursorColumn + count)
        case UInt8(ascii: "D"):  // CSI Ps D, Cursor Backward, CUB
            setColumn(cursorColumn - count)
        case UInt8(ascii: "E"):  // CSI Ps E, Cursor Next Line, CNL
            cursorDown(count)
            cursorColumn = 0
        case UInt8(ascii: "F"):  // CSI Ps F, Cursor Preceding Line, CPL
            cursorUp(count)
            cursorColumn = 0
        case UInt8(ascii: "G"), UInt8(ascii: "`"):  // CSI Ps G, Cursor Horizontal Absolute, CHA; CSI Ps `, HPA
            setColumn(count - 1)
        case UInt8(ascii: "H"), UInt8(ascii: "f"):  // CSI Ps ; Ps H, Cursor Position, CUP; CSI Ps ; Ps f, HVP
            moveCursor(row: count - 1, column: sequence.argument(1, default: 1) - 1)
        case UInt8(ascii: "I"):  // CSI Ps I, Cursor Forward Tabulation, CHT
            tabForward(count)
        case UInt8(ascii: "J"):  // CSI Ps J, Erase in Display, ED
            eraseInDisplay(sequence.rawArgument(0) ?? 0)
        case UInt8(ascii: "K"):  // CSI Ps K, Erase in Line, EL
            eraseInLine(sequence.rawArgument(0) ?? 0)
        case UInt8(ascii: "L"):  // CSI Ps L, Insert Lines, IL (to column 1 as in xterm; tmux keeps the column)
            guard (scrollTop...scrollBottom).contains(cursorRow) else { return }
            grid.scrollDown(top: cursorRow, bottom: scrollBottom, count: count, fill: pen.erased)
            cursorColumn = 0
            pendingWrap = false
        case UInt8(ascii: "M"):  // CSI Ps M, Delete Lines, DL (to column 1 as in xterm; tmux keeps the column)
            guard (scrollTop...scrollBottom).contains(cursorRow) else { return }
            grid.scrollUp(top: cursorRow, bottom: scrollBottom, count: count, fill: pen.erased)
            cursorColumn = 0
            pendingWrap = false
        case UInt8(ascii: "P"):  // CSI Ps P, Delete Characters, DCH (a pending wrap survives)
            grid.deleteCells(row: cursorRow, column: cursorColumn, count: count, fill: pen.erased)
        case UInt8(ascii: "S"):  // CSI Ps S, Scroll Up, SU
            scrollRegionUp(count)
        case UInt8(ascii: "T") where sequence.argumentCount <= 1:  // CSI Ps T, Scroll Down, SD
            scrollRegionDown(count)
        case UInt8(ascii: "X"):  // CSI Ps X, Erase Characters, ECH (a pending wrap survives)
            grid.erase(row: cursorRow, columns: cursorColumn..<(cursorColumn + count), style: pen.erased)
        case UInt8(ascii: "Z"):  // CSI Ps Z, Cursor Backward Tabulation, CBT
            tabBackward(count)
        case UInt8(ascii: "b"):  // CSI Ps b, Repeat the preceding graphic character, REP
            repeatLastGraphic(count)
        case UInt8(ascii: "c"):  // CSI Ps c, Primary Device Attributes, DA: a VT100 with advanced video
            if sequence.argument(0, default: 0) == 0 { queueReply("\u{1B}[?1;2c") }
        case UInt8(ascii: "d"):  // CSI Ps d, Line Position Absolute, VPA
            moveCursor(row: count - 1, column: cursorColumn)
        case UInt8(ascii: "g"):  // CSI Ps g, Tab Clear, TBC
            clearTabStops(sequence.rawArgument(0) ?? 0)
        case UInt8(ascii: "h"):  // CSI Pm h, Set Mode, SM
            setModes(sequence, enabled: true)
        case UInt8(ascii: "l"):  // CSI Pm l, Reset Mode, RM
            setModes(sequence, enabled: false)
        case UInt8(ascii: "m"):  // CSI Pm m, Select Graphic Rendition, SGR
            selectGraphicRendition(sequence)
        case UInt8(ascii: "n"):  // CSI Ps n, Device Status Report, DSR
            deviceStatusReport(sequence.rawArgument(0) ?? 0)
        case UInt8(ascii: "r"):  // CSI Ps ; Ps r, Set Top and Bottom Margins, DECSTBM
            setScrollRegion(top: sequence.argument(0, default: 1), bottom: sequence.argument(1, default: rows))
        case UInt8(ascii: "s") where sequence.hasNoArguments:  // CSI s, Save Cursor, SCOSC
            saveCursor()
        case UInt8(ascii: "u") where sequence.hasNoArguments:  // CSI u, Restore Cursor, SCORC
            restoreCursor()
        default:
            break
        }
    }

    private func dispatchPrivateControlSequence(_ sequence: ControlSequence) {
        switch (sequence.leader, sequence.final) {
        case (UInt8(ascii: "?"), UInt8(ascii: "h")):  // CSI ? Pm h, DEC Private Mode Set, DECSET
            setModes(sequence, enabled: true)
        case (UInt8(ascii: "?"), UInt8(ascii: "l")):  // CSI ? Pm l, DEC Private Mode Reset, DECRST
            setModes(sequence, enabled: false)
        case (UInt8(ascii: "?"), UInt8(ascii: "J")):  // CSI ? Ps J, Selective Erase in Display, DECSED
            eraseInDisplay(sequence.rawArgument(0) ?? 0)
        case (UInt8(ascii: "?"), UInt8(ascii: "K")):  // CSI ? Ps K, Selective Erase in Line, DECSEL
            eraseInLine(sequence.rawArgument(0) ?? 0)
        case (UInt8(ascii: ">"), UInt8(ascii: "c")):  // CSI > Ps c, Secondary Device Attributes
            if sequence.argument(0, default: 0) == 0 { queueReply("\u{1B}[>0;10;0c") }
        default:
            break
        }
    }

    // MARK: Cursor movement

    /// Moves to `row` (relative to the scroll region in origin mode) and `column`, clamped.
    func moveCursor(row: Int, column: Int) {
        if originMode {
            cursorRow = min(max(scrollTop + row, scrollTop), scrollBottom)
        } else {
            cursorRow = min(max(row, 0), rows - 1)
        }
        setColumn(column)
    }

    private func setColumn(_ column: Int) {
        cursorColumn = min(max(column, 0), columns - 1)
        pendingWrap = false
    }

    /// Up `count` rows, stopping at the top margin when starting inside the region.
    private func cursorUp(_ count: Int) {
        let limit = cursorRow >= scrollTop ? scrollTop : 0
        cursorRow = max(cursorRow - count, limit)
        pendingWrap = false
    }

    /// Down `count` rows, stopping at the bottom margin when starting inside the region.
    private func cursorDown(_ count: Int) {
        let limit = cursorRow <= scrollBottom ? scrollBottom : rows - 1
        cursorRow = min(cursorRow + count, limit)
        pendingWrap = false
    }

    // MARK: Erasing

    /// ED 0 (cursor to end), 1 (start to cursor), 2 (all, after moving the lines to scrollback).
    /// ED 3 (erase scrollback) is ignored: the scrollback is the operator's capture, not the guest's.
    /// The cursor does not move, so a pending wrap survives.
    private func eraseInDisplay(_ mode: Int) {
        let fill = pen.erased
        switch mode {
        case 0:
            grid.erase(row: cursorRow, columns: cursorColumn..<columns, style: fill)
            for row in (cursorRow + 1)..<rows { grid.erase(row: row, columns: 0..<columns, style: fill) }
        case 1:
            for row in 0..<cursorRow { grid.erase(row: row, columns: 0..<columns, style: fill) }
            grid.erase(row: cursorRow, columns: 0..<(cursorColumn + 1), style: fill)
        case 2:
            archiveScreenForClear()
            grid.erase(allRowsWith: fill)
        default:
            break
        }
    }

    /// EL 0 (cursor to end of line), 1 (start of line to cursor), 2 (whole line). The cursor does not
    /// move, so a pending wrap survives (`x`×80 `ESC[K` `Y` puts Y on the next line, as in xterm).
    private func eraseInLine(_ mode: Int) {
        let range: Range<Int>
        switch mode {
        case 0: range = cursorColumn..<columns
        case 1: range = 0..<(cursorColumn + 1)
        case 2: range = 0..<columns
        default: return
        }
        grid.erase(row: cursorRow, columns: range, style: pen.erased)
    }

    // MARK: Margins, tabs, reports

    /// DECSTBM: rows `top...bottom` (1-based; 0 or missing means the screen edge) scroll; needs two rows.
    /// `ESC[7;0r` is "row 7 to the last row", as in xterm and the Linux console (tmux is the outlier).
    private func setScrollRegion(top: Int, bottom: Int) {
        let top = top - 1
        let bottom = min(bottom, rows) - 1
        guard top < bottom else { return }
        scrollTop = top
        scrollBottom = bottom
        moveCursor(row: 0, column: 0)
    }

    private func clearTabStops(_ mode: Int) {
        switch mode {
        case 0: tabStops[cursorColumn] = false
        case 3: tabStops = Array(repeating: false, count: columns)
        default: break
        }
    }

    /// DSR 5 (status: OK) and 6 (cursor position, relative to the region in origin mode).
    private func deviceStatusReport(_ request: Int) {
        switch request {
        case 5:
            queueReply("\u{1B}[0n")
        case 6:
            let row = originMode ? cursorRow - scrollTop : cursorRow
            queueReply("\u{1B}[\(row + 1);\(cursorColumn + 1)R")
        default:
            break
        }
    }
}
