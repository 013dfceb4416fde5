import Fluent
import GoalStatCore
import GoalStatStore
import Vapor

/// Everything a page needs at once: the framework, each indicator's own-unit values, targets and status.
/// Built per request from the store; the rules it applies live in GoalStatCore.
struct PerformanceSnapshot: Sendable {
    var document: FrameworkDocument
    var reporting: Reporting
    var series: [String: [Measurement]]
    var targets: [String: TargetHistory]
    var today: CalendarDate
    /// Statuses once worked out: a goal's status reads its sub-goals', so without this a page of the goal tree would
    /// analyse each indicator again for every goal above it.
    private let memo = StatusMemo()

    /// The snapshot of what the request's principal may read.
    static func load(for request: Request) async throws -> PerformanceSnapshot {
        try await load(document: request.visibleFramework(), today: request.clock.today, on: request.db)
    }

    static func load(document: FrameworkDocument, today: CalendarDate, on db: any Database) async throws -> PerformanceSnapshot {
        let reporting = try await FrameworkStore.reporting(on: db)
        let series = try await MeasurementStore.measurements(indicators: document.indicators.map(\.code), on: db)
        var versions: [String: [TargetVersion]] = [:]
        for target in document.targets where target.orgUnit == nil {
            if let version = TargetVersion(target, calendar: reporting.calendar) {
                versions[target.indicator, default: []].append(version)
            }
        }
        return PerformanceSnapshot(
            document: document, reporting: reporting, series: series,
            targets: versions.mapValues(TargetHistory.init), today: today
        )
    }

    var indicatorsByCode: [String: Indicator] {
        Dictionary(document.indicators.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    var peopleByEmail: [String: Person] {
        Dictionary(document.people.map { ($0.email, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The latest value the status judges: of a period that has ended by today. A value for the current, unfinished
    /// period is shown in the indicator's table, but it is not "the latest" anywhere a status stands beside it.
    func latest(_ indicator: Indicator) -> Measurement? {
        series[indicator.code]?.last { $0.period.end <= today && ($0.value != nil || $0.level != nil) }
    }

    /// The one analysis every page tells the status from (SPEC §4): value against target, refined by the chart.
    func analysis(of indicator: Indicator) -> IndicatorAnalysis {
        IndicatorAnalyzer(calendar: reporting.calendar, fiscal: reporting.fiscal).analyze(
            indicator: indicator, series: series[indicator.code] ?? [], targets: targets[indicator.code] ?? TargetHistory([]),
            asOf: today, rebases: document.rebases.filter { $0.indicator == indicator.code && $0.orgUnit == nil }
        )
    }

    func status(of indicator: Indicator) -> StatusAssessment {
        memo.value(for: "indicator:" + indicator.code) {
            let analysis = analysis(of: indicator)
            return StatusAssessment(status: analysis.status, reason: analysis.reasons.joined(separator: " "))
        }
    }

    func summary(of indicator: Indicator) -> IndicatorSummary {
        let latest = latest(indicator)
        let target = latest.flatMap { targets[indicator.code]?.applicable(to: $0.period, asOf: today) }
        let values = (series[indicator.code] ?? []).filter { $0.period.end <= today }.compactMap(\.value)
        return IndicatorSummary(
            code: indicator.code, name: indicator.name, unit: indicator.unit.text, stage: indicator.stage,
            rank: indicator.rank, guardrail: indicator.guardrail, direction: indicator.direction,
            latestPeriod: latest.map { reporting.label($0.period) },
            latestValue: latest.map { ValueFormatting.text(of: $0, for: indicator) },
            target: target.map { ValueFormatting.text(of: $0, for: indicator) },
            status: status(of: indicator),
            sparkline: Array(values.suffix(24))
        )
    }

    func indicators(of goal: String) -> [Indicator] {
        document.indicators.filter { $0.goals.contains(goal) }
    }

    /// A goal's status from its indicators, milestones and sub-goals (rolled up first, down the whole tree).
    func status(ofGoal goal: Goal) -> StatusAssessment {
        status(ofGoal: goal, above: [])
    }

    /// `above`: the goals on the way down, so that a cycle in bad data ends instead of recursing for ever.
    private func status(ofGoal goal: Goal, above: Set<String>) -> StatusAssessment {
        memo.value(for: "goal:" + goal.code) { rollUp(goal, above: above) }
    }

    private func rollUp(_ goal: Goal, above: Set<String>) -> StatusAssessment {
        let inputs = indicators(of: goal.code).map {
            GoalStatusRollUp.Input(indicator: $0.code, rank: $0.rank, status: status(of: $0).status)
        }
        let path = above.union([goal.code])
        let subGoals = document.goals.filter { $0.parent == goal.code && !path.contains($0.code) }.map {
            GoalStatusRollUp.SubGoal(goal: $0.code, status: status(ofGoal: $0, above: path).status)
        }
        return GoalStatusRollUp.assess(
            indicators: inputs, subGoals: subGoals, milestones: document.milestones.filter { $0.goal == goal.code }, today: today
        )
    }

    func card(_ goal: Goal, depth: Int) -> GoalCard {
        let indicators = indicators(of: goal.code)
        let key = indicators.filter { $0.rank == .key }
        return GoalCard(
            code: goal.code, name: goal.name, kind: goal.kind, depth: depth, status: status(ofGoal: goal),
            isFocus: goal.focus, isPublic: goal.public, leaderName: goal.leader.map { peopleByEmail[$0]?.name ?? $0 },
            perspective: goal.perspective, keyIndicators: (key.isEmpty ? Array(indicators.prefix(3)) : key).map(summary(of:))
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
        func visit(_ goal: Goal, _ depth: Int) {
            ordered.append((goal, depth))
            for child in children[goal.code] ?? [] { visit(child, depth + 1) }
        }
        for root in roots { visit(root, 0) }
        return ordered
    }
}

/// The statuses a snapshot has worked out, by key. A class, so that the value-type snapshot can fill it while it is
/// read; a lock, since a snapshot is `Sendable`.
private final class StatusMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: StatusAssessment] = [:]

    func value(for key: String, _ make: () -> StatusAssessment) -> StatusAssessment {
        if let known = lock.withLock({ values[key] }) { return known }
        let made = make()
        lock.withLock { values[key] = made }
        return made
    }
}
