/// The input of `goalstat spc`: a CSV with `period,value` and optionally `org_unit`, one chart per unit,
/// each unit's points sorted by period and printed as they were read.
///
/// `read` takes the whole input at once; the command reads it as a stream with `SPCStream`, whose output the tests
/// compare with charting this.
public struct SPCInput: Sendable {
    /// One unit's series, sorted by period.
    public struct Series: Sendable {
        public var orgUnit: String?
        public var labels: [String]
        public var periods: [Period]
        public var values: [Double]
    }

    public var series: [Series]
    public var hasOrgUnitColumn: Bool

    /// Reads the CSV; every bad row is reported with its line and column.
    public static func read(_ bytes: [UInt8], calendar: FiscalCalendar = .federal) -> Result<SPCInput, EntryIssues> {
        bytes.withUnsafeBufferPointer { read(buffer: $0, calendar: calendar) }
    }

    private static func read(buffer: UnsafeBufferPointer<UInt8>, calendar: FiscalCalendar) -> Result<SPCInput, EntryIssues> {
        var tokenizer = CSVTokenizer(bytes: buffer)
        var fields: [CSVField] = []
        var issues: [ImportIssue] = []
        func text(_ field: CSVField) -> String { String(decoding: CSVTokenizer.unescapedBytes(of: field, in: buffer), as: UTF8.self) }
        guard let header = tokenizer.nextRecord(into: &fields) else {
            return .failure(EntryIssues(issues: [ImportIssue(line: 1, column: nil, reason: "the input is empty: a header row period,value[,org_unit] is required")]))
        }
        let names = fields.map(text)
        if let problem = header.problem { issues.append(ImportIssue(line: header.line, column: nil, reason: "the header row is malformed: \(problem)")) }
        for name in names where !["period", "value", "org_unit"].contains(name) {
            issues.append(ImportIssue(line: 1, column: name, reason: "unknown column '\(name)': spc reads period, value and org_unit"))
        }
        guard let periodIndex = names.firstIndex(of: "period"), let valueIndex = names.firstIndex(of: "value") else {
            issues.append(ImportIssue(line: 1, column: nil, reason: "the header must name the columns period and value"))
            return .failure(EntryIssues(issues: issues))
        }
        let unitIndex = names.firstIndex(of: "org_unit")
        var rows: [(unit: String?, label: String, period: Period, value: Double, line: Int)] = []
        var seen: [String: Int] = [:]
        while let record = tokenizer.nextRecord(into: &fields) {
            if fields.count == 1, fields[0].isEmpty, !fields[0].quoted { continue }
            if let problem = record.problem {
                issues.append(ImportIssue(line: record.line, column: nil, reason: "malformed row: \(problem)"))
                continue
            }
            guard fields.count == names.count else {
                issues.append(ImportIssue(line: record.line, column: nil, reason: "expected \(names.count) fields, found \(fields.count)"))
                continue
            }
            let label = text(fields[periodIndex])
            let unit = unitIndex.map { text(fields[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
            var period: Period?
            do {
                period = try Period.parse(label, calendar: calendar)
            } catch {
                issues.append(ImportIssue(line: record.line, column: "period", reason: error.message))
            }
            let valueText = text(fields[valueIndex])
            let value = DecimalText.value(valueText)
            if value == nil {
                issues.append(ImportIssue(line: record.line, column: "value", reason: "'\(valueText)' is not a number"))
            }
            guard let period, let value else { continue }
            let key = "\(unit ?? "")|\(period.start)|\(period.end)"
            if let first = seen[key] {
                issues.append(ImportIssue(line: record.line, column: "period", reason: "the same period as line \(first)"))
                continue
            }
            seen[key] = record.line
            rows.append((unit, label, period, value, record.line))
        }
        guard issues.isEmpty else { return .failure(EntryIssues(issues: issues)) }
        let grouped = Dictionary(grouping: rows) { $0.unit ?? "" }
        let series = grouped.keys.sorted().map { key in
            let sorted = grouped[key]!.sorted { $0.period < $1.period }
            return Series(orgUnit: key.isEmpty ? nil : key, labels: sorted.map(\.label), periods: sorted.map(\.period), values: sorted.map(\.value))
        }
        return .success(SPCInput(series: series, hasOrgUnitColumn: unitIndex != nil))
    }
}
