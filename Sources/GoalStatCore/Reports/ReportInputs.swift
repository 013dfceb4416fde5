/// What a report is built from, all read by key from the store (the read model's verdicts and goal statuses, the
/// stored values of the report's indicators, the reviews' records): the report rules below only arrange it.
public struct ReportInputs: Sendable {
    public var document: FrameworkDocument
    public var asOf: CalendarDate
    /// Each indicator's verdict (its total) from the read model.
    public var verdicts: [String: IndicatorVerdict]
    /// Each goal's rolled-up status from the read model.
    public var goalStatuses: [String: StatusAssessment]
    /// The stored period values (totals) of the report's indicators, oldest first.
    public var values: [String: [Measurement]]
    /// Reviews held on or before `asOf`, with what they recorded about goals.
    public var reviews: [Review]
    public var assessments: [GoalAssessment]
    public var decisions: [ReviewDecision]
    public var actions: [ActionItem]
    /// Whether the report is for the public: then it holds published records only (the caller filtered the
    /// document) and nothing from reviews, which are internal.
    public var isPublic: Bool

    public init(
        document: FrameworkDocument, asOf: CalendarDate, verdicts: [String: IndicatorVerdict], goalStatuses: [String: StatusAssessment],
        values: [String: [Measurement]], reviews: [Review] = [], assessments: [GoalAssessment] = [], decisions: [ReviewDecision] = [],
        actions: [ActionItem] = [], isPublic: Bool
    ) {
        self.document = document
        self.asOf = asOf
        self.verdicts = verdicts
        self.goalStatuses = goalStatuses
        self.values = values
        self.reviews = reviews
        self.assessments = assessments
        self.decisions = decisions
        self.actions = actions
        self.isPublic = isPublic
    }

    public var calendar: FiscalCalendar { FiscalCalendar(startMonth: document.plan?.fiscalYearStartMonth ?? 10) }
    public var fiscal: Bool { document.plan?.reportsInFiscalYears ?? false }

    public func label(_ period: Period) -> String { period.label(calendar: calendar, fiscal: fiscal) }

    func goal(_ code: String) -> Goal? { document.goals.first { $0.code == code } }
    func personName(_ email: String) -> String { document.people.first { $0.email == email }?.name ?? email }
    func unitName(_ code: String) -> String { document.orgUnits.first { $0.code == code }?.name ?? code }

    /// The goal and every goal below it.
    func subtree(_ code: String) -> [Goal] {
        guard let goal = goal(code) else { return [] }
        var result = [goal], frontier = [code], seen: Set<String> = [code]
        while let next = frontier.popLast() {
            for child in document.goals where child.parent == next && !seen.contains(child.code) {
                seen.insert(child.code)
                result.append(child)
                frontier.append(child.code)
            }
        }
        return result
    }

    /// The goal's own indicators, key ones first.
    func indicators(of goal: String) -> [Indicator] {
        document.indicators.filter { $0.goals.contains(goal) }.sorted { ($0.rank == .key ? 0 : 1, $0.code) < ($1.rank == .key ? 0 : 1, $1.code) }
    }

    func targets(of indicator: String) -> TargetHistory {
        TargetHistory(document.targets.filter { $0.indicator == indicator && $0.orgUnit == nil }.compactMap { TargetVersion($0, calendar: calendar) })
    }

    /// The narratives of a goal for quarters that end within `period`, latest first.
    func narratives(of goal: String, within period: Period) -> [(period: Period, narrative: Narrative)] {
        document.narratives.compactMap { narrative in
            guard narrative.goal == goal, let quarter = try? Period.parse(narrative.period, calendar: calendar), period.contains(quarter.end) else { return nil }
            return (quarter, narrative)
        }.sorted { $0.period > $1.period }
    }

    /// The latest assessment of a goal at a review held on or before `asOf`.
    func latestAssessment(of goal: String) -> (review: Review, assessment: GoalAssessment)? {
        let held = Dictionary(reviews.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return assessments.compactMap { assessment -> (Review, GoalAssessment)? in
            guard assessment.goal == goal, let review = held[assessment.review], review.date <= asOf.description else { return nil }
            return (review, assessment)
        }.max { $0.0.date < $1.0.date }.map { (review: $0.0, assessment: $0.1) }
    }
}

/// A sentence a report prints where the data does not say: plainly, so a reader knows it is missing.
public enum ReportText {
    public static let notStated = "Not stated."
}
