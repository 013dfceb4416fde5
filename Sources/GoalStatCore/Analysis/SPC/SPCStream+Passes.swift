/// The passes of an `SPCStream` over its input: what each keeps of the rows it is handed.
protocol SPCPass: SPCRowConsumer {
    /// Called once the last row is in.
    mutating func finishPass()
}

/// The rows of each unit, as long as each unit's rows come together and the units in order; once they do not,
/// `grouped` is false and the rows are no longer kept. Also notes which rebase periods some row has.
struct SPCUnitRunPass: SPCPass {
    private let rebaseAt: [Period]
    private(set) var rebaseSeen: [Bool]
    /// Takes each unit's series as soon as the unit is complete (its rows sorted, its duplicates left out).
    var onSeries: ((SPCInput.Series) -> Void)?
    private(set) var grouped = true
    /// The rows left out of the series for having a period an earlier row of the unit has.
    private(set) var duplicates = SPCIssueList()
    private var orgUnit: String?
    private var rows: [SPCUnitRow] = []
    private var run = 0

    init(rebaseAt: [Period], onSeries: ((SPCInput.Series) -> Void)?) {
        self.rebaseAt = rebaseAt
        rebaseSeen = Array(repeating: false, count: rebaseAt.count)
        self.onSeries = onSeries
    }

    mutating func consume(_ row: SPCRow) {
        for index in rebaseAt.indices where rebaseAt[index] == row.period { rebaseSeen[index] = true }
        guard grouped else { return }
        if row.unitRun != run {
            if run != 0 {
                guard (orgUnit ?? "") < (row.orgUnit ?? "") else {
                    grouped = false
                    rows = []
                    return
                }
                finishUnit()
            }
            run = row.unitRun
            orgUnit = row.orgUnit
            rows.removeAll(keepingCapacity: true)
        }
        rows.append(SPCUnitRow(row))
    }

    mutating func finishPass() {
        if grouped && run != 0 { finishUnit() }
    }

    private mutating func finishUnit() {
        let kept = SPCUnitRows.sortDroppingDuplicates(&rows[...], issues: &duplicates)
        onSeries?(SPCUnitRows.series(orgUnit: orgUnit, rows[..<kept]))
    }
}

/// The number of rows of each unit, keyed by org unit (`""` for none) as the units are ordered and told apart.
struct SPCCountPass: SPCPass {
    private(set) var counts: [String: Int] = [:]
    private var run = 0
    private var unit = ""
    private var rows = 0

    mutating func consume(_ row: SPCRow) {
        if row.unitRun != run {
            addRun()
            run = row.unitRun
            unit = row.orgUnit ?? ""
        }
        rows += 1
    }

    mutating func finishPass() {
        addRun()
    }

    private mutating func addRun() {
        if run != 0 { counts[unit, default: 0] += rows }
        rows = 0
    }
}

/// The rows of the units of one batch (keys as `SPCCountPass` made them, with their row counts), wherever they are
/// in the input: each row goes straight to its place among its unit's rows, which lie together in file order.
struct SPCBatchPass: SPCPass {
    private let slots: [String: Int]
    private(set) var batch: SPCBatch
    private var filled: [Int]
    private var run = 0
    private var slot = -1
    /// Set when a unit has more rows than counted: the input changed since.
    private(set) var overflowed = false

    init(units: [String], counts: [Int]) {
        slots = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1, $0) })
        batch = SPCBatch(units: units, counts: counts)
        filled = Array(repeating: 0, count: units.count)
    }

    mutating func consume(_ row: SPCRow) {
        if row.unitRun != run {
            run = row.unitRun
            slot = slots[row.orgUnit ?? ""] ?? -1
        }
        guard slot >= 0 else { return }
        let index = batch.starts[slot] + filled[slot]
        guard index < batch.starts[slot + 1] else {
            overflowed = true
            return
        }
        batch.rows[index] = SPCUnitRow(row)
        filled[slot] += 1
    }

    mutating func finishPass() {
        if filled != batch.counts { overflowed = true }
    }
}

/// The rows of a batch of units, each unit's together: `rows[starts[i]..<starts[i + 1]]` for unit `i`.
struct SPCBatch {
    let units: [String]
    fileprivate(set) var starts: [Int]
    fileprivate(set) var rows: [SPCUnitRow]
    /// How many of each unit's rows are kept once sorted (the duplicates left out).
    private(set) var kept: [Int]

    var counts: [Int] { zip(starts, starts.dropFirst()).map { $1 - $0 } }

    init(units: [String], counts: [Int]) {
        self.units = units
        starts = counts.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1) }
        let placeholder = SPCUnitRow(SPCRow(
            orgUnit: nil, unitRun: 0, period: .month(year: 2000, month: 1), label: "", value: 0, line: 0
        ))
        rows = Array(repeating: placeholder, count: starts[starts.count - 1])
        kept = counts
    }

    /// Sorts each unit's rows and leaves out its duplicates, reported in `issues`.
    mutating func sortDroppingDuplicates(issues: inout SPCIssueList) {
        for unit in units.indices {
            kept[unit] = SPCUnitRows.sortDroppingDuplicates(&rows[starts[unit]..<starts[unit + 1]], issues: &issues)
        }
    }

    /// The series of unit `index`, once sorted.
    func series(_ index: Int) -> SPCInput.Series {
        let unit = units[index]
        return SPCUnitRows.series(orgUnit: unit.isEmpty ? nil : unit, rows[starts[index]..<(starts[index] + kept[index])])
    }
}
