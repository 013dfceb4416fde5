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

    func latest(_ indicator: Indicator) -> Measurement? {
        series[indicator.code]?.last { $0.value != nil || $0.level != nil }
    }

    func status(of indicator: Indicator) -> StatusAssessment {
        if indicator.isQualitative {
            guard let latest = latest(indicator), let level = latest.level else {
                return StatusAssessment(status: .noData, reason: "No level has been reported yet.")
            }
            return QualitativeStatus.assess(level: level, levels: indicator.levels ?? [], period: reporting.label(latest.period))
        }
        // The full analysis (SPEC §4): the value against the target, refined by the process behaviour chart.
        let analysis = IndicatorAnalyzer(calendar: reporting.calendar, fiscal: reporting.fiscal).analyze(
            indicator: indicator, series: series[indicator.code] ?? [], targets: targets[indicator.code] ?? TargetHistory([]),
            asOf: today, rebases: document.rebases.filter { $0.indicator == indicator.code && $0.orgUnit == nil }
        )
        return StatusAssessment(status: analysis.status, reason: analysis.reasons.joined(separator: " "))
    }

    func summary(of indicator: Indicator) -> IndicatorSummary {
        let latest = latest(indicator)
        let target = latest.flatMap { targets[indicator.code]?.applicable(to: $0.period) }
        let values = (series[indicator.code] ?? []).compactMap(\.value)
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

    func status(ofGoal goal: Goal) -> StatusAssessment {
        let inputs = indicators(of: goal.code).map {
            GoalStatusRollUp.Input(indicator: $0.code, rank: $0.rank, status: status(of: $0).status)
        }
        return GoalStatusRollUp.assess(
            indicators: inputs, milestones: document.milestones.filter { $0.goal == goal.code }, today: today
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
