/// One pass over a measurements file: tokenizes it, checks every row against the catalog, and collects good rows and issues.
///
/// Works on the input bytes throughout: codes and periods are looked up in byte-keyed tables, periods are
/// parsed once per distinct (text, frequency), and a row's only allocations are its note and level, if any.
///
/// A file is read whole (`read()`) or a chunk at a time (`consume(_:isLast:)`): then only the good rows of the
/// chunk are held (`takeRows()`), and the issues, the duplicate table and the lookup tables, none of which grows
/// with the file's length.
struct MeasurementsCSVReader {
    private var bytes: UnsafeBufferPointer<UInt8>
    private let calendar: FiscalCalendar

    private var indicatorTable: ByteKeyTable
    private let indicatorCodes: [String]
    private let indicatorIndexByCode: [String: Int]
    private let indicatorFrequencies: [Frequency]
    private let indicatorLevels: [[String]?]
    private let indicatorLevelBytes: [[[UInt8]]]
    private let indicatorCatalog: [CatalogIndicator]
    private let catalog: MeasurementCatalog
    /// Each indicator's own org unit by its index in the org unit table, when the catalog names it.
    private let indicatorOwnUnits: [Int?]

    private var orgUnitTable: ByteKeyTable
    private let orgUnitCodes: [String]
    private let orgUnitIndexByCode: [String: Int]

    /// Parsed periods by text, one table per frequency and a fifth for rows whose indicator is unknown.
    private var periodTables: [ByteKeyTable]
    private var periodEntries: [[CachedPeriod]]

    private var duplicates = MeasurementKeyTable(expectedCount: 0)
    private var rows: [ParsedMeasurement] = []
    private var issues: [ImportIssue] = []
    private var issueCount = 0
    /// No issue found so far.
    var isClean: Bool { issueCount == 0 }

    /// The header's names by field index, and the field index of each known column (-1: absent).
    private var headerNames: [String] = []
    private var indicatorColumn = -1, periodColumn = -1, valueColumn = -1
    private var orgUnitColumn = -1, statusColumn = -1, noteColumn = -1, reasonColumn = -1

    /// The field and catalog index of the last indicator and org unit found: files list a series row after row,
    /// so comparing with the previous row's bytes usually spares a hash lookup.
    private var lastIndicator: (field: CSVField, index: Int)?
    private var lastOrgUnit: (field: CSVField, index: Int)?

    private enum CachedPeriod {
        /// A period with its first day and ordinal, as the duplicate table wants them.
        case period(Period, start: Int, ordinal: Int)
        case failure(PeriodError)
    }

    private static let statusBytes: [(MeasurementStatus, [UInt8])] = MeasurementStatus.allCases.map {
        ($0, Array($0.rawValue.utf8))
    }

    /// The physical line the next chunk starts on.
    private var nextLine = 1
    /// Whether the header has been read, and whether the rest of the file is to be skipped (it cannot be checked).
    private var headerRead = false
    private var stopped = false

    init(bytes: UnsafeBufferPointer<UInt8>, catalog: MeasurementCatalog) {
        self.init(catalog: catalog)
        self.bytes = bytes
    }

    /// A reader to be fed chunks of a file with `consume(_:isLast:)`.
    init(catalog: MeasurementCatalog) {
        bytes = UnsafeBufferPointer(start: nil, count: 0)
        calendar = catalog.calendar

        let indicators = catalog.indicators.sorted { $0.key < $1.key }
        indicatorTable = ByteKeyTable(expectedCount: indicators.count)
        for (code, _) in indicators { indicatorTable.insert(code) }
        indicatorCodes = indicators.map(\.key)
        indicatorIndexByCode = Dictionary(uniqueKeysWithValues: indicators.enumerated().map { ($1.key, $0) })
        indicatorFrequencies = indicators.map(\.value.frequency)
        indicatorLevels = indicators.map(\.value.levels)
        indicatorLevelBytes = indicators.map { ($0.value.levels ?? []).map { Array($0.utf8) } }
        indicatorCatalog = indicators.map(\.value)
        self.catalog = catalog

        let orgUnits = catalog.orgUnits.sorted()
        orgUnitTable = ByteKeyTable(expectedCount: orgUnits.count)
        for code in orgUnits { orgUnitTable.insert(code) }
        orgUnitCodes = orgUnits
        orgUnitIndexByCode = Dictionary(uniqueKeysWithValues: orgUnits.enumerated().map { ($1, $0) })
        indicatorOwnUnits = indicators.map { [orgUnitIndexByCode] entry in entry.value.orgUnit.flatMap { orgUnitIndexByCode[$0] } }

        periodTables = Array(repeating: ByteKeyTable(), count: Frequency.allCases.count + 1)
        periodEntries = Array(repeating: [], count: Frequency.allCases.count + 1)
    }

