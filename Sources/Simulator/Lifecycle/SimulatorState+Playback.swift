import NIOCore

extension SimulatorState {
    /// Plays the next line(s) of a vt100 console's script to every attached client, or, when the
    /// script is over, carries out its ending (reboot or crash).
    mutating func advancePlayback(_ console: String) {
        guard var playback = playbacks[console] else { return }
        if playback.isFinished {
            finishScript(console, playback)
            return
        }
        let pace = configuration.linesPerSecond
        let remaining = playback.script.lines.count - playback.position
        let (count, interval): (Int, Double) =
            if pace <= 0 || pace >= 100_000 { (remaining, 0) } else if pace > 50 { (max(1, Int(pace * 0.02)), 0.02) } else { (1, 1 / pace) }
        let end = min(playback.script.lines.count, playback.position + count)
        let played = playback.script.lines[playback.position..<end]
        let bytes = played.flatMap { $0 }
        if var monitor = playback.monitor {
            let lines = played.flatMap { monitor.lines(for: String(decoding: $0, as: UTF8.self)) }
            playback.monitor = monitor
            if !lines.isEmpty { effects.append(.sendMonitor(server: monitor.server, port: monitor.port, lines: lines)) }
        }
        playback.position = end
        playbacks[console] = playback
        writeToClients(console, bytes)
        effects.append(.schedulePlayback(console: console, delay: interval))
    }

    private mutating func finishScript(_ console: String, _ playback: ConsolePlayback) {
        switch playback.script.ending {
        case .reboot:
            if playback.script.installsSystem { completeInstall(playback.vm, hostname: playback.script.hostname) }
            rebootVM(playback.vm)
        case .crash:
            haltVM(playback.vm)
        case .waitForReturn, .prompt, .silent:
            break
        }
    }

    /// Bytes typed by a console client: a RETURN at `Press <RETURN> to reboot.` continues the
    /// install's reboot; at a prompt the guest echoes input and lets root log in (``GuestLogin``); while the
    /// script is still playing input is ignored (as by a guest that is not reading).
    mutating func consoleInput(_ console: String, _ bytes: [UInt8]) {
        guard var playback = playbacks[console], playback.isFinished else { return }
        let isReturn = { (byte: UInt8) in byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") }
        switch playback.script.ending {
        case .waitForReturn(let continuation) where bytes.contains(where: isReturn):
            var lines = [Array("\r\n".utf8)]
            lines += ConsoleScript.transcript(continuation).lines
            playback.script.lines += lines
            playback.script.ending = .reboot
            playbacks[console] = playback
            effects.append(.schedulePlayback(console: console, delay: 0))
        case .prompt(let prompt):
            var guest = playback.guest
                ?? GuestLogin(prompt: prompt, hostname: playback.script.hostname, kernel: playback.script.kernelRelease)
            let echo = guest.input(bytes)
            playback.guest = guest
            playbacks[console] = playback
            writeToClients(console, echo)
        default:
            break
        }
    }

    mutating func writeToClients(_ console: String, _ bytes: [UInt8]) {
        guard !bytes.isEmpty, var clients = consoleClients[console], !clients.isEmpty else { return }
        effects.append(.write(clients.map(\.channel), bytes))
        guard let limit = faults.consoleRelayByteLimit else { return }
        for index in clients.indices { clients[index].relayedBytes += bytes.count }
        consoleClients[console] = clients.filter { $0.relayedBytes < limit }
        let spent = clients.filter { $0.relayedBytes >= limit }
        if !spent.isEmpty { effects.append(.close(spent.map(\.channel))) }
    }

    /// Detaches and closes every CONNECT client of the VM's consoles; returns how many there were.
    mutating func dropConsoleClients(of vm: String) -> Int {
        var channels: [any Channel] = []
        for console in refs(vmField(vm, "consoles")) {
            channels += (consoleClients.removeValue(forKey: console) ?? []).map(\.channel)
        }
        if !channels.isEmpty { effects.append(.close(channels)) }
        return channels.count
    }

    /// Attaches a CONNECT client to a console; returns its id for ``detachConsoleClient(_:from:)``.
    mutating func attachConsoleClient(_ channel: any Channel, to console: String) -> Int {
        nextClientID += 1
        consoleClients[console, default: []].append(ConsoleClient(id: nextClientID, channel: channel))
        return nextClientID
    }

    mutating func detachConsoleClient(_ id: Int, from console: String) {
        consoleClients[console]?.removeAll { $0.id == id }
    }
}
