/// The quarterly update of one agency priority goal with the content 31 U.S.C. 1122(b) asks to be published for
/// each (see gpra-reports.md): the goal, then items 1–9. Every item is present; where GoalStat holds nothing for
/// it, the item says so plainly.
public struct QuarterlyUpdate: Sendable {
    public var goal: Goal
    public var quarter: Period
    public var quarterLabel: String
    /// Item 1: how congressional consultation views were incorporated.
    public var consultation: String
    /// Item 2: key external factors (the goal leader's challenges of the quarter).
    public var externalFactors: String
    /// Item 3A: strategies (the goals below it and the leader's account of the quarter) and resources.
    public var strategies: [String]
    /// Item 3B: milestones of the goal and the goals below it.
    public var milestones: [Milestone]
    /// Item 3C: contributing org units (owners of its goals and indicators) and driver indicators.
    public var contributors: [String]
    /// Item 3D: work with other agencies or units (asks for help at reviews; internal, so never public).
    public var otherAgencies: [String]
    /// Item 3E: the goal leader and deputies.
    public var leaders: [String]
    /// Items 4, 5 and 6: each indicator, its data-quality statement, its result in the quarter and trend.
    public var indicators: [IndicatorResult]
    /// Item 7: whether contributors are contributing as planned, per contributing unit.
    public var contributing: [String]
    /// Item 8: the goal's risk of not achieving the planned level, and where that comes from.
    public var risk: Risk
    /// Item 9: prospects and strategies for improvement.
    public var prospects: [String]

    public struct IndicatorResult: Sendable {
        public var indicator: Indicator
        public var verdict: IndicatorVerdict?
        /// The values of the quarter's periods, and the latest values up to the quarter's end (the trend).
        public var quarterValues: [(period: String, value: Double?, level: String?)]
        public var trend: [(period: String, value: Double?, target: ClosedRange<Double>?)]
        /// The target in force for the quarter's last period.
        public var target: TargetVersion?
    }

    public struct Risk: Sendable, Equatable {
        public var category: GoalCategory?
        public var status: IndicatorStatus?
        public var explanation: String
    }

    /// How many periods of trend each indicator shows.
    public static let trendLength = 12
}

extension QuarterlyUpdate {
    /// The priority goals an update covers: the one named, or every priority goal in the document.
    public static func goals(_ code: String?, in document: FrameworkDocument) -> [Goal] {
        document.goals.filter { code == nil ? $0.kind == .priorityGoal : $0.code == code }
    }

    /// The quarter an update is for by default: the latest quarter that has ended by `asOf`.
    public static func defaultQuarter(asOf: CalendarDate, calendar: FiscalCalendar, fiscal: Bool) -> Period {
        let current = Period.containing(asOf, frequency: .quarterly, calendar: calendar, fiscal: fiscal)
        return current.end <= asOf ? current : current.previous()
    }

