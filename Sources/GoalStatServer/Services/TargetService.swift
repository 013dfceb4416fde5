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
    var setOn: String?
    var setBy: String?
}

/// Field name → message for a rejected target.
struct TargetInputError: Error, Sendable {
    var fields: [String: String]
}

/// Adds target versions; a revision never overwrites (SPEC §2 "Target").
enum TargetService {
    static func target(from input: TargetInput, today: CalendarDate) throws(TargetInputError) -> Target {
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
        let setOn = input.setOn.flatMap { $0.isEmpty ? nil : $0 } ?? today.description
        guard errors.isEmpty else { throw TargetInputError(fields: errors) }
        return Target(
            indicator: input.indicator, orgUnit: input.orgUnit.flatMap { $0.isEmpty ? nil : $0 }, period: period,
            value: range == nil ? value : nil, range: range, rationale: rationale, setOn: setOn,
            setBy: input.setBy.flatMap { $0.isEmpty ? nil : $0 }
        )
    }

    /// Validates and stores a new version; one with the same indicator, unit, period and date already stored is refused.
    /// `basedOn` is how many versions of the indicator's targets the person saw (the form's hidden field, the API's
    /// `If-Match`): when others were added since, the new one is refused with `StaleTargets`, so that nobody revises
    /// a target without having seen the latest revision.
    static func addVersion(_ target: Target, basedOn: Int? = nil, audit: AuditContext, on db: any Database) async throws {
        let document = FrameworkDocument(targets: [target])
        try await Transactions.run(on: db) { tx in
            let existing = try await FrameworkStore.exportDocument(on: tx).targets.filter { $0.indicator == target.indicator }
            if let basedOn, basedOn != existing.count {
                throw StaleTargets(current: existing)
            }
            if existing.contains(where: { $0.orgUnit == target.orgUnit && $0.setOn == target.setOn && samePeriod($0.period, target.period) }) {
                throw TargetInputError(fields: ["setOn": "a version of this target was already set on \(target.setOn); revisions are kept, so choose the date of this one"])
            }
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

    private static func samePeriod(_ a: String, _ b: String) -> Bool {
        guard let first = try? Period.parse(a, calendar: .federal), let second = try? Period.parse(b, calendar: .federal) else { return a == b }
        return first == second
    }
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
