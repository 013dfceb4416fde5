import Foundation

/// One value entered through a form or the JSON API, checked by the same rules as a CSV row (SPEC §3.1).
public struct MeasurementEntry: Sendable, Equatable, Codable {
    public var period: String
    public var value: Double?
    public var level: String?
    public var orgUnit: String?
    public var status: MeasurementStatus?
    public var note: String?
    /// Why the value corrects one already stored; a correction of a final value needs one.
    public var reason: String?

    public init(
        period: String, value: Double? = nil, level: String? = nil, orgUnit: String? = nil, status: MeasurementStatus? = nil,
        note: String? = nil, reason: String? = nil
    ) {
        self.period = period
        self.value = value
        self.level = level
        self.orgUnit = orgUnit
        self.status = status
        self.note = note
        self.reason = reason
    }

    /// The checked value, or the problems with it (the `column` of each issue names the field).
    public func validate(indicator code: String, catalog: MeasurementCatalog, line: Int = 1) -> Result<ParsedMeasurement, EntryIssues> {
        var issues: [ImportIssue] = []
        guard let indicator = catalog.indicators[code] else {
            return .failure(EntryIssues(issues: [ImportIssue(line: line, column: "indicator", reason: "unknown indicator '\(code)'")]))
        }
        var period: Period?
        do {
            period = try Period.parse(self.period, for: indicator.frequency, calendar: catalog.calendar)
        } catch {
            issues.append(ImportIssue(line: line, column: "period", reason: error.message))
        }
        if let orgUnit, !orgUnit.isEmpty, !catalog.orgUnits.contains(orgUnit) {
            issues.append(ImportIssue(line: line, column: "orgUnit", reason: "unknown org unit '\(orgUnit)'"))
        }
        let status = self.status ?? .final
        if let note, let problem = TextRules.problem(in: note, as: .longText) {
            issues.append(ImportIssue(line: line, column: "note", reason: "the note \(problem.message)"))
        }
        if let reason, let problem = TextRules.problem(in: reason, as: .longText) {
            issues.append(ImportIssue(line: line, column: "reason", reason: "the reason \(problem.message)"))
        }
        if let level, let problem = TextRules.problem(in: level, as: .name) {
            issues.append(ImportIssue(line: line, column: "level", reason: "the level \(problem.message)"))
        }
        if let value, !value.isFinite {
            issues.append(ImportIssue(line: line, column: "value", reason: "must be a finite number"))
        } else if let value, status != .missing, indicator.levels == nil, let problem = indicator.rangeProblem(value, code: code) {
            issues.append(ImportIssue(line: line, column: "value", reason: problem))
        }
        if let levels = indicator.levels {
            if value != nil { issues.append(ImportIssue(line: line, column: "value", reason: "a qualitative indicator takes a level, not a number")) }
            if let level, TextRules.problem(in: level, as: .name) == nil, !levels.contains(level) {
                issues.append(ImportIssue(line: line, column: "level", reason: "'\(level)' is not one of \(levels.joined(separator: ", "))"))
            } else if level == nil, status != .missing {
                issues.append(ImportIssue(line: line, column: "level", reason: "a level is required unless the status is missing"))
            }
        } else {
            if level != nil { issues.append(ImportIssue(line: line, column: "level", reason: "only a qualitative indicator takes a level")) }
            if value == nil, status != .missing {
                issues.append(ImportIssue(line: line, column: "value", reason: "a value is required unless the status is missing"))
            }
        }
        guard issues.isEmpty, let period else { return .failure(EntryIssues(issues: issues)) }
        let standing = catalog.standing(status, of: period)
        var row = ParsedMeasurement(
            line: line, indicator: code, period: period, orgUnit: (orgUnit?.isEmpty ?? true) ? nil : orgUnit,
            value: status == .missing ? nil : value, level: status == .missing ? nil : level, status: standing.status,
            note: (note?.isEmpty ?? true) ? nil : note
        )
        row.heldProvisional = standing.held
        row.reason = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        return .success(row)
    }
}

/// The problems found in entered values.
public struct EntryIssues: Error, Sendable, Equatable {
    public var issues: [ImportIssue]

    public init(issues: [ImportIssue]) {
        self.issues = issues
    }
}
