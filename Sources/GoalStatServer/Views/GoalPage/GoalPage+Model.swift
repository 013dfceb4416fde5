import GoalStatCore

/// One goal: its statement, people, status and why, indicators along the value chain, links, milestones and narratives.
struct GoalPageModel: Sendable {
    var goal: Goal
    var status: StatusAssessment
    var parent: (code: String, name: String)?
    var children: [GoalCard]
    var orgUnitName: String?
    var leaderName: String?
    var deputyNames: [String]
    /// Every value-chain stage in order, with the goal's indicators at that stage (possibly none).
    var stages: [(stage: ValueChainStage, indicators: [IndicatorSummary])]
    var links: [LinkRow]
    var milestones: [MilestoneRow]
    /// Newest quarter first.
    var narratives: [Narrative]
    /// Whether the reader may edit the goal: the page then links to its forms.
    var editable = false
    /// Who the reader is to the narrative workflow; nil for a visitor, who sees published narratives only.
    var narrativeActor: NarrativeActor?
    /// The steps taken on the goal's narratives, oldest first (read only for staff of the goal's unit).
    var narrativeHistory: [NarrativeTransition] = []
    /// A refused workflow step, shown beside its form.
    var stepRefusal: StepRefusal?

    struct StepRefusal: Sendable {
        var period: String
        var step: String
        var message: String
        var note: String
    }
}

/// A driver → result link in words.
struct LinkRow: Sendable {
    var driverCode: String
    var driverName: String
    var resultCode: String
    var resultName: String
    var expectedSign: LinkSign
    var lagPeriods: Int
    /// What the lag counts: the driver's periods (`month`, `quarter` …).
    var lagPeriod: String = "period"
}

/// A milestone with whether it is overdue today.
struct MilestoneRow: Sendable {
    var milestone: Milestone
    var overdue: Bool
}
