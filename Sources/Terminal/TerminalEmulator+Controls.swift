extension TerminalEmulator {
    /// Executes a C0 control, or a C1 control libvterm produced from its 7-bit form (`ESC D` → IND).
    func executeControl(_ byte: UInt8) {
        flushPendingText()
        lastGraphic = nil
        switch byte {
        case 0x07:  // BEL
            bellCount &+= 1
        case 0x08:  // BS: back one column, not past the left margin
            if pendingWrap {
                pendingWrap = false
            } else if cursorColumn > 0 {
                cursorColumn -= 1
            }
        case 0x09:  // HT: next tab stop or the last column
            tabForward(1)
        case 0x0A, 0x0B, 0x0C:  // LF, VT, FF
            lineFeed()
        case 0x0D:  // CR
            cursorColumn = 0
            pendingWrap = false
        case 0x0E:  // SO: invoke G1
            shiftedOut = true
        case 0x0F:  // SI: invoke G0
            shiftedOut = false
        case 0x84:  // IND (ESC D)
            lineFeed()
        case 0x85:  // NEL (ESC E)
            cursorColumn = 0
            lineFeed()
        case 0x88:  // HTS (ESC H)
            tabStops[cursorColumn] = true
        case 0x8D:  // RI (ESC M)
            reverseIndex()
        default:
            break
        }
    }

    /// Dispatches `ESC` + intermediates + final (libvterm passes e.g. `c`, `7`, `(0`, `#8`).
    func dispatchEscape(_ bytes: UnsafeRawBufferPointer) {
        flushPendingText()
        lastGraphic = nil
        guard let final = bytes.last else { return }
        if bytes.count == 1 {
            switch final {
            case UInt8(ascii: "c"): resetToInitialState()  // RIS
            case UInt8(ascii: "7"): saveCursor()  // DECSC
            case UInt8(ascii: "8"): restoreCursor()  // DECRC
            case UInt8(ascii: "D"): lineFeed()  // IND
            case UInt8(ascii: "E"):  // NEL
                cursorColumn = 0
                lineFeed()
            case UInt8(ascii: "M"): reverseIndex()  // RI
            case UInt8(ascii: "H"): tabStops[cursorColumn] = true  // HTS
            default: break
            }
            return
        }
        guard bytes.count == 2 else { return }
        switch bytes[0] {
        case UInt8(ascii: "("): g0 = Charset(designator: final)  // SCS G0
        case UInt8(ascii: ")"): g1 = Charset(designator: final)  // SCS G1
        case UInt8(ascii: "#") where final == UInt8(ascii: "8"): screenAlignmentTest()  // DECALN
        default: break
        }
    }

    /// Dispatches an OSC string (`ESC ] Ps ; Pt BEL`). OSC 0 and 2 set the title; everything else,
    /// OSC 52 clipboard writes included, is swallowed.
    func dispatchOperatingSystemCommand(_ bytes: [UInt8]) {
        guard let separator = bytes.firstIndex(of: UInt8(ascii: ";")) else { return }
        let code = bytes[..<separator]
        guard code.elementsEqual("0".utf8) || code.elementsEqual("2".utf8) else { return }
        let text = String(decoding: bytes[(separator + 1)...], as: UTF8.self)
        let printable = text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }
        title = String(String.UnicodeScalarView(printable.prefix(Self.titleLimit)))
    }

    // MARK: Line movement

    /// LF/IND: down one line, scrolling the region when at its bottom margin.
    func lineFeed() {
        pendingWrap = false
        if cursorRow == scrollBottom {
            scrollRegionUp(1)
        } else if cursorRow < rows - 1 {
            cursorRow += 1
        }
    }

    /// RI: up one line, scrolling the region down when at its top margin.
    func reverseIndex() {
        pendingWrap = false
        if cursorRow == scrollTop {
            scrollRegionDown(1)
        } else if cursorRow > 0 {
            cursorRow -= 1
        }
    }

    /// HT/CHT: forward `count` tab stops, stopping at the last column. A pending wrap survives: after
    /// a full line, `\tY` puts Y at the start of the next line, as in xterm.
    func tabForward(_ count: Int) {
        for _ in 0..<count {
            guard cursorColumn < columns - 1 else { return }
            cursorColumn += 1
            while cursorColumn < columns - 1, !tabStops[cursorColumn] { cursorColumn += 1 }
        }
    }

    /// CBT: back `count` tab stops, stopping at the first column.
    func tabBackward(_ count: Int) {
        pendingWrap = false
        for _ in 0..<count {
            guard cursorColumn > 0 else { return }
            cursorColumn -= 1
            while cursorColumn > 0, !tabStops[cursorColumn] { cursorColumn -= 1 }
        }
    }

    // MARK: Cursor save and restore

    /// DECSC: saves position, pen, charsets and origin mode for the current screen. Autowrap (DECAWM)
    /// is not saved, as in xterm and the VT510.
    func saveCursor() {
        let saved = SavedCursor(
            row: cursorRow, column: cursorColumn, pen: pen, g0: g0, g1: g1,
            shiftedOut: shiftedOut, originMode: originMode
        )
        if isAlternateScreenActive { savedAlternateCursor = saved } else { savedMainCursor = saved }
    }

    /// DECRC: restores what DECSC saved (or the home position and defaults), clamped to the screen.
    func restoreCursor() {
        let saved = (isAlternateScreenActive ? savedAlternateCursor : savedMainCursor)
            ?? SavedCursor(row: 0, column: 0, pen: .plain, g0: .ascii, g1: .ascii, shiftedOut: false, originMode: false)
        cursorRow = min(saved.row, rows - 1)
        cursorColumn = min(saved.column, columns - 1)
        pen = saved.pen
        g0 = saved.g0
        g1 = saved.g1
        shiftedOut = saved.shiftedOut
        originMode = saved.originMode
        pendingWrap = false
    }

    // MARK: Resets

    /// RIS: full reset. Keeps scrollback, after moving the main screen's lines into it. On the
    /// alternate screen only that screen is cleared (as tmux and libvterm do): the main screen, and
    /// the cursor saved for it, stay for the `ESC[?1049l` that returns to them.
    func resetToInitialState() {
        if isAlternateScreenActive {
            alternateGrid.erase(allRowsWith: .plain)
        } else {
            archiveScreenForClear()
            mainGrid.erase(allRowsWith: .plain)
            alternateGrid.erase(allRowsWith: .plain)
            savedMainCursor = nil
        }
        cursorRow = 0
        cursorColumn = 0
        pendingWrap = false
        pen = .plain
        g0 = .ascii
        g1 = .ascii
        shiftedOut = false
        savedAlternateCursor = nil
        scrollTop = 0
        scrollBottom = rows - 1
        autowrap = true
        originMode = false
        insertMode = false
        lastGraphic = nil
        cursorVisible = true
        bracketedPasteEnabled = false
        title = ""
        tabStops = Self.defaultTabStops(columns: columns)
    }

    /// DECALN: fills the screen with `E`, resets the margins and homes the cursor.
    private func screenAlignmentTest() {
        grid.fill(scalar: UInt32(UInt8(ascii: "E")))
        scrollTop = 0
        scrollBottom = rows - 1
        originMode = false
        cursorRow = 0
        cursorColumn = 0
        pendingWrap = false
    }
}