    mutating func read() -> MeasurementsCSVResult {
        let expectedRows = Self.estimatedRowCount(bytes)
        rows.reserveCapacity(expectedRows)
        _ = consume(bytes, isLast: true)
        return result
    }

    /// Reads the whole records at the start of `chunk` (all of it when `isLast`), keeping the good rows for
    /// `takeRows()`; returns how many bytes it read. The caller hands the rest again, followed by more of the file.
    /// A header or record longer than the chunk reads nothing: the caller then hands a longer chunk.
    mutating func consume(_ chunk: UnsafeBufferPointer<UInt8>, isLast: Bool) -> Int {
        bytes = chunk
        // The remembered fields point into the previous chunk.
        lastIndicator = nil
        lastOrgUnit = nil
        if stopped { return chunk.count }
        var tokenizer = CSVTokenizer(bytes: chunk, line: nextLine, atStartOfFile: !headerRead)
        var fields: [CSVField] = []
        fields.reserveCapacity(8)

        if !headerRead {
            if chunk.count < 3 && !isLast { return 0 }
            if chunk.count >= 2 && ((chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF)) {
                report(line: 1, column: nil, "the file is UTF-16; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)")
                stopped = true
                return chunk.count
            }
            guard let header = tokenizer.nextRecord(into: &fields) else {
                if !isLast { return 0 } // only a byte-order mark so far
                report(line: 1, column: nil, "the file is empty; it needs a header row such as indicator,period,value")
                stopped = true
                return chunk.count
            }
            if !isLast && !tokenizer.lastRecordEndedWithLineBreak { return 0 }
            headerRead = true
            guard readHeader(fields, problem: header.problem) else {
                stopped = true
                return chunk.count
            }
        }

        let headerCount = headerNames.count
        while true {
            let before = tokenizer.state
            guard let record = tokenizer.nextRecord(into: &fields) else { break }
            if !isLast && !tokenizer.lastRecordEndedWithLineBreak {
                tokenizer.state = before
                break
            }
            if let problem = record.problem {
                reportQuoting(problem, line: record.line)
                continue
            }
            if fields.allSatisfy({ $0.isEmpty && !$0.quoted }) { continue } // a blank line, or a spreadsheet's ",,,"
            guard fields.count == headerCount else {
                let fieldCount = fields.count
                let hint = fieldCount > headerCount ? " (a value with a comma in it must be in double quotes)" : ""
                report(
                    line: record.line, column: nil,
                    "this row has \(fieldCount) fields, but the header has \(headerCount)\(hint)"
                )
                continue
            }
            readRow(fields, line: record.line)
        }
        nextLine = tokenizer.state.line
        return tokenizer.state.position
    }

    /// The good rows read since the last call, in file order.
    mutating func takeRows() -> [ParsedMeasurement] {
        let taken = rows
        rows = []
        rows.reserveCapacity(taken.count)
        return taken
    }

    /// The rows not yet taken, and every issue so far.
    var result: MeasurementsCSVResult {
        MeasurementsCSVResult(rows: rows, issues: issues, issueCount: issueCount)
    }

    // MARK: - Header

    /// Reads the header's column names; false when rows cannot be checked (a required column is missing).
    private mutating func readHeader(_ fields: [CSVField], problem: CSVRecordProblem?) -> Bool {
        if let problem {
            reportQuoting(problem, line: 1)
            return false
        }
        var seen: [MeasurementsCSV.Column: Int] = [:]
        for (index, field) in fields.enumerated() {
            let name = Self.string(field, in: bytes)
            headerNames.append(name)
            if name.isEmpty {
                report(line: 1, column: nil, "column \(index + 1) of the header has no name")
                continue
            }
            guard let column = MeasurementsCSV.Column(rawValue: name) else {
                report(line: 1, column: name, Self.unknownColumnReason(name))
                continue
            }
            if let previous = seen[column] {
                report(line: 1, column: name, "the header names \(name) twice (columns \(previous + 1) and \(index + 1))")
                continue
            }
            seen[column] = index
        }
        for column in MeasurementsCSV.Column.allCases where column.isRequired && seen[column] == nil {
            report(
                line: 1, column: column.rawValue,
                "the header has no \(column.rawValue) column; indicator, period and value are required"
            )
        }
        indicatorColumn = seen[.indicator] ?? -1
        periodColumn = seen[.period] ?? -1
        valueColumn = seen[.value] ?? -1
        orgUnitColumn = seen[.orgUnit] ?? -1
        statusColumn = seen[.status] ?? -1
        noteColumn = seen[.note] ?? -1
        reasonColumn = seen[.reason] ?? -1
        return indicatorColumn >= 0 && periodColumn >= 0 && valueColumn >= 0
    }

