import GoalStatCore
import GoalStatStore
import Vapor

/// What the public portal reads for one page: the published framework (`FrameworkDocument.published()`), whoever
/// is asking, with the read model's verdicts of the indicators the page shows and the goals' statuses, by key.
struct PortalSnapshot: Sendable {
    var document: FrameworkDocument
    var reporting: Reporting
    var verdicts: [String: IndicatorVerdict]
    var goalStatuses: [String: StatusAssessment]
    var today: CalendarDate

    static func load(for request: Request, indicators: (FrameworkDocument) -> [String]) async throws -> PortalSnapshot {
        let document = try await request.publicFramework()
        return PortalSnapshot(
            document: document, reporting: Reporting(plan: document.plan),
            verdicts: try await ReadModel.verdicts(of: indicators(document), on: request.db),
            goalStatuses: try await ReadModel.goalStatuses(document.goals.map(\.code), on: request.db),
            today: try await request.readState().asOf ?? request.clock.today
        )
    }

    var agencyName: String { document.agencyName ?? "Our agency" }

    func goal(_ code: String) throws -> Goal {
        guard let goal = document.goals.first(where: { $0.code == code }) else { throw APIError.notFound("Goal \(code)") }
        return goal
    }

    func goalStatus(_ goal: Goal) -> IndicatorStatus { goalStatuses[goal.code]?.status ?? .noData }

    func headline(_ indicator: Indicator) -> String { PublicStatusWords.headline(verdicts[indicator.code], indicator: indicator) }

    func status(_ indicator: Indicator) -> IndicatorStatus { verdicts[indicator.code]?.status ?? .noData }

    /// The latest value as text with its period ("14.2 minutes in 2026-10"), or nil.
    func latest(_ indicator: Indicator) -> String? {
        guard let verdict = verdicts[indicator.code], let period = verdict.latestPeriod else { return nil }
        if let level = verdict.latestLevel { return "\(level) in \(period)" }
        return verdict.latestValue.map { "\(ValueFormatting.format($0, for: indicator)) in \(period)" }
    }

    func target(_ indicator: Indicator) -> String? {
        guard let target = verdicts[indicator.code]?.target else { return nil }
        if let min = target.min, let max = target.max {
            return "\(ValueFormatting.format(min, for: indicator)) to \(ValueFormatting.format(max, for: indicator)) for \(target.period)"
        }
        return target.value.map { "\(ValueFormatting.format($0, for: indicator)) for \(target.period)" }
    }

    func indicators(of goal: String) -> [Indicator] {
        document.indicators.filter { $0.goals.contains(goal) }.sorted { ($0.rank == .key ? 0 : 1) < ($1.rank == .key ? 0 : 1) }
    }

    /// Goals in tree order (a published goal whose parent is not published starts a branch of its own).
    var goalTree: [(goal: Goal, depth: Int)] {
        let codes = Set(document.goals.map(\.code))
        var result: [(Goal, Int)] = []
        func walk(_ parent: String?, _ depth: Int) {
            for goal in document.goals where (depth == 0 ? (goal.parent == nil || !codes.contains(goal.parent!)) : goal.parent == parent) {
                result.append((goal, depth))
                walk(goal.code, depth + 1)
            }
        }
        walk(nil, 0)
        return result
    }
}
