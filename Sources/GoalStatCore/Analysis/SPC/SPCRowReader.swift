/// One good row of a `goalstat spc` CSV, as `SPCRowReader` hands it on.
struct SPCRow {
    /// The org unit (nil: none), spelt as in its first row of the run of rows that `unitRun` counts.
    var orgUnit: String?
    /// Counts the runs of consecutive good rows of one org unit: it changes exactly when the unit does.
    var unitRun: Int
    var period: Period
    /// The period as it was read.
    var label: String
    var value: Double
    var line: Int
}

/// Takes the good rows of a pass over the input, in file order.
protocol SPCRowConsumer {
    mutating func consume(_ row: SPCRow)
}

/// Reads the CSV of `goalstat spc` (`period,value[,org_unit]`) a chunk at a time: checks the header and each row as
/// `SPCInput.read` does, with the same messages, hands the good rows to a consumer and keeps the first issues.
/// It holds no rows; what it keeps across the file is the issues and a cache of the period texts seen.
struct SPCRowReader {
    private let calendar: FiscalCalendar
    private(set) var issues = SPCIssueList()

    private var headerCount = 0
    private var periodColumn = -1, valueColumn = -1, unitColumn = -1
    private var headerRead = false
    /// Set when the header lacks a column the rows need: the rest of the input is not read.
    private(set) var stopped = false
    /// The physical line the next chunk starts on.
    private var nextLine = 1

    /// Parsed periods by their text; few distinct texts recur on every row of a file.
    private var periodTable = ByteKeyTable(expectedCount: 256)
    private var periodEntries: [(period: Period, label: String)] = []
    private static let periodCacheLimit = 1 << 16
    private var lastPeriodIndex = -1

    /// The org unit of the last good row, and its bytes as written there, to spot a change without making a `String`.
    private var unit: String?
    private var unitBytes: [UInt8] = []
    private var unitRun = 0
    private var hasUnit = false

    init(calendar: FiscalCalendar) {
        self.calendar = calendar
    }

    /// Whether the header names an `org_unit` column (known once the header is read).
    private(set) var hasOrgUnitColumn = false

    /// Reads the whole records at the start of `chunk` (all of it when `isLast`), handing the good rows to `consumer`;
    /// returns how many bytes it read. The caller hands the rest again, followed by more of the input; a record longer
    /// than the chunk reads nothing, and the caller then hands a longer chunk.
    mutating func consume<Consumer: SPCRowConsumer>(
        _ chunk: UnsafeBufferPointer<UInt8>, isLast: Bool, into consumer: inout Consumer
    ) -> Int {
        if stopped { return chunk.count }
        var tokenizer = CSVTokenizer(bytes: chunk, line: nextLine, atStartOfFile: !headerRead)
        var fields: [CSVField] = []
        fields.reserveCapacity(4)
        if !headerRead {
            guard let header = tokenizer.nextRecord(into: &fields) else {
                if !isLast { return 0 }
                issues.append(ImportIssue(line: 1, column: nil, reason: "the input is empty: a header row period,value[,org_unit] is required"))
                stopped = true
                return chunk.count
            }
            if !isLast && !tokenizer.lastRecordEndedWithLineBreak { return 0 }
            headerRead = true
            readHeader(fields.map { Self.text($0, in: chunk) }, problem: header.problem, line: header.line)
            if stopped { return chunk.count }
        }
        while true {
            let before = tokenizer.state
            guard let record = tokenizer.nextRecord(into: &fields) else { break }
            if !isLast && !tokenizer.lastRecordEndedWithLineBreak {
                tokenizer.state = before
                break
            }
            if fields.count == 1, fields[0].isEmpty, !fields[0].quoted { continue }
            if let problem = record.problem {
                issues.append(ImportIssue(line: record.line, column: nil, reason: "malformed row: \(problem)"))
                continue
            }
            guard fields.count == headerCount else {
                issues.append(ImportIssue(line: record.line, column: nil, reason: "expected \(headerCount) fields, found \(fields.count)"))
                continue
            }
            if let row = readRow(fields, line: record.line, in: chunk) { consumer.consume(row) }
        }
        nextLine = tokenizer.state.line
        return tokenizer.state.position
    }

