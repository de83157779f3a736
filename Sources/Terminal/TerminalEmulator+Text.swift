extension TerminalEmulator {
    /// Upper bound of scalars in one cell (base plus combining marks); further marks are dropped.
    static let clusterScalarLimit = 16
    /// U+200D ZERO WIDTH JOINER: joins the next character to the cluster before it.
    static let zeroWidthJoiner: UInt32 = 0x200D

    /// Takes printable bytes from the start of `bytes` up to the first control byte (C0 or DEL), writes
    /// them to the screen and returns how many were taken. libvterm passes the whole rest of the write.
    func consumeText(_ bytes: UnsafePointer<UInt8>, count: Int) -> Int {
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { break }
            if byte < 0x80, decoder.isIdle, activeCharset == .ascii {
                var end = index + 1
                while end < count, bytes[end] >= 0x20, bytes[end] < 0x7F { end += 1 }
                writeASCII(bytes + index, count: end - index)
                index = end
                continue
            }
            decode(byte)
            index += 1
        }
        return index
    }

    /// Ends a partial UTF-8 sequence interrupted by a control or sequence with U+FFFD.
    func flushPendingText() {
        if decoder.flush() { put(UTF8StreamDecoder.replacementCharacter) }
        joinsNext = false
    }

    /// REP (`CSI Ps b`): writes the last character again `count` times (at most a screenful, so a
    /// short sequence cannot make the emulator write millions of cells).
    func repeatLastGraphic(_ count: Int) {
        guard let character = lastGraphic else { return }
        for _ in 0..<min(count, rows * columns) { put(character) }
    }

    private func decode(_ byte: UInt8) {
        switch decoder.feed(byte) {
        case .pending:
            break
        case .scalar(let scalar):
            put(scalar)
        case .replacement:
            put(UTF8StreamDecoder.replacementCharacter)
        case .replacementThenRetry:
            put(UTF8StreamDecoder.replacementCharacter)
            decode(byte)
        }
    }

    /// Writes a run of printable ASCII in the current pen: the hot path.
    private func writeASCII(_ bytes: UnsafePointer<UInt8>, count: Int) {
        let pen = self.pen
        lastGraphic = UInt32(bytes[count - 1])
        joinsNext = false
        var index = 0
        while index < count {
            if pendingWrap { wrapToNextLine() }
            let line = grid.line(cursorRow)
            let take = min(columns - cursorColumn, count - index)
            if insertMode { grid.insertCells(row: cursorRow, column: cursorColumn, count: take, fill: pen.erased) }
            // Cells at or beyond the row's extent are default blanks: nothing to fix up there.
            let checked = min(grid.extent(row: cursorRow), cursorColumn + take)
            for column in cursorColumn..<max(checked, cursorColumn) where line[column].width != 1 || line[column].hasCluster {
                grid.prepareOverwrite(row: cursorRow, column: column)
            }
            let source = bytes + index - cursorColumn
            for column in cursorColumn..<(cursorColumn + take) {
                line[column] = StoredCell(scalar: UInt32(source[column]), style: pen, width: 1, hasCluster: false)
            }
            grid.noteWritten(row: cursorRow, upTo: cursorColumn + take)
            index += take
            let next = cursorColumn + take
            if next < columns {
                cursorColumn = next
            } else {
                cursorColumn = columns - 1
                if autowrap {
                    pendingWrap = true
                } else if index < count {
                    // Without autowrap every further character lands in the last column: only the last counts.
                    line[columns - 1] = StoredCell(scalar: UInt32(bytes[count - 1]), style: pen, width: 1, hasCluster: false)
                    index = count
                }
            }
        }
    }

    /// Writes one decoded scalar: charset mapping, width, combining marks, wide characters, wrapping.
    func put(_ decoded: UInt32) {
        let scalar = activeCharset.map(decoded)
        var width = CharacterWidth.of(scalar)
        if joinsNext {
            // The character after a ZERO WIDTH JOINER joins its cluster (`👨‍👩‍👧` is one emoji of the
            // width of its first, as a terminal draws it), leaving no cells of its own.
            joinsNext = false
            width = 0
        }
        if width == 0 {
            attachCombiningMark(scalar)
            joinsNext = scalar == Self.zeroWidthJoiner
            return
        }
        lastGraphic = decoded
        var value = scalar
        if width == 2 && columns < 2 {
            value = UTF8StreamDecoder.replacementCharacter
            width = 1
        }
        if pendingWrap { wrapToNextLine() }
        if width == 2 && cursorColumn + 2 > columns {
            if autowrap {
                grid.erase(row: cursorRow, columns: cursorColumn..<columns, style: pen.erased)
                wrapToNextLine()
            } else {
                cursorColumn = columns - 2
            }
        }
        if insertMode { grid.insertCells(row: cursorRow, column: cursorColumn, count: width, fill: pen.erased) }
        grid.prepareOverwrite(row: cursorRow, column: cursorColumn)
        let line = grid.line(cursorRow)
        grid.noteWritten(row: cursorRow, upTo: cursorColumn + width)
        line[cursorColumn] = StoredCell(scalar: value, style: pen, width: UInt8(width), hasCluster: false)
        if width == 2 {
            grid.prepareOverwrite(row: cursorRow, column: cursorColumn + 1)
            line[cursorColumn + 1] = StoredCell(scalar: StoredCell.space, style: pen, width: 0, hasCluster: false)
        }
        let next = cursorColumn + width
        if next < columns {
            cursorColumn = next
        } else {
            cursorColumn = columns - 1
            pendingWrap = autowrap
        }
    }

    /// Attaches a zero-width scalar to the character before the cursor; dropped at the start of a line.
    private func attachCombiningMark(_ scalar: UInt32) {
        var column = pendingWrap ? cursorColumn : cursorColumn - 1
        guard column >= 0, let mark = Unicode.Scalar(scalar) else { return }
        let line = grid.line(cursorRow)
        if line[column].width == 0, column > 0 { column -= 1 }
        let base = line[column]
        var text = base.hasCluster ? grid.cluster(row: cursorRow, column: column) ?? "" : ""
        if text.isEmpty, let baseScalar = Unicode.Scalar(base.scalar) { text = String(Character(baseScalar)) }
        guard text.unicodeScalars.count < Self.clusterScalarLimit else { return }
        text.unicodeScalars.append(mark)
        grid.setCluster(text, row: cursorRow, column: column)
    }

    /// Moves to the start of the next line, scrolling at the bottom of the region (autowrap).
    func wrapToNextLine() {
        grid.setWrapped(true, row: cursorRow)
        pendingWrap = false
        cursorColumn = 0
        lineFeed()
    }
}
