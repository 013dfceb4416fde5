/// The annual performance report of 31 U.S.C. 1116 (see gpra-reports.md): every goal and indicator with targets
/// and results for the five preceding fiscal years, for every missed target why it was missed and the plan, the
/// data-quality statements, a summary of the evaluations of the year, and next steps.
public struct AnnualReport: Sendable {
    /// The years covered, oldest first; the last is the year reported on.
    public var years: [Period]
    public var yearLabels: [String]
    public var goals: [GoalSection]
    /// What was reviewed and evaluated in the year reported on.
    public var evaluations: [String]
    /// The next steps of each goal, from its latest quarterly update.
    public var nextSteps: [(goal: Goal, text: String)]

    public struct GoalSection: Sendable {
        public var goal: Goal
        /// Depth in the goal tree (0 for a top goal).
        public var depth: Int
        public var leader: String?
        public var status: StatusAssessment?
        /// The goal leader's account of the year (the latest quarterly update in it).
        public var achievements: String?
        public var challenges: String?
        public var indicators: [IndicatorSection]
    }

    public struct IndicatorSection: Sendable {
        public var indicator: Indicator
        public var results: [YearlyResult]
        public var missed: [Miss]
    }

    /// A missed target: why, and the plan for achieving it (31 U.S.C. 1116(c)(3)).
    public struct Miss: Sendable, Equatable {
        public var year: String
        public var why: String
        public var plan: String
    }

    public static let yearCount = 5
}

extension AnnualReport {
    /// The fiscal year an annual report covers by default: the latest that has ended by `asOf`.
    public static func defaultYear(asOf: CalendarDate, calendar: FiscalCalendar, fiscal: Bool) -> Period {
        YearlyResults.precedingYears(1, asOf: asOf, calendar: calendar, fiscal: fiscal)[0]
    }

    /// The five years ending with `year`, oldest first.
    public static func years(ending year: Period) -> [Period] {
        var years = [year]
        while years.count < yearCount { years.insert(years[0].previous(), at: 0) }
        return years
    }

    public static func build(year: Period, results: [String: [YearlyResult]], inputs: ReportInputs) -> AnnualReport {
        let years = years(ending: year)
        var sections: [GoalSection] = []
        func visit(_ goal: Goal, depth: Int) {
            let account = inputs.narratives(of: goal.code, within: year).first?.narrative
            let indicators = inputs.indicators(of: goal.code).map { indicator in
                let rows = results[indicator.code] ?? []
                let missed = rows.filter { $0.outcome == .missed }.map { row in
                    miss(row, indicator: indicator, goal: goal, inputs: inputs)
                }
                return IndicatorSection(indicator: indicator, results: rows, missed: missed)
            }
            sections.append(GoalSection(
                goal: goal, depth: depth, leader: goal.leader.map(inputs.personName), status: inputs.goalStatuses[goal.code],
                achievements: account?.accomplishments, challenges: account?.challenges, indicators: indicators
            ))
            for child in inputs.document.goals where child.parent == goal.code { visit(child, depth: depth + 1) }
        }
        let codes = Set(inputs.document.goals.map(\.code))
        for root in inputs.document.goals where root.parent.map({ !codes.contains($0) }) ?? true { visit(root, depth: 0) }

        var evaluations: [String] = []
        if !inputs.isPublic {
            for review in inputs.reviews where (try? CalendarDate.parse(review.date)).map(year.contains) ?? false {
                let decided = inputs.decisions.filter { $0.review == review.id }
                let assessed = inputs.assessments.filter { $0.review == review.id }
                evaluations.append("\(review.title) (\(review.date)): \(assessed.count) goal\(assessed.count == 1 ? "" : "s") categorised, \(decided.count) decision\(decided.count == 1 ? "" : "s")"
                    + (decided.isEmpty ? "." : ": " + decided.map(\.text).joined(separator: "; ") + "."))
            }
        }
        evaluations.append("Program evaluations: " + ReportText.notStated + " GoalStat does not record program evaluations; attach their summary findings to this report.")

        let nextSteps = inputs.document.goals.compactMap { goal -> (goal: Goal, text: String)? in
            let latest = inputs.document.narratives.filter { $0.goal == goal.code && $0.nextSteps != nil }
                .compactMap { narrative in (try? Period.parse(narrative.period, calendar: inputs.calendar)).map { ($0, narrative) } }
                .filter { $0.0.end <= inputs.asOf }.max { $0.0 < $1.0 }
            return latest.flatMap { $0.1.nextSteps }.map { (goal, $0) }
        }
        return AnnualReport(
            years: years, yearLabels: years.map(inputs.label), goals: sections, evaluations: evaluations, nextSteps: nextSteps
        )
    }

    /// Why a target was missed and the plan, from what the goal leader wrote for that year (challenges, next steps)
    /// and the rationale of the next year's target; "not stated" where neither says.
    private static func miss(_ row: YearlyResult, indicator: Indicator, goal: Goal, inputs: ReportInputs) -> Miss {
        let accounts = inputs.narratives(of: goal.code, within: row.year)
        let why = accounts.compactMap(\.narrative.challenges).first
        var plan = accounts.compactMap(\.narrative.nextSteps).first
        let next = row.year.next()
        if let rationale = inputs.targets(of: indicator.code).asOf(inputs.asOf).first(where: { $0.period == next })?.target.rationale {
            plan = [plan, "Target for \(inputs.label(next)): \(rationale)"].compactMap { $0 }.joined(separator: " ")
        }
        return Miss(year: inputs.label(row.year), why: why ?? ReportText.notStated, plan: plan ?? ReportText.notStated)
    }
}