    // MARK: - Rows

    private mutating func readRow(_ fields: [CSVField], line: Int) {
        let issuesBefore = issueCount
        let bytes = bytes

        // indicator
        var indicator: Int?
        let indicatorField = fields[indicatorColumn]
        if indicatorField.isEmpty {
            report(line: line, column: .indicator, "the indicator is empty")
        } else {
            if let last = lastIndicator, Self.sameBytes(last.field, indicatorField, in: bytes) {
                indicator = last.index
            } else {
                indicator = Self.withBytes(of: indicatorField, in: bytes) { indicatorIndex($0) }
                if let indicator { lastIndicator = (indicatorField, indicator) }
            }
            if indicator == nil {
                let code = Self.string(indicatorField, in: bytes)
                report(line: line, column: .indicator, "unknown indicator \(Self.quoted(code))")
            }
        }
        let frequency = indicator.map { indicatorFrequencies[$0] }

        // period
        var period: Period?
        var periodStart = 0, periodOrdinal = 0
        let periodField = fields[periodColumn]
        if periodField.isEmpty {
            report(line: line, column: .period, "the period is empty")
        } else {
            switch Self.withBytes(of: periodField, in: bytes, { cachedPeriod($0, frequency: frequency) }) {
            case .period(let parsed, let start, let ordinal):
                period = parsed
                periodStart = start
                periodOrdinal = ordinal
            case .failure(let error):
                report(line: line, column: .period, error.message)
            }
        }

        // status, read before the value, which depends on it, but reported in column order
        var status = MeasurementStatus.final
        var statusIsKnown = true
        if statusColumn >= 0, !fields[statusColumn].isEmpty {
            if let known = Self.withBytes(of: fields[statusColumn], in: bytes, Self.status) {
                status = known
            } else {
                statusIsKnown = false
            }
        }

        // value
        var value: Double?
        var level: String?
        let valueField = fields[valueColumn]
        if status == .missing {
            if !valueField.isEmpty {
                report(
                    line: line, column: .value,
                    "the status is missing, so the value must be empty (it is \(Self.quoted(Self.string(valueField, in: bytes))))"
                )
            }
        } else if valueField.isEmpty {
            if statusIsKnown {
                report(line: line, column: .value, "the value is empty; leave it empty only when the status is missing")
            }
        } else if let indicator {
            if let levels = indicatorLevels[indicator] {
                let code = indicatorCodes[indicator]
                level = Self.withBytes(of: valueField, in: bytes) { matchLevel($0, indicator: indicator) }
                if level == nil {
                    report(
                        line: line, column: .value,
                        "\(Self.quoted(Self.string(valueField, in: bytes))) is not a level of \(code); "
                            + "use one of \(levels.map(Self.quoted).joined(separator: ", "))"
                    )
                }
            } else {
                switch Self.withBytes(of: valueField, in: bytes, DoubleParsing.parse) {
                case .number(let number):
                    value = number
                    if let problem = indicatorCatalog[indicator].rangeProblem(number, code: indicatorCodes[indicator]) {
                        report(line: line, column: .value, problem)
                    }
                case .problem(let problem):
                    report(line: line, column: .value, Self.valueReason(problem, Self.string(valueField, in: bytes)))
                }
            }
        }

        // org unit
        var orgUnit: Int?
        var orgUnitIsKnown = true
        if orgUnitColumn >= 0, case let orgUnitField = fields[orgUnitColumn], !orgUnitField.isEmpty {
            if let last = lastOrgUnit, Self.sameBytes(last.field, orgUnitField, in: bytes) {
                orgUnit = last.index
            } else {
                orgUnit = Self.withBytes(of: orgUnitField, in: bytes) { orgUnitIndex($0) }
                if let orgUnit { lastOrgUnit = (orgUnitField, orgUnit) }
            }
            if orgUnit == nil {
                orgUnitIsKnown = false
                let code = Self.string(orgUnitField, in: bytes)
                report(line: line, column: .orgUnit, "unknown org unit \(Self.quoted(code))")
            }
        }

        if !statusIsKnown {
            let text = Self.string(fields[statusColumn], in: bytes)
            report(
                line: line, column: .status,
                "unknown status \(Self.quoted(text)); use final, provisional, estimated or missing"
            )
        }

        let note = longText(fields, at: noteColumn, column: .note, line: line)
        let reason = longText(fields, at: reasonColumn, column: .reason, line: line)

        if let indicator, let period, orgUnitIsKnown {
            let namesOwnUnit = orgUnit != nil && orgUnit == indicatorOwnUnits[indicator]
            let series = MeasurementKeyTable.series(indicator: indicator, orgUnit: namesOwnUnit ? nil : orgUnit, granularity: period.granularity)
            if let firstLine = duplicates.insert(series: series, start: periodStart, ordinal: periodOrdinal, line: line) {
                if namesOwnUnit {
                    report(line: line, column: .orgUnit, "duplicate of line \(firstLine): the indicator's own unit is the total")
                } else {
                    report(
                        line: line, column: nil,
                        "duplicate of line \(firstLine): the same indicator, period and org unit appear on both lines"
                    )
                }
            }
        }

        guard issueCount == issuesBefore, let indicator, let period else { return }
        let standing = catalog.standing(status, of: period)
        var row = ParsedMeasurement(
            line: line, indicator: indicatorCodes[indicator], period: period, orgUnit: orgUnit.map { orgUnitCodes[$0] },
            value: value, level: level, status: standing.status, note: note
        )
        row.heldProvisional = standing.held
        row.reason = reason
        rows.append(row)
    }

