/// What a unit keeps of one of its rows until the unit is charted.
struct SPCUnitRow {
    var period: Period
    var label: String
    var value: Double
    var line: Int

    init(_ row: SPCRow) {
        period = row.period
        label = row.label
        value = row.value
        line = row.line
    }
}

/// One unit's rows made into its series, as `SPCInput.read` makes them: sorted by period, and a row with the same
/// period as an earlier row of the unit left out and reported.
enum SPCUnitRows {
    /// Sorts `rows` (one unit's, in file order) by period and moves those whose period an earlier row has past the
    /// others, reporting each in `issues`; returns how many rows are kept, at the start of `rows`.
    static func sortDroppingDuplicates(_ rows: inout ArraySlice<SPCUnitRow>, issues: inout SPCIssueList) -> Int {
        if zip(rows, rows.dropFirst()).allSatisfy({ $0.period < $1.period }) { return rows.count }
        // Rows are in file order, so ties on the line keep the first of equal periods first.
        rows.sort { $0.period < $1.period || ($0.period == $1.period && $0.line < $1.line) }
        var kept = rows.startIndex
        for index in rows.indices {
            if kept > rows.startIndex, rows[kept - 1].period == rows[index].period {
                issues.append(ImportIssue(
                    line: rows[index].line, column: "period", reason: "the same period as line \(rows[kept - 1].line)"
                ))
                continue
            }
            rows.swapAt(kept, index)
            kept += 1
        }
        return kept - rows.startIndex
    }

    /// The series of `rows`, already sorted and without duplicates.
    static func series(orgUnit: String?, _ rows: ArraySlice<SPCUnitRow>) -> SPCInput.Series {
        SPCInput.Series(orgUnit: orgUnit, labels: rows.map(\.label), periods: rows.map(\.period), values: rows.map(\.value))
    }
}
