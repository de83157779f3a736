import Foundation

/// Seconds taken by `body`; its result is released only after the clock has stopped.
func measureSeconds<Result>(_ body: () throws -> Result) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = clock.now - start
    withExtendedLifetime(result) {}
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The median of `values` (the mean of the middle two for an even count); `values` is not empty.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// A figure with `digits` decimals.
func formatFigure(_ value: Double, digits: Int = 4) -> String {
    String(format: "%.\(digits)f", value)
}

/// Prints the figures as one JSON object on stdout; each value is already JSON text.
func printFigures(_ figures: [(name: String, json: String)]) {
    print("{" + figures.map { #""\#($0.name)":\#($0.json)"# }.joined(separator: ",") + "}")
}
