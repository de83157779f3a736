/// A growable stack of values under construction, shared by every array (or struct) being decoded,
/// so each finished container is moved out into one exactly-sized array instead of growing its own
/// array by repeated reallocation. Elements are moved, never copied, so no extra retains happen.
final class DecodingStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements on the stack.
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        storage = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Pushes one element.
    func push(_ element: Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// Moves the elements from `start` to the top into a new array and pops them.
    func popArray(from start: Int) -> [Element] {
        let length = count - start
        guard length > 0 else { return [] }
        let source = storage + start
        count = start
        return [Element](unsafeUninitializedCapacity: length) { buffer, initialized in
            if let base = buffer.baseAddress { base.moveInitialize(from: source, count: length) }
            initialized = length
        }
    }

    /// Pops (and releases) the elements above the first `count`.
    func truncate(to newCount: Int) {
        guard newCount < count else { return }
        (storage + newCount).deinitialize(count: count - newCount)
        count = newCount
    }

    private func grow() {
        let newCapacity = capacity * 2
        let newStorage = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newStorage.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
