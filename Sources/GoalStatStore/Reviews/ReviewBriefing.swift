import FluentKit
import Foundation
import GoalStatCore

/// A review's briefing, generated from the read model as of a date (issue 11): what is off target, the signals and
/// questions in the data, the focus deficit, and what earlier reviews left to follow up.
public struct ReviewBriefing: Sendable {
    public struct IndicatorLine: Sendable, Equatable {
        public var indicator: Indicator
        public var verdict: IndicatorVerdict
    }

    public var review: Review
    public var asOf: CalendarDate
    public var document: FrameworkDocument
    public var scope: ReviewScope
    /// Indicators off track or at risk, off track first.
    public var offTarget: [IndicatorLine]
    /// Indicators whose latest value is a special cause (improvement or concern).
    public var signals: [IndicatorLine]
    /// Indicators whose process cannot meet the target as it runs (assurance: consistently fails).
    public var failingAssurance: [IndicatorLine]
    /// The first `integrityShown` integrity questions in scope, and how many there are in all.
    public var integrity: [IntegrityFinding]
    public var integrityCount: Int
    /// The deficits of the scope, most consequential first.
    public var focus: [FocusRow]
    /// The goals in scope declared as the focus.
    public var declaredFocus: [Goal]
    public var milestonesDue: [Milestone]
    public var followUp: ReviewFollowUp
    /// What the previous review decided.
    public var previousDecisions: [ReviewDecision]
    /// What this review has recorded so far.
    public var assessments: [GoalAssessment]
    public var decisions: [ReviewDecision]
    public var actions: [ActionItem]
    /// The open risks of the goals in scope, highest score first, each with how its score moved since the previous
    /// review (nil: opened since).
    public var risks: [RiskLine]
    /// Capacity requests of the scope still on the agenda (waiting for a decision, or granted and not delivered),
    /// and those that reached an end since the previous review.
    public var capacity: [CapacityRequest]

    public struct RiskLine: Sendable, Equatable {
        public var risk: Risk
        /// The score's change since the previous review (or the last 90 days); nil when the risk is new since then.
        public var change: Int?
        public var rose: Bool { (change ?? 0) > 0 }
    }

    public static let integrityShown = 50

    /// How far ahead the briefing looks for milestones coming due.
    public static let milestoneHorizonDays = 90

    public static func load(
        _ review: Review, asOf: CalendarDate, visibleTo principal: Principal?, document stored: FrameworkDocument, on db: any Database
    ) async throws -> ReviewBriefing {
        // The scope first, so that only its indicators' verdicts are read (or worked out, as of another date).
        let scope = ReviewScope(review, in: principal.map(stored.visible(to:)) ?? stored)
        let performance = try await PerformanceReview.load(asOf: asOf, visibleTo: principal, document: stored, only: scope.indicators, on: db)
        let document = performance.document
        let indicators = document.indicators.filter { scope.indicators.contains($0.code) }
        let lines = indicators.compactMap { indicator in performance.verdicts[indicator.code].map { IndicatorLine(indicator: indicator, verdict: $0) } }
        let order: [IndicatorStatus: Int] = [.offTrack: 0, .atRisk: 1]
        // The stored findings of the scope's indicators, read by key; another date's are worked out.
        let integrity: [IntegrityFinding], integrityCount: Int
        if performance.isStored {
            integrity = try await ReadModel.integrityFindings(of: scope.indicators, check: nil, offset: 0, limit: integrityShown, on: db)
            integrityCount = try await ReadModel.integrityCounts(of: scope.indicators, on: db).values.reduce(0, +)
        } else {
            let all = try await performance.integrity(on: db).filter { scope.indicators.contains($0.indicator) }
            (integrity, integrityCount) = (Array(all.prefix(integrityShown)), all.count)
        }
        let horizon = asOf.adding(days: milestoneHorizonDays)
        let followUp = try await ReviewStore.followUp(for: review, on: db)
        let since = followUp.previous?.date ?? asOf.adding(days: -90).description
        let risks = try await RiskStore.risks(goals: scope.goals, on: db).map { RiskLine(risk: $0, change: $0.change(since: since)) }
        let tree = OrgTree(document.orgUnits)
        let goalUnits = Set(document.goals.filter { scope.goals.contains($0.code) }.compactMap(\.orgUnit))
        let capacity = try await CapacityStore.requests(units: nil, on: db).filter { request in
            let inScope = request.goal.map(scope.goals.contains) ?? false || goalUnits.contains(request.orgUnit)
                || review.orgUnits.contains { tree.isWithin(request.orgUnit, $0) }
            let lastChange = request.updates.last?.on ?? request.decidedOn ?? request.requestedOn
            return inScope && (request.isOpen || lastChange >= since)
        }
        return ReviewBriefing(
            review: review, asOf: asOf, document: document, scope: scope,
            offTarget: lines.filter { order[$0.verdict.status] != nil }.sorted { order[$0.verdict.status] ?? 2 < order[$1.verdict.status] ?? 2 },
            signals: lines.filter { $0.verdict.variation == .improvement || $0.verdict.variation == .concern },
            failingAssurance: lines.filter { $0.verdict.assurance == .consistentFail },
            integrity: integrity, integrityCount: integrityCount,
            focus: performance.focus().filter { scope.goals.contains($0.goal) },
            declaredFocus: document.goals.filter { $0.focus && scope.goals.contains($0.code) },
            milestonesDue: document.milestones.filter { milestone in
                guard scope.goals.contains(milestone.goal), milestone.status == .planned || milestone.status == .inProgress,
                      let due = try? CalendarDate.parse(milestone.due) else { return false }
                return due <= horizon
            }.sorted { $0.due < $1.due },
            followUp: followUp,
            previousDecisions: try await ReviewStore.decisions(reviews: followUp.previous.map { [$0.id] } ?? [], on: db),
            assessments: try await ReviewStore.assessments(reviews: [review.id], on: db),
            decisions: try await ReviewStore.decisions(reviews: [review.id], on: db),
            actions: try await ReviewStore.actions(reviews: [review.id], on: db),
            risks: risks, capacity: capacity
        )
    }

    /// Risks opened or whose score rose since the previous review.
    public var risksRisen: [RiskLine] { risks.filter { $0.change == nil || $0.rose } }

    /// Where the declared focus is not the top-ranked deficit, both are told with the reason for each.
    public var focusReconciliation: String? {
        guard let top = focus.first else { return nil }
        let topGoal = document.goals.first { $0.code == top.goal }?.name ?? top.goal
        let topIndicator = document.indicators.first { $0.code == top.indicator }?.name ?? top.indicator
        guard let declared = declaredFocus.first else {
            return "No goal in this review's scope is declared the focus. The most consequential deficit in the data is \(topIndicator) (\(topGoal)): \(top.formula)."
        }
        guard declared.code != top.goal else { return nil }
        return "The declared focus is \(declared.name), a leadership choice of the most consequential deficit; the data rank \(topIndicator) (\(topGoal)) highest: \(top.formula). Confirm the focus or change it."
    }
}
