/// `goalstat spc` on an input of any length: the input is read a chunk at a time, once per pass, and memory holds a
/// chunk and one org unit's rows rather than the file (SPEC §8). The output is the same, byte for byte, as charting
/// `SPCInput.read` of the whole input.
///
/// A first pass checks every row, so that nothing is written when one is bad (as when the input was read whole), and
/// finds how the input is laid out:
/// - **grouped**: each unit's rows together, the units in order (as `goalstat export` and most extracts write them).
///   The next pass charts each unit as soon as its last row is read and writes it.
/// - **anything else**: a pass counts each unit's rows, then the units are taken in order in batches of at most
///   `batchRowLimit` rows, each batch gathered by a pass of its own, which also finds the duplicates, and again by
///   one more pass to write it (kept from the check instead when the whole input is one batch). Memory then holds a
///   batch's rows and an entry per distinct org unit, and the time grows with the number of batches: an input that
///   is not grouped costs passes, not memory.
///
/// JSON lists every group before any point, so the check also charts each unit it completes and holds its groups back
/// (up to `heldGroupsLimit` bytes, some 70,000 groups; past that a pass, or a pass per batch, of its own writes them).
public struct SPCStream<Source: SPCByteSource> {
    public var source: Source
    public let options: XmROptions
    public let rebaseAt: [Period]
    public let calendar: FiscalCalendar
    /// Bytes read from the source at a time.
    public var chunkSize = 4 << 20
    /// The rows a batch of an input that is not grouped may hold (about 50 bytes each).
    public var batchRowLimit = 2_000_000
    /// The bytes of JSON groups the check may hold back.
    public var heldGroupsLimit = 16 << 20

    /// How the input is laid out, once checked.
    enum Layout: Equatable {
        case grouped
        /// The org units (as `SPCCountPass` keys them) of each batch, in order, and their row counts.
        case batches([[String]], counts: [[Int]])
    }

    private(set) var layout: Layout?
    /// How many times the input was read, and the most bytes of it held at once (for the tests).
    private(set) var passCount = 0
    private(set) var largestPending = 0
    /// The only batch, kept from the check for the output.
    private var onlyBatch: SPCBatch?
    /// How many bad rows the first pass found: every later pass must find as many.
    private var rowIssueCount = 0

    /// A run over `source`, charting each unit with `options` and starting a new group at each of `rebaseAt`.
    public init(source: Source, options: XmROptions, rebaseAt: [Period] = [], calendar: FiscalCalendar = .federal) {
        self.source = source
        self.options = options
        self.rebaseAt = rebaseAt
        self.calendar = calendar
    }

    /// Checks the input, then writes the report in `format` to `sink`; when the input has bad rows or a rebase period
    /// no unit has, writes nothing and returns why.
    public mutating func write(
        _ format: SPCReportWriter.Format, to sink: @escaping ([UInt8]) -> Void
    ) throws -> Result<Void, SPCInputFailure> {
        let (rebaseAt, options, limit) = (rebaseAt, options, heldGroupsLimit)
        // JSON lists every group before any point: the check charts each unit it completes and holds its groups.
        var held: [UInt8] = []
        var holding = format == .json
        let hold: ([UInt8]) -> Void = { chunk in
            guard holding else { return }
            if held.count + chunk.count > limit {
                holding = false
                held = []
            } else {
                held += chunk
            }
        }
        var writer = SPCReportWriter(format: format, sink: hold)
        writer.start()
        let units = SPCCheckedUnits(
            series: { series in
                if holding { writer.write(groupsOf: Self.chart(series, rebaseAt: rebaseAt, options: options)) }
            },
            restart: {
                held = []
                writer = SPCReportWriter(format: format, sink: hold)
                writer.start()
            }
        )
        if case .failure(let failure) = try check(handing: holding ? units : nil) { return .failure(failure) }
        if holding { writer.flush() }
        if holding {
            sink(held)
            held = []
            writer.sink = sink
            writer.startPoints()
            try forEachSeries { writer.write(pointsOf: Self.chart($0, rebaseAt: rebaseAt, options: options)) }
            writer.finish()
            return .success(())
        }
        held = []
        writer = SPCReportWriter(format: format, sink: sink)
        writer.start()
        if writer.groupsFirst {
            try forEachSeries { writer.write(groupsOf: Self.chart($0, rebaseAt: rebaseAt, options: options)) }
            writer.startPoints()
            try forEachSeries { writer.write(pointsOf: Self.chart($0, rebaseAt: rebaseAt, options: options)) }
        } else {
            try forEachSeries { series in
                let unit = Self.chart(series, rebaseAt: rebaseAt, options: options)
                writer.write(groupsOf: unit)
                writer.write(pointsOf: unit)
            }
        }
        writer.finish()
        return .success(())
    }

    /// Checks the input, then charts every unit, in order, and returns them all (held whole: for small inputs).
    public mutating func charts() throws -> Result<[SPCReport.Unit], SPCInputFailure> {
        if case .failure(let failure) = try check(handing: nil) { return .failure(failure) }
        var units: [SPCReport.Unit] = []
        let (rebaseAt, options) = (rebaseAt, options)
        try forEachSeries { units.append(Self.chart($0, rebaseAt: rebaseAt, options: options)) }
        return .success(units)
    }

    /// One unit's chart.
    static func chart(_ series: SPCInput.Series, rebaseAt: [Period], options: XmROptions) -> SPCReport.Unit {
        let starts = XmRChart.rebaseStarts(periods: series.periods, rebaseAt: rebaseAt)
        return (series.orgUnit, series.labels, XmRChart.compute(values: series.values, rebaseStarts: starts, options: options))
    }

