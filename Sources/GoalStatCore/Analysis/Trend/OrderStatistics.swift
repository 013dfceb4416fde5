/// The k-th smallest value without a full sort (Hoare's quickselect): Theil–Sen needs only four order statistics of
/// n(n−1)/2 slopes, and selecting them is linear where sorting is n log n — the difference between 0.1 s and 2 s for
/// 10,000 indicators of 120 points.
enum OrderStatistics {
    /// Rearranges `values` within `range` so that `values[k]` is the value a sort would put there, everything
    /// before it no larger and everything after it no smaller.
    static func select(_ values: inout [Double], _ k: Int, in range: Range<Int>) {
        var low = range.lowerBound
        var high = range.upperBound - 1
        while low < high {
            let middle = low + (high - low) / 2
            // Median of three as the pivot keeps sorted and reversed input linear.
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return
            }
        }
    }

    /// The values at the given sorted positions (each in `0..<values.count`), selecting rather than sorting.
    static func values(at positions: [Int], of input: [Double]) -> [Double] {
        var values = input
        var done: [(position: Int, value: Double)] = []
        for position in Set(positions).sorted() {
            // Positions are selected in increasing order, each within the part not yet fixed by the previous one.
            let start = done.last.map { $0.position + 1 } ?? 0
            select(&values, position, in: start..<values.count)
            done.append((position, values[position]))
        }
        return positions.map { position in done.first { $0.position == position }!.value }
    }
}
