// libFuzzer entry for the console emulator, built by `scripts/fuzz` together with Sources/Terminal.
// The property is the suite's (EmulatorFuzzTests): after the input the cursor is on the screen and
// the screen keeps its size.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTerminalEmulator(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let screen = TerminalSize(columns: 80, rows: 25)
    let terminal = TerminalEmulator(size: screen, scrollbackLimit: 100)
    terminal.feed(UnsafeRawBufferPointer(start: data, count: size))
    _ = terminal.takeReplies()
    let cursor = terminal.cursor
    precondition(terminal.size == screen, "size became \(terminal.size)")
    precondition((0..<screen.rows).contains(cursor.row) && (0..<screen.columns).contains(cursor.column), "cursor \(cursor)")
    return 0
}
