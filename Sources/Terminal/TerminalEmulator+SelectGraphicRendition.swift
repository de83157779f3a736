extension TerminalEmulator {
    /// SGR: attributes, 16/256/24-bit colours, in `;` or `:` (sub-parameter) form.
    func selectGraphicRendition(_ sequence: ControlSequence) {
        if sequence.argumentCount == 0 {
            pen = .plain
            return
        }
        var index = 0
        while index < sequence.argumentCount {
            let code = sequence.rawArgument(index) ?? 0
            let hasSubparameters = sequence.hasSubparameter(index)
            index += 1
            switch code {
            case 38, 48, 58:
                let color = extendedColor(sequence, at: &index, colonForm: hasSubparameters)
                if let color, code == 38 { pen.foreground = color }
                if let color, code == 48 { pen.background = color }
            default:
                if hasSubparameters {
                    // `4:x` underline styles: 4:0 is off, any other style is on; skip other sub-parameters.
                    let style = sequence.rawArgument(index) ?? 1
                    if code == 4 { setAttribute(.underline, style != 0) }
                    while index < sequence.argumentCount, sequence.hasSubparameter(index - 1) { index += 1 }
                } else {
                    apply(code)
                }
            }
        }
    }

    private func apply(_ code: Int) {
        switch code {
        case 0: pen = .plain
        case 1: setAttribute(.bold, true)
        case 2: setAttribute(.dim, true)
        case 3: setAttribute(.italic, true)
        case 4: setAttribute(.underline, true)
        case 5, 6: setAttribute(.blink, true)
        case 7: setAttribute(.reverse, true)
        case 8: setAttribute(.hidden, true)
        case 9: setAttribute(.strikethrough, true)
        case 21: setAttribute(.underline, true)
        case 22:
            setAttribute(.bold, false)
            setAttribute(.dim, false)
        case 23: setAttribute(.italic, false)
        case 24: setAttribute(.underline, false)
        case 25: setAttribute(.blink, false)
        case 27: setAttribute(.reverse, false)
        case 28: setAttribute(.hidden, false)
        case 29: setAttribute(.strikethrough, false)
        case 30...37: pen.foreground = PackedStyle.palette(UInt8(code - 30))
        case 39: pen.foreground = 0
        case 40...47: pen.background = PackedStyle.palette(UInt8(code - 40))
        case 49: pen.background = 0
        case 90...97: pen.foreground = PackedStyle.palette(UInt8(code - 90 + 8))
        case 100...107: pen.background = PackedStyle.palette(UInt8(code - 100 + 8))
        default: break
        }
    }

    private func setAttribute(_ attribute: CellAttributes, _ on: Bool) {
        var attributes = CellAttributes(rawValue: pen.attributes)
        if on { attributes.insert(attribute) } else { attributes.remove(attribute) }
        pen.attributes = attributes.rawValue
    }

    /// Reads the colour after 38/48/58: `5;n` or `2;r;g;b`, or in colon form `5:n`, `2:r:g:b`, `2:cs:r:g:b`.
    /// Advances `index` past what it read; returns nil for a malformed colour.
    private func extendedColor(_ sequence: ControlSequence, at index: inout Int, colonForm: Bool) -> UInt32? {
        if colonForm {
            var values: [Int?] = []
            var last = index - 1
            while last < sequence.argumentCount, sequence.hasSubparameter(last), values.count < 6 {
                last += 1
                values.append(sequence.rawArgument(last))
            }
            index = last + 1
            while index < sequence.argumentCount, sequence.hasSubparameter(index - 1) { index += 1 }
            guard let kind = values.first ?? nil else { return nil }
            if kind == 5 { return values.count >= 2 ? Self.paletteColor(values[1]) : nil }
            guard kind == 2, values.count >= 4 else { return nil }
            let rgb = values.suffix(3).map { UInt8(clamping: $0 ?? 0) }
            return PackedStyle.rgb(rgb[0], rgb[1], rgb[2])
        }
        guard let kind = sequence.rawArgument(index) else { return nil }
        switch kind {
        case 5:
            defer { index += 2 }
            return Self.paletteColor(sequence.rawArgument(index + 1))
        case 2:
            defer { index += 4 }
            guard index + 3 < sequence.argumentCount else { return nil }
            return PackedStyle.rgb(
                UInt8(clamping: sequence.rawArgument(index + 1) ?? 0),
                UInt8(clamping: sequence.rawArgument(index + 2) ?? 0),
                UInt8(clamping: sequence.rawArgument(index + 3) ?? 0)
            )
        default:
            index += 1
            return nil
        }
    }

    /// A 256-colour palette index, or nil when it is missing (`38;5m`) or out of range (`38;5;300m`):
    /// such a colour is ignored, as xterm ignores it, rather than read as black or colour 255.
    private static func paletteColor(_ index: Int?) -> UInt32? {
        guard let index, index <= 255 else { return nil }
        return PackedStyle.palette(UInt8(index))
    }
}
