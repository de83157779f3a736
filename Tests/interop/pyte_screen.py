#!/usr/bin/env python3
"""The reference screen for xsfai's console differential test (Tests/TerminalTests/DifferentialTests).

Usage: pyte_screen.py STREAMS_JSON COLUMNS ROWS

STREAMS_JSON is a JSON list of base64 byte streams. Each goes through a fresh pyte screen
(`pip install pyte`, a VT100/xterm emulator in Python) of COLUMNS x ROWS; prints a JSON list with,
per stream, its screen lines (trailing blanks trimmed) and its cursor as [row, column]. pyte leaves
the cursor one past the last column after a write there (xterm keeps it on the last column with a
pending wrap), so the column is clamped to the screen.

Lines are read from pyte's cells rather than `Screen.display`, which fails on a wide character whose
right half was overwritten. pyte keeps such a half character; xterm (and xsfai) blank it, and so
does this rendering: a wide character without its right half, or a right half without its wide
character, shows as a space.
"""
import base64
import json
import sys

import pyte
from wcwidth import wcwidth


def render(line, columns):
    text = []
    column = 0
    while column < columns:
        character = line[column].data
        wide = character != "" and wcwidth(character[0]) == 2
        if wide:
            has_right_half = column + 1 < columns and line[column + 1].data == ""
            text.append(character if has_right_half else " ")
            column += 2 if has_right_half else 1
        else:
            text.append(character if character != "" else " ")
            column += 1
    return "".join(text)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: pyte_screen.py STREAMS_JSON COLUMNS ROWS")
    with open(sys.argv[1]) as streams_file:
        streams = json.load(streams_file)
    columns, rows = int(sys.argv[2]), int(sys.argv[3])
    screens = []
    for encoded in streams:
        screen = pyte.Screen(columns, rows)
        pyte.ByteStream(screen).feed(base64.b64decode(encoded))
        screens.append({
            "lines": [render(screen.buffer[row], columns).rstrip() for row in range(rows)],
            "cursor": [screen.cursor.y, min(screen.cursor.x, columns - 1)],
        })
    json.dump(screens, sys.stdout)


if __name__ == "__main__":
    main()
