import Fluent
import Foundation
import GoalStatCore
import GoalStatStore

/// What a form or the API sends to revise a target, as text.
struct TargetInput: Sendable {
    var indicator: String
    var period: String?
    var orgUnit: String?
    var value: String?
    var rangeMin: String?
    var rangeMax: String?
    var rationale: String?
    /// The date the decision was taken, if earlier than today (shown, never used for "as known on").
    var decidedOn: String?
    var benchmarkKind: String?
    var benchmarkValue: String?
    var benchmarkSource: String?
}

/// Field name → message for a rejected target.
struct TargetInputError: Error, Sendable {
    var fields: [String: String]
}

/// Adds target versions; a revision never overwrites (SPEC §2 "Target").
enum TargetService {
    /// The version a form asks for. It is recorded today by `actor`, whatever the form says: the date a version
    /// became known is the day the server recorded it, so that "as known on" cannot be rewritten (issue 10).
    static func target(from input: TargetInput, today: CalendarDate, actor: String?) throws(TargetInputError) -> Target {
        var errors: [String: String] = [:]
        func number(_ text: String?, field: String) -> Double? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            switch DecimalText.parse(text) {
            case .success(let value): return value
            case .failure(let error):
                errors[field] = error.reason
                return nil
            }
        }
        let period = input.period?.trimmingCharacters(in: .whitespaces) ?? ""
        if period.isEmpty { errors["period"] = "a period is required (FY2027, 2026-Q3, 2026-07)" }
        let value = number(input.value, field: "value")
        let low = number(input.rangeMin, field: "rangeMin")
        let high = number(input.rangeMax, field: "rangeMax")
        let range: TargetRange?
        switch (low, high) {
        case let (low?, high?): range = TargetRange(min: low, max: high)
        case (nil, nil): range = nil
        default:
            range = nil
            errors["rangeMin"] = errors["rangeMin"] ?? "a range needs both min and max"
        }
        if value == nil, range == nil, errors["value"] == nil, errors["rangeMin"] == nil {
            errors["value"] = "give a value or a range"
        }
        let rationale = input.rationale?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if rationale.isEmpty { errors["rationale"] = "say why the target is set or revised" }
        let decidedOn = input.decidedOn?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        if let decidedOn {
            if let day = try? CalendarDate.parse(decidedOn) {
                if day > today { errors["decidedOn"] = "the decision date cannot be in the future" }
            } else {
                errors["decidedOn"] = "'\(decidedOn)' is not a date in the form YYYY-MM-DD"
            }
        }
        var benchmark: Benchmark?
        let benchmarkValue = number(input.benchmarkValue, field: "benchmarkValue")
        switch (input.benchmarkKind?.nilIfEmpty.flatMap(BenchmarkKind.init(rawValue:)), benchmarkValue) {
        case let (kind?, value?):
            benchmark = Benchmark(kind: kind, value: value, source: input.benchmarkSource?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty)
        case (nil, nil) where input.benchmarkKind?.nilIfEmpty == nil:
            break
        case (nil, _):
            errors["benchmarkKind"] = errors["benchmarkKind"] ?? "choose what the benchmark is: a peer, the national figure or the best in class"
        case (_, nil):
            errors["benchmarkValue"] = errors["benchmarkValue"] ?? "a benchmark needs its value"
        }
        guard errors.isEmpty else { throw TargetInputError(fields: errors) }
        return Target(
            indicator: input.indicator, orgUnit: input.orgUnit.flatMap { $0.isEmpty ? nil : $0 }, period: period,
            value: range == nil ? value : nil, range: range, rationale: rationale, setOn: today.description,
            setBy: actor, benchmark: benchmark, decidedOn: decidedOn
        )
    }

    /// Validates and stores a new version, or replaces the version recorded the same day.
    /// `basedOn` is how many versions of the indicator's targets the person saw (the form's hidden field, the API's
    /// `If-Match`): when others were added since, the new one is refused with `StaleTargets`, so that nobody revises
    /// a target without having seen the latest revision.
    static func addVersion(_ target: Target, basedOn: Int? = nil, audit: AuditContext, on db: any Database) async throws {
        let document = FrameworkDocument(targets: [target])
        try await Transactions.run(on: db) { tx in
            let existing = try await FrameworkStore.targets(of: [target.indicator], on: tx)
            if let basedOn, basedOn != existing.count {
                throw StaleTargets(current: existing)
            }
            if let indicator = try await FrameworkStore.indicators([target.indicator], on: tx).first {
                var fields: [String: String] = [:]
                for (field, number) in [("value", target.value), ("rangeMin", target.range?.min), ("rangeMax", target.range?.max)] {
                    if let number, let problem = TargetRules.rangeProblem(number, for: indicator) { fields[field] = problem }
                }
                if !fields.isEmpty { throw TargetInputError(fields: fields) }
            }
            // A second version the same day replaces that day's (a typo put right): "as known on" any earlier day
            // is untouched, and the audit log keeps what it replaced.
            do {
                _ = try await FrameworkStore.importDocument(document, audit: audit, on: tx)
            } catch let error as FrameworkImportError {
                var fields: [String: String] = [:]
                for issue in error.issues { fields[APIError.recordField(issue.field)] = issue.reason }
                throw TargetInputError(fields: fields)
            }
        }
    }

    /// The version tag of an indicator's targets: how many versions are stored.
    static func version(of indicator: String, in document: FrameworkDocument) -> Int {
        document.targets.count { $0.indicator == indicator }
    }

}

extension String {
    /// nil for an empty string, so that an empty form field reads as not given.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// Targets were revised by someone else since the person loaded them: 409 with the versions stored now.
struct StaleTargets: Error {
    var current: [Target]

    var apiError: APIError {
        APIError(
            status: .conflict, code: "staleVersion",
            message: "Someone revised this indicator's targets since you read them (there are now \(current.count) versions); read them again and decide whether your revision still holds.",
            field: "If-Match",
            details: current.map { target in
                APIErrorDetail(
                    field: "current", reason: "stored target version",
                    current: try? JSONValue(encoding: target)
                )
            }
        )
    }
}
