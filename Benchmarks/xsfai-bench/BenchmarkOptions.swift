/// A benchmark's `--name value` options.
struct BenchmarkOptions {
    private var values: [String: String] = [:]

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        while let name = remaining.popFirst() {
            guard name.hasPrefix("--"), let value = remaining.popFirst() else {
                throw UsageError(description: "expected --option value, got \(name)")
            }
            values[name] = value
        }
    }

    func value(_ name: String) -> String? { values[name] }

    func integer(_ name: String, default defaultValue: Int) throws -> Int {
        guard let text = values[name] else { return defaultValue }
        guard let number = Int(text) else { throw UsageError(description: "\(name) needs a number, got \(text)") }
        return number
    }
}