    /// The free text of an optional column (`note`, `reason`): nil when the column is absent or the field empty; a
    /// text that is not UTF-8 or breaks the text rules is reported in that column's name.
    private mutating func longText(_ fields: [CSVField], at index: Int, column: MeasurementsCSV.Column, line: Int) -> String? {
        guard index >= 0, !fields[index].isEmpty else { return nil }
        switch Self.withBytes(of: fields[index], in: bytes, Self.checkedNote) {
        case .success(let text): return text
        case .failure(.notUTF8): report(line: line, column: column, "the \(column.rawValue) is not valid UTF-8; save the file as UTF-8")
        case .failure(.text(let problem)): report(line: line, column: column, "the \(column.rawValue) \(problem.message)")
        }
        return nil
    }

    // MARK: - Lookups

    private func indicatorIndex(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        if let index = indicatorTable.index(of: key) { return index }
        // Swift compares strings by canonical equivalence; honour that for the rare non-ASCII code.
        return Self.hasNonASCII(key) ? Self.validString(key).flatMap { indicatorIndexByCode[$0] } : nil
    }

    private func orgUnitIndex(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        if let index = orgUnitTable.index(of: key) { return index }
        return Self.hasNonASCII(key) ? Self.validString(key).flatMap { orgUnitIndexByCode[$0] } : nil
    }

    private func matchLevel(_ key: UnsafeBufferPointer<UInt8>, indicator: Int) -> String? {
        let levels = indicatorLevels[indicator] ?? []
        for (index, levelBytes) in indicatorLevelBytes[indicator].enumerated() where levelBytes.elementsEqual(key) {
            return levels[index]
        }
        guard Self.hasNonASCII(key), let text = Self.validString(key) else { return nil }
        return levels.first { $0 == text }
    }

    private mutating func cachedPeriod(_ key: UnsafeBufferPointer<UInt8>, frequency: Frequency?) -> CachedPeriod {
        let table = frequency.map { Frequency.allCases.firstIndex(of: $0)! } ?? Frequency.allCases.count
        if let index = periodTables[table].index(of: key) { return periodEntries[table][index] }
        let entry: CachedPeriod
        switch Period.parse(utf8: key, frequency: frequency, calendar: calendar) {
        case .success(let period):
            let start = period.start.daysSinceEpoch
            let ordinal = MeasurementKeyTable.ordinal(start: start, granularity: period.granularity)
            entry = .period(period, start: start, ordinal: ordinal)
        case .failure(let reason):
            entry = .failure(PeriodError(text: String(decoding: key, as: UTF8.self), reason: reason))
        }
        periodTables[table].insert(key)
        periodEntries[table].append(entry)
        return entry
    }

    private static func status(_ key: UnsafeBufferPointer<UInt8>) -> MeasurementStatus? {
        statusBytes.first { $0.1.elementsEqual(key) }?.0
    }

    // MARK: - Issues

    private mutating func report(line: Int, column: MeasurementsCSV.Column, _ reason: @autoclosure () -> String) {
        report(line: line, column: column.rawValue, reason())
    }

    private mutating func report(line: Int, column: String?, _ reason: @autoclosure () -> String) {
        issueCount += 1
        if issues.count < MeasurementsCSV.maximumIssues {
            issues.append(ImportIssue(line: line, column: column, reason: reason()))
        }
    }

    private mutating func reportQuoting(_ problem: CSVRecordProblem, line: Int) {
        let field = problem.field
        let column = field < headerNames.count && !headerNames[field].isEmpty ? headerNames[field] : nil
        report(line: line, column: column, Self.quotingReason(problem))
    }
}