    public static func build(goal: Goal, quarter: Period, inputs: ReportInputs) -> QuarterlyUpdate {
        let tree = inputs.subtree(goal.code)
        let treeCodes = Set(tree.map(\.code))
        let narrative = inputs.narratives(of: goal.code, within: quarter).first?.narrative
        let indicators = inputs.indicators(of: goal.code)
        let indicatorCodes = Set(indicators.map(\.code))

        var strategies = tree.dropFirst().map { "\($0.name) (\($0.code))" + ($0.statement.map { ": \($0)" } ?? "") }
        if let accomplishments = narrative?.accomplishments { strategies.append("This quarter: \(accomplishments)") }
        strategies.append("Resources: " + ReportText.notStated + " GoalStat does not hold the goal's budget or staffing.")

        var units: [String] = []
        for code in (tree.compactMap(\.orgUnit) + indicators.map(\.orgUnit)) where !units.contains(code) { units.append(code) }
        var contributors = units.map { "\(inputs.unitName($0)) (\($0))" }
        let drivers = inputs.document.links.filter { indicatorCodes.contains($0.result) && !indicatorCodes.contains($0.driver) }
        for link in drivers {
            let name = inputs.document.indicators.first { $0.code == link.driver }?.name ?? link.driver
            contributors.append("Driver indicator: \(name) (\(link.driver))")
        }

        let assessment = inputs.isPublic ? nil : inputs.latestAssessment(of: goal.code)
        var otherAgencies: [String] = []
        if !inputs.isPublic {
            for entry in inputs.assessments where treeCodes.contains(entry.goal) {
                guard let ask = entry.ask else { continue }
                otherAgencies.append("Asked \(inputs.unitName(ask.orgUnit)): \(ask.request)" + (ask.answer.map { " Answer: \($0)" } ?? " (not answered yet)"))
            }
        }
        if otherAgencies.isEmpty { otherAgencies = [ReportText.notStated] }

        let results = indicators.map { indicator in
            result(indicator, quarter: quarter, inputs: inputs)
        }

        var contributing: [String] = []
        for unit in units {
            let owned = indicators.filter { $0.orgUnit == unit }
            guard !owned.isEmpty else { continue }
            let onTrack = owned.filter { inputs.verdicts[$0.code]?.status == .onTrack }.count
            let behind = owned.filter { indicator in
                let status = inputs.verdicts[indicator.code]?.status
                return status == .offTrack || status == .atRisk
            }.map(\.name)
            contributing.append("\(inputs.unitName(unit)): \(onTrack) of \(owned.count) indicator\(owned.count == 1 ? "" : "s") on track" + (behind.isEmpty ? "." : "; behind: \(behind.joined(separator: ", "))."))
        }
        if let blockers = assessment?.assessment.blockers { contributing.append("Blockers named at \(assessment!.review.title) (\(assessment!.review.date)): \(blockers)") }
        if contributing.isEmpty { contributing = [ReportText.notStated] }

        let status = inputs.goalStatuses[goal.code]
        let risk: Risk
        if let assessment {
            risk = Risk(category: assessment.assessment.category, status: status?.status,
                        explanation: "As categorised at \(assessment.review.title) on \(assessment.review.date).")
        } else if let status {
            let category: GoalCategory? = switch status.status {
            case .onTrack: .onTrack
            case .atRisk: .someRisk
            case .offTrack: .atRisk
            default: nil
            }
            risk = Risk(category: category, status: status.status, explanation: "From the status of its indicators: \(status.reason)")
        } else {
            risk = Risk(category: nil, status: nil, explanation: ReportText.notStated)
        }

        var prospects: [String] = []
        if let next = narrative?.nextSteps { prospects.append(next) }
        if !inputs.isPublic {
            for decision in inputs.decisions where decision.goal.map(treeCodes.contains) ?? false { prospects.append("Decided at a review: \(decision.text)") }
            for action in inputs.actions where action.status == .open {
                guard let decision = action.decision, inputs.decisions.contains(where: { $0.id == decision && ($0.goal.map(treeCodes.contains) ?? false) }) else { continue }
                prospects.append("Action: \(action.title) — \(inputs.personName(action.owner)), due \(action.due).")
            }
        }
        if prospects.isEmpty { prospects = [ReportText.notStated] }

        return QuarterlyUpdate(
            goal: goal, quarter: quarter, quarterLabel: inputs.label(quarter),
            consultation: ReportText.notStated + " GoalStat does not record congressional consultation.",
            externalFactors: narrative?.challenges ?? ReportText.notStated,
            strategies: strategies, milestones: inputs.document.milestones.filter { treeCodes.contains($0.goal) }.sorted { $0.due < $1.due },
            contributors: contributors.isEmpty ? [ReportText.notStated] : contributors,
            otherAgencies: otherAgencies,
            leaders: ([goal.leader].compactMap { $0 }.map { "\(inputs.personName($0)), goal leader" })
                + goal.deputies.map { "\(inputs.personName($0)), deputy goal leader" },
            indicators: results, contributing: contributing, risk: risk, prospects: prospects
        )
    }

    private static func result(_ indicator: Indicator, quarter: Period, inputs: ReportInputs) -> IndicatorResult {
        let values = (inputs.values[indicator.code] ?? []).filter { $0.period.end <= quarter.end && $0.status != .missing }
        let history = inputs.targets(of: indicator.code)
        let inQuarter = values.filter { quarter.contains($0.period) }
        let trend = values.suffix(trendLength).map { measurement in
            (period: inputs.label(measurement.period), value: measurement.value, target: history.applicable(to: measurement.period, asOf: inputs.asOf)?.band)
        }
        return IndicatorResult(
            indicator: indicator, verdict: inputs.verdicts[indicator.code],
            quarterValues: inQuarter.map { (inputs.label($0.period), $0.value, $0.level) }, trend: trend,
            target: inQuarter.last.flatMap { history.applicable(to: $0.period, asOf: inputs.asOf) }
        )
    }
}