    // MARK: - Passes

    /// Reads the whole input: every row is checked, and the layout found. Each unit's series goes to `units` as
    /// soon as the check completes it, in order (whether or not a bad row was found before it).
    mutating func check(handing units: SPCCheckedUnits?) throws -> Result<Void, SPCInputFailure> {
        var first = SPCUnitRunPass(rebaseAt: rebaseAt, onSeries: units?.series)
        let reader = try read(into: &first)
        var issues = reader.issues
        rowIssueCount = issues.count
        if reader.stopped { return .failure(.rows(issues.first, count: issues.count)) }
        if first.grouped {
            issues.append(contentsOf: first.duplicates)
            layout = .grouped
        } else {
            // The units handed on so far were only those before the first out of order.
            units?.restart()
            var counting = SPCCountPass()
            _ = try read(into: &counting)
            let (batches, counts) = Self.batches(counting.counts, rowLimit: batchRowLimit)
            layout = .batches(batches, counts: counts)
            for (batchUnits, unitCounts) in zip(batches, counts) {
                // Rows with issues were counted by the first pass already; only the duplicates are new.
                let (batch, changed) = try gather(batchUnits, counts: unitCounts, duplicates: &issues)
                if changed { throw SPCStreamError.inputChanged }
                if let units { for index in batchUnits.indices { units.series(batch.series(index)) } }
                if batches.count == 1 { onlyBatch = batch }
            }
        }
        if !issues.isEmpty { return .failure(.rows(issues.first, count: issues.count)) }
        if let missing = rebaseAt.indices.first(where: { !first.rebaseSeen[$0] }) {
            return .failure(.rebaseNotInData(rebaseAt[missing]))
        }
        return .success(())
    }

    /// Hands each unit's series to `body`, in order, reading the input again as the layout needs.
    mutating func forEachSeries(_ body: (SPCInput.Series) -> Void) throws {
        switch layout {
        case nil:
            preconditionFailure("check the input first")
        case .grouped:
            try withoutActuallyEscaping(body) { body in
                var pass = SPCUnitRunPass(rebaseAt: [], onSeries: body)
                let reader = try read(into: &pass)
                guard reader.issues.isEmpty, pass.grouped, pass.duplicates.isEmpty else { throw SPCStreamError.inputChanged }
            }
        case .batches(let batches, let counts):
            for (units, unitCounts) in zip(batches, counts) {
                var batch: SPCBatch
                if let onlyBatch {
                    batch = onlyBatch
                } else {
                    var duplicates = SPCIssueList()
                    let changed: Bool
                    (batch, changed) = try gather(units, counts: unitCounts, duplicates: &duplicates)
                    guard !changed, duplicates.isEmpty else { throw SPCStreamError.inputChanged }
                }
                for index in units.indices { body(batch.series(index)) }
            }
        }
    }

    /// The rows of `units`, gathered by a pass, sorted and without duplicates (reported in `duplicates`), and whether
    /// the input is not what the first pass read (a bad row, or more rows of a unit than counted).
    private mutating func gather(
        _ units: [String], counts: [Int], duplicates: inout SPCIssueList
    ) throws -> (SPCBatch, changed: Bool) {
        var pass = SPCBatchPass(units: units, counts: counts)
        let reader = try read(into: &pass)
        var batch = pass.batch
        pass = SPCBatchPass(units: [], counts: []) // so that sorting does not copy the rows
        batch.sortDroppingDuplicates(issues: &duplicates)
        return (batch, pass.overflowed || reader.issues.count != rowIssueCount)
    }

    /// Consecutive units in order, as many as fit in `rowLimit` rows (a larger unit alone), and their row counts.
    static func batches(_ counts: [String: Int], rowLimit: Int) -> ([[String]], [[Int]]) {
        var batches: [[String]] = []
        var batchCounts: [[Int]] = []
        var rows = 0
        for unit in counts.keys.sorted() {
            let count = counts[unit, default: 0]
            if batches.isEmpty || (rows + count > rowLimit && !batches[batches.count - 1].isEmpty) {
                batches.append([])
                batchCounts.append([])
                rows = 0
            }
            batches[batches.count - 1].append(unit)
            batchCounts[batchCounts.count - 1].append(count)
            rows += count
        }
        return (batches, batchCounts)
    }

    /// One pass over the input, a chunk at a time.
    private mutating func read<Pass: SPCPass>(into pass: inout Pass) throws -> SPCRowReader {
        passCount += 1
        try source.rewind()
        var reader = SPCRowReader(calendar: calendar)
        var pending: [UInt8] = []
        pending.reserveCapacity(chunkSize)
        while true {
            let isLast = try source.read(into: &pending, upTo: chunkSize) == 0
            largestPending = max(largestPending, pending.count)
            let consumed = pending.withUnsafeBufferPointer { reader.consume($0, isLast: isLast, into: &pass) }
            pending.removeFirst(consumed)
            if isLast || reader.stopped { break }
        }
        pass.finishPass()
        return reader
    }
}

/// Takes the units a check completes, in order; `restart` says to forget those taken so far (the input turned out
/// not to be grouped, and its units will come again).
struct SPCCheckedUnits {
    var series: (SPCInput.Series) -> Void
    var restart: () -> Void
}

/// A streamed spc run that could not finish.
public enum SPCStreamError: Error, Equatable, CustomStringConvertible {
    /// A later pass read rows the first did not: the input was changed while it was read.
    case inputChanged

    public var description: String {
        "the input changed while it was read"
    }
}
