/// Numbers periods along one sequence that steps with `Period.next()` from the earliest of them.
struct PeriodSequence {
    private var positions: [Period: Int] = [:]

    init(_ periods: [Period]) {
        guard let first = periods.min(), let last = periods.max() else { return }
        var current = first
        var position = 0
        while current.start <= last.start {
            positions[current] = position
            current = current.next()
            position += 1
        }
    }

    /// The position of `period` on the sequence, or nil when it is not on it (a misaligned period).
    func position(of period: Period) -> Int? { positions[period] }

    /// First differences keyed by the later period's position: vₜ − vₜ₋₁ where both are present.
    /// A period given twice keeps its last value.
    func changes(_ series: [(Period, Double)]) -> [Int: Double] {
        var values: [Int: Double] = [:]
        for (period, value) in series {
            if let t = position(of: period) { values[t] = value }
        }
        var changes: [Int: Double] = [:]
        for (t, value) in values {
            if let previous = values[t - 1] { changes[t] = value - previous }
        }
        return changes
    }
}
