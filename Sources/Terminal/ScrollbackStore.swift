/// Lines scrolled off the screen, packed into large shared byte chunks.
///
/// A line is stored as the UTF-8 of its characters (right halves of wide characters left out, trailing
/// default blanks trimmed unless it wrapped) followed by its style runs, 12 bytes each; combining marks
/// go to a side table. Appending copies those bytes to the end of the newest chunk; dropping the oldest
/// line only moves an index, and a chunk is freed once all its lines are gone. So scrolling costs
/// O(columns) per line with no allocation, and a 120-character plain line takes about 145 bytes.
final class ScrollbackStore {
    /// Where a line's bytes are.
    private struct Record {
        var chunk: Int
        var offset: Int32
        var textLength: Int32
        var runCount: Int32
        var wrapped: Bool
        var hasClusters: Bool
    }

    /// A block of line bytes.
    private struct Chunk {
        var bytes: UnsafeMutableRawPointer
        var capacity: Int
        var used = 0
        var liveLines = 0
    }

    /// A style that applies from `column` to the next run or the end of the line.
    private struct StyleRun {
        var column: Int
        var style: PackedStyle
    }

    private static let chunkSize = 1 << 20
    private static let runSize = 12

    /// Most lines kept; appending beyond drops the oldest.
    let capacity: Int
    private var records: [Record] = []
    private var head = 0
    private var chunks: [Chunk] = []
    private var firstChunk = 0
    /// Sequence number of the oldest line (lines ever appended before it were dropped).
    private var firstSequence = 0
    /// Combining marks by line sequence number, then (column, grapheme).
    private var clusters: [Int: [(column: Int, text: String)]] = [:]
    private var runScratch: [StyleRun] = []

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    deinit {
        for chunk in chunks { chunk.bytes.deallocate() }
    }

    var count: Int { records.count }

    /// Appends `count` cells as a line; returns whether the oldest line was dropped (always, with capacity 0).
    func append(cells: UnsafePointer<StoredCell>, count: Int, wrapped: Bool, cluster: (Int) -> String?) -> Bool {
        guard capacity > 0 else { return true }
        var length = count
        while !wrapped, length > 0, cells[length - 1].isPlainBlank { length -= 1 }
        let chunkIndex = reserve(length * (4 + Self.runSize))
        let base = chunks[chunkIndex].bytes + chunks[chunkIndex].used
        var offset = 0
        var current = PackedStyle.plain
        var lineClusters: [(column: Int, text: String)] = []
        runScratch.removeAll(keepingCapacity: true)
        for column in 0..<length {
            let cell = cells[column]
            if cell.style != current {
                current = cell.style
                runScratch.append(StyleRun(column: column, style: current))
            }
            if cell.hasCluster, let text = cluster(column) { lineClusters.append((column, text)) }
            guard cell.width != 0 else { continue }
            if cell.scalar < 0x80 {
                base.storeBytes(of: UInt8(truncatingIfNeeded: cell.scalar), toByteOffset: offset, as: UInt8.self)
                offset += 1
            } else {
                offset += Self.encode(cell.scalar, into: base + offset)
            }
        }
        let textLength = offset
        for run in runScratch {
            base.storeBytes(of: UInt16(truncatingIfNeeded: run.column), toByteOffset: offset, as: UInt16.self)
            base.storeBytes(of: run.style.foreground, toByteOffset: offset + 2, as: UInt32.self)
            base.storeBytes(of: run.style.background, toByteOffset: offset + 6, as: UInt32.self)
            base.storeBytes(of: run.style.attributes, toByteOffset: offset + 10, as: UInt16.self)
            offset += Self.runSize
        }
        let record = Record(
            chunk: firstChunk + chunkIndex,
            offset: Int32(chunks[chunkIndex].used),
            textLength: Int32(textLength),
            runCount: Int32(runScratch.count),
            wrapped: wrapped,
            hasClusters: !lineClusters.isEmpty
        )
        chunks[chunkIndex].used += offset
        chunks[chunkIndex].liveLines += 1
        // Sequence number of the new line; unchanged by dropping the oldest below.
        if record.hasClusters { clusters[firstSequence + records.count] = lineClusters }
        guard records.count == capacity else {
            records.append(record)
            return false
        }
        dropOldest()
        records[head] = record
        head = (head + 1) % capacity
        return true
    }

