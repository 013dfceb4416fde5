import Fluent
import GoalStatCore
import GoalStatStore
import Vapor

/// What a page needs of the framework and the read model: the records the reader may see, and the stored verdicts of
/// the indicators and statuses of the goals it shows. Nothing is analysed here: every status comes from the read
/// model (`ReadModel`), so every page tells the same one.
struct PerformanceSnapshot: Sendable {
    var document: FrameworkDocument
    var reporting: Reporting
    var verdicts: [String: IndicatorVerdict]
    var goalStatuses: [String: StatusAssessment]
    var today: CalendarDate

    /// The snapshot of what the request's principal may read, with the verdicts of `indicators` (their totals).
    static func load(for request: Request, indicators: (FrameworkDocument) -> [String]) async throws -> PerformanceSnapshot {
        let document = try await request.visibleFramework()
        let codes = indicators(document)
        return PerformanceSnapshot(
            document: document, reporting: Reporting(plan: document.plan),
            verdicts: try await ReadModel.verdicts(of: codes, on: request.db),
            goalStatuses: try await ReadModel.goalStatuses(document.goals.map(\.code), on: request.db),
            today: try await request.readState().asOf ?? request.clock.today
        )
    }

    var indicatorsByCode: [String: Indicator] {
        Dictionary(document.indicators.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var peopleByEmail: [String: Person] {
        Dictionary(document.people.map { ($0.email, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func status(of indicator: Indicator) -> StatusAssessment {
        verdicts[indicator.code]?.assessment ?? StatusAssessment(status: .noData, reason: "No values have been reported yet.")
    }

    func summary(of indicator: Indicator) -> IndicatorSummary {
        IndicatorSummary(indicator, verdict: verdicts[indicator.code])
    }

    func indicators(of goal: String) -> [Indicator] {
        document.indicators.filter { $0.goals.contains(goal) }
    }

    /// A goal's status as the read model rolled it up the whole goal tree.
    func status(ofGoal goal: Goal) -> StatusAssessment {
        goalStatuses[goal.code] ?? StatusAssessment(status: .noData, reason: "No status has been worked out yet.")
    }

    /// The indicators a goal's card shows: its key indicators, or its first three without key ones.
    func cardIndicators(of goal: Goal) -> [Indicator] {
        let indicators = indicators(of: goal.code)
        let key = indicators.filter { $0.rank == .key }
        return key.isEmpty ? Array(indicators.prefix(3)) : key
    }

    func card(_ goal: Goal, depth: Int, withIndicators: Bool = true) -> GoalCard {
        GoalCard(
            code: goal.code, name: goal.name, kind: goal.kind, depth: depth, status: status(ofGoal: goal),
            isFocus: goal.focus, isPublic: goal.public, leaderName: goal.leader.map { peopleByEmail[$0]?.name ?? $0 },
            perspective: goal.perspective, keyIndicators: withIndicators ? cardIndicators(of: goal).map(summary(of:)) : []
        )
    }

    /// Goals in tree order with their depth.
    var goalTree: [(goal: Goal, depth: Int)] {
        let codes = Set(document.goals.map(\.code))
        var children: [String: [Goal]] = [:]
        var roots: [Goal] = []
        for goal in document.goals {
            if let parent = goal.parent, codes.contains(parent) {
                children[parent, default: []].append(goal)
            } else {
                roots.append(goal)
            }
        }
        var ordered: [(Goal, Int)] = []
        var seen = Set<String>()
        func visit(_ goal: Goal, _ depth: Int) {
            guard seen.insert(goal.code).inserted else { return }
            ordered.append((goal, depth))
            for child in children[goal.code] ?? [] { visit(child, depth + 1) }
        }
        for root in roots { visit(root, 0) }
        return ordered
    }
}

extension IndicatorSummary {
    /// An indicator as lists show it, from its stored verdict (nil: nothing worked out, no data).
    init(_ indicator: Indicator, verdict: IndicatorVerdict?) {
        self.init(
            code: indicator.code, name: indicator.name, unit: indicator.unit.text, stage: indicator.stage,
            rank: indicator.rank, guardrail: indicator.guardrail, direction: indicator.direction,
            latestPeriod: verdict?.latestPeriod,
            latestValue: verdict.flatMap { verdict in
                verdict.latestLevel ?? verdict.latestValue.map { ValueFormatting.format($0, for: indicator) }
            },
            target: verdict?.target.flatMap { ValueFormatting.text(of: $0, for: indicator) },
            status: verdict?.assessment ?? StatusAssessment(status: .noData, reason: "No values have been reported yet."),
            sparkline: verdict?.sparkline ?? []
        )
    }
}
