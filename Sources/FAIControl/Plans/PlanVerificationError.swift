public import XenAPI

/// The record read back after applying a plan does not hold the planned values.
public struct PlanVerificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One parameter that differs: what was planned and what was read back.
    public struct Mismatch: Sendable, Hashable {
        /// The parameter.
        public var parameter: VMParameter
        /// The planned value.
        public var expected: String?
        /// The value read back.
        public var found: String?

        /// Creates a mismatch.
        public init(parameter: VMParameter, expected: String?, found: String?) {
            self.parameter = parameter
            self.expected = expected
            self.found = found
        }
    }

    /// Every differing parameter.
    public var mismatches: [Mismatch]

    public var description: String {
        let parts = mismatches.map {
            "\($0.parameter.xeName) is \(UndoRefusal.show($0.found)), expected \(UndoRefusal.show($0.expected))"
        }
        return "read-back check failed: " + parts.joined(separator: "; ")
    }

    /// Compares `record` with the plan's end state; `nil` when everything matches.
    public static func check(_ plan: ChangePlan, against record: VMRecord) -> PlanVerificationError? {
        let mismatches = plan.requested.compactMap { change -> Mismatch? in
            let found = change.parameter.value(in: record)
            return found == change.value ? nil : Mismatch(parameter: change.parameter, expected: change.value, found: found)
        }
        return mismatches.isEmpty ? nil : PlanVerificationError(mismatches: mismatches)
    }
}