    private mutating func readHeader(_ names: [String], problem: CSVRecordProblem?, line: Int) {
        if let problem { issues.append(ImportIssue(line: line, column: nil, reason: "the header row is malformed: \(problem)")) }
        for name in names where !["period", "value", "org_unit"].contains(name) {
            issues.append(ImportIssue(line: 1, column: name, reason: "unknown column '\(name)': spc reads period, value and org_unit"))
        }
        guard let period = names.firstIndex(of: "period"), let value = names.firstIndex(of: "value") else {
            issues.append(ImportIssue(line: 1, column: nil, reason: "the header must name the columns period and value"))
            stopped = true
            return
        }
        headerCount = names.count
        periodColumn = period
        valueColumn = value
        unitColumn = names.firstIndex(of: "org_unit") ?? -1
        hasOrgUnitColumn = unitColumn >= 0
    }

    /// The row, or nil when it has issues (then reported).
    private mutating func readRow(_ fields: [CSVField], line: Int, in chunk: UnsafeBufferPointer<UInt8>) -> SPCRow? {
        var entry = Self.withBytes(of: fields[periodColumn], in: chunk) { period($0) }
        if entry == nil {
            // The message names the text as a `String` made of the bytes, as `SPCInput.read` reads it.
            let label = Self.text(fields[periodColumn], in: chunk)
            do {
                entry = (try Period.parse(label, calendar: calendar), label)
            } catch {
                issues.append(ImportIssue(line: line, column: "period", reason: error.message))
            }
        }
        let value: Double? = Self.withBytes(of: fields[valueColumn], in: chunk) { bytes in
            if case .number(let value) = DoubleParsing.parse(bytes) { return value }
            return nil
        }
        if value == nil {
            let text = Self.text(fields[valueColumn], in: chunk)
            issues.append(ImportIssue(line: line, column: "value", reason: "'\(text)' is not a number"))
        }
        guard let entry, let value else { return nil }
        if unitColumn >= 0 {
            Self.withBytes(of: fields[unitColumn], in: chunk) { noteUnit($0) }
        } else if !hasUnit {
            hasUnit = true
            unitRun += 1
        }
        return SPCRow(orgUnit: unit, unitRun: unitRun, period: entry.period, label: entry.label, value: value, line: line)
    }

    /// The period of `bytes` and its label, from the cache or parsed; nil when it is not a period.
    private mutating func period(_ bytes: UnsafeBufferPointer<UInt8>) -> (period: Period, label: String)? {
        // Each unit's rows tend to list the periods in the order the cache first saw them: try the next one first.
        let guess = lastPeriodIndex + 1
        if guess < periodEntries.count, periodTable.entry(guess, is: bytes) {
            lastPeriodIndex = guess
            return periodEntries[guess]
        }
        if let index = periodTable.index(of: bytes) {
            lastPeriodIndex = index
            return periodEntries[index]
        }
        guard case .success(let period) = Period.parse(utf8: bytes, frequency: nil, calendar: calendar) else { return nil }
        if periodEntries.count >= Self.periodCacheLimit {
            periodTable = ByteKeyTable(expectedCount: 256)
            periodEntries.removeAll(keepingCapacity: true)
        }
        let entry = (period, String(decoding: bytes, as: UTF8.self))
        lastPeriodIndex = periodTable.insert(bytes)
        periodEntries.append(entry)
        return entry
    }

    /// Notes the org unit of a good row: the same as the last one's (compared as `String`s, as the units are
    /// grouped by, when the bytes differ), or a new run.
    private mutating func noteUnit(_ bytes: UnsafeBufferPointer<UInt8>) {
        if hasUnit && unitBytes.withUnsafeBufferPointer({ ByteKeyTable.equal(bytes, $0) }) { return }
        let text = String(decoding: bytes, as: UTF8.self)
        let next: String? = text.isEmpty ? nil : text
        unitBytes.removeAll(keepingCapacity: true)
        unitBytes.append(contentsOf: bytes)
        if hasUnit && next == unit { return }
        hasUnit = true
        unit = next
        unitRun += 1
    }

    @inline(__always)
    private static func withBytes<Result>(
        of field: CSVField, in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        MeasurementsCSVReader.withBytes(of: field, in: bytes, body)
    }

    private static func text(_ field: CSVField, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        MeasurementsCSVReader.string(field, in: bytes)
    }
}
