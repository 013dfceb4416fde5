/// Order statistics shared by the robust trend and the link checks.
enum RobustStatistics {
    /// The median of `values` (the mean of the two middle values for an even count); nil when empty.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return medianOfSorted(values.sorted())
    }

    /// The median of values already sorted ascending; nil when empty.
    static func medianOfSorted(_ sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }

    /// Ranks 1…n of `values`, ties given the mean of the ranks they span (what Spearman's ρ needs).
    static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var first = 0
        while first < order.count {
            var last = first
            while last + 1 < order.count && values[order[last + 1]] == values[order[first]] { last += 1 }
            let shared = Double(first + last) / 2 + 1
            for k in first...last { ranks[order[k]] = shared }
            first = last + 1
        }
        return ranks
    }
}
