extension TerminalEmulator {
    /// SM/RM (`CSI Pm h`/`l`) and DECSET/DECRST (`CSI ? Pm h`/`l`).
    func setModes(_ sequence: ControlSequence, enabled: Bool) {
        let isPrivate = sequence.leader == UInt8(ascii: "?")
        guard isPrivate || sequence.leader == 0 else { return }
        for index in 0..<max(sequence.argumentCount, 1) {
            guard let mode = sequence.rawArgument(index) else { continue }
            if isPrivate {
                setPrivateMode(mode, enabled: enabled)
            } else if mode == 4 {  // IRM: insert mode (other ANSI modes change nothing in the cells)
                insertMode = enabled
            }
        }
    }

    private func setPrivateMode(_ mode: Int, enabled: Bool) {
        switch mode {
        case 6:  // DECOM: origin mode; homes the cursor
            originMode = enabled
            moveCursor(row: 0, column: 0)
        case 7:  // DECAWM: autowrap
            autowrap = enabled
            if !enabled { pendingWrap = false }
        case 25:  // DECTCEM: cursor visible
            cursorVisible = enabled
        case 47, 1047:  // alternate screen (1047 clears it when leaving)
            if enabled {
                enterAlternateScreen()
            } else {
                if mode == 1047, isAlternateScreenActive { alternateGrid.erase(allRowsWith: .plain) }
                leaveAlternateScreen()
            }
        case 1048:  // save/restore cursor as DECSC/DECRC
            if enabled { saveCursor() } else { restoreCursor() }
        case 1049:  // save cursor, switch to a cleared alternate screen; restore on leaving
            if enabled {
                guard !isAlternateScreenActive else { return }
                saveCursor()
                enterAlternateScreen()
                alternateGrid.erase(allRowsWith: .plain)
            } else {
                // The cursor is restored even when the alternate screen is not shown (xterm, tmux):
                // `dialog` exits that way and expects the cursor back where it saved it.
                leaveAlternateScreen()
                restoreCursor()
            }
        case 2004:  // bracketed paste: recorded only
            bracketedPasteEnabled = enabled
        default:  // DECCKM, mouse modes and the rest change nothing in the cells
            break
        }
    }

    func enterAlternateScreen() {
        guard !isAlternateScreenActive else { return }
        grid = alternateGrid
        pendingWrap = false
    }

    func leaveAlternateScreen() {
        guard isAlternateScreenActive else { return }
        grid = mainGrid
        pendingWrap = false
    }
}
