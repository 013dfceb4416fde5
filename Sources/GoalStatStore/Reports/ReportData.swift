import FluentKit
import Foundation
import GoalStatCore

/// Gathers what a report is built from (GoalStatCore's `ReportInputs`), by key: the read model's verdicts and goal
/// statuses (worked out for another date only when the report is of a date the model was not worked out for, as
/// the review briefing does), the stored values of the report's indicators, and the reviews held by then.
public enum ReportData {
    /// `principal` nil reads everything (the command line); `isPublic` keeps the published records only, whoever
    /// asks, and leaves the reviews out. `goals` limits the values read to those goals' indicators (nil: all).
    public static func inputs(
        visibleTo principal: Principal?, isPublic: Bool, document stored: FrameworkDocument? = nil, goals: Set<String>? = nil,
        asOf: CalendarDate, on db: any Database
    ) async throws -> ReportInputs {
        let reader: Principal? = isPublic ? .anonymous : principal
        let full: FrameworkDocument
        if let stored { full = stored } else { full = try await FrameworkStore.exportDocument(on: db) }
        let performance = try await PerformanceReview.load(asOf: asOf, visibleTo: reader, document: full, on: db)
        let document = performance.document
        let indicators = document.indicators.filter { indicator in goals.map { !$0.isDisjoint(with: indicator.goals) } ?? true }.map(\.code)
        var values: [String: [GoalStatCore.Measurement]] = [:]
        for chunk in indicators.chunked(200) {
            values.merge(try await MeasurementStore.measurements(indicators: chunk, on: db)) { first, _ in first }
        }
        let goalStatuses: [String: StatusAssessment]
        // The stored statuses roll up every goal, and their reasons name sub-goals: a reader who sees part of the
        // tree (the public) gets the roll-up of what they see, from the same stored verdicts.
        if performance.isStored, document.goals.count == full.goals.count {
            goalStatuses = try await ReadModel.goalStatuses(document.goals.map(\.code), on: db)
        } else {
            var inputs: [String: [GoalStatusRollUp.Input]] = [:]
            for indicator in document.indicators {
                let status = performance.verdicts[indicator.code]?.status ?? .noData
                for goal in indicator.goals {
                    inputs[goal, default: []].append(GoalStatusRollUp.Input(indicator: indicator.code, name: indicator.name, rank: indicator.rank, status: status))
                }
            }
            goalStatuses = GoalTreeStatus.assess(goals: document.goals, indicators: inputs, milestones: document.milestones, today: asOf)
        }
        var inputs = ReportInputs(
            document: document, asOf: asOf, verdicts: performance.verdicts, goalStatuses: goalStatuses, values: values, isPublic: isPublic
        )
        if !isPublic {
            let held = try await ReviewStore.reviews(on: db).filter { $0.date <= asOf.description }
            let ids = held.map(\.id)
            inputs.reviews = held
            inputs.assessments = try await ReviewStore.assessments(reviews: ids, on: db)
            inputs.decisions = try await ReviewStore.decisions(reviews: ids, on: db)
            inputs.actions = try await ReviewStore.actions(reviews: ids, on: db)
        }
        return inputs
    }
}