    /// Whether line `index` (0 = oldest) was continued on the next line by autowrap.
    func isWrapped(_ index: Int) -> Bool {
        records[(head + index) % records.count].wrapped
    }

    /// The cells of line `index` (0 = oldest), as many as were kept.
    func cells(_ index: Int) -> [Cell] {
        let record = records[(head + index) % records.count]
        let base = UnsafeRawPointer(chunks[record.chunk - firstChunk].bytes + Int(record.offset))
        let textLength = Int(record.textLength)
        let lineClusters = record.hasClusters ? clusters[firstSequence + index] ?? [] : []
        var runIndex = 0
        var clusterIndex = 0
        var style = CellStyle.plain
        var decoder = UTF8StreamDecoder()
        var result: [Cell] = []
        result.reserveCapacity(textLength)
        for byteOffset in 0..<textLength {
            guard case .scalar(let value) = decoder.feed(base.load(fromByteOffset: byteOffset, as: UInt8.self)) else { continue }
            let column = result.count
            while runIndex < Int(record.runCount) {
                let runOffset = textLength + runIndex * Self.runSize
                guard Int(base.loadUnaligned(fromByteOffset: runOffset, as: UInt16.self)) <= column else { break }
                style = PackedStyle(
                    foreground: base.loadUnaligned(fromByteOffset: runOffset + 2, as: UInt32.self),
                    background: base.loadUnaligned(fromByteOffset: runOffset + 6, as: UInt32.self),
                    attributes: base.loadUnaligned(fromByteOffset: runOffset + 10, as: UInt16.self)
                ).style
                runIndex += 1
            }
            var character = Character(Unicode.Scalar(value) ?? "\u{FFFD}")
            if clusterIndex < lineClusters.count, lineClusters[clusterIndex].column == column {
                character = Self.character(lineClusters[clusterIndex].text, fallback: character)
                clusterIndex += 1
            }
            let width = CharacterWidth.of(value)
            result.append(Cell(character: character, width: width, style: style))
            if width == 2 { result.append(Cell(character: " ", width: 0, style: style)) }
        }
        return result
    }

    /// `text` as one `Character` when it is a single grapheme, else `fallback`.
    static func character(_ text: String, fallback: Character) -> Character {
        text.count == 1 ? Character(text) : fallback
    }

    // MARK: Private

    /// Index (into `chunks`) of a chunk with at least `bytes` free, allocating one if needed.
    private func reserve(_ bytes: Int) -> Int {
        if let last = chunks.last, last.capacity - last.used >= bytes { return chunks.count - 1 }
        let size = max(Self.chunkSize, bytes)
        chunks.append(Chunk(bytes: .allocate(byteCount: size, alignment: 16), capacity: size))
        return chunks.count - 1
    }

    private func dropOldest() {
        let oldest = records[head]
        chunks[oldest.chunk - firstChunk].liveLines -= 1
        if oldest.hasClusters { clusters[firstSequence] = nil }
        firstSequence += 1
        while chunks.count > 1, chunks[0].liveLines == 0 {
            chunks[0].bytes.deallocate()
            chunks.removeFirst()
            firstChunk += 1
        }
    }

    /// Writes the UTF-8 of a non-ASCII scalar; returns its length.
    private static func encode(_ scalar: UInt32, into target: UnsafeMutableRawPointer) -> Int {
        func put(_ value: UInt32, _ index: Int) {
            target.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: index, as: UInt8.self)
        }
        switch scalar {
        case 0..<0x800:
            put(0xC0 | scalar >> 6, 0)
            put(0x80 | scalar & 0x3F, 1)
            return 2
        case 0x800..<0x1_0000:
            put(0xE0 | scalar >> 12, 0)
            put(0x80 | scalar >> 6 & 0x3F, 1)
            put(0x80 | scalar & 0x3F, 2)
            return 3
        default:
            put(0xF0 | scalar >> 18, 0)
            put(0x80 | scalar >> 12 & 0x3F, 1)
            put(0x80 | scalar >> 6 & 0x3F, 2)
            put(0x80 | scalar & 0x3F, 3)
            return 4
        }
    }
}
