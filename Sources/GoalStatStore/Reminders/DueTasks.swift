import GoalStatCore

/// A value wanted from a steward: an indicator's total for one period that has nothing stored.
public struct ValueTask: Sendable, Equatable {
    public var indicator: String
    public var indicatorName: String
    public var steward: String
    public var frequency: Frequency
    /// The period as the plan prints it (`2026-10`, `FY2026-Q4`).
    public var periodLabel: String
    /// The first day of the period, ISO 8601.
    public var periodStart: String
    /// The month the data-entry grid opens on for this period (`2026-10`).
    public var entryMonth: String
    public var due: DuePeriod
}

/// A quarterly narrative wanted from a goal's leader: to write, or to move on through its workflow until published.
public struct NarrativeTask: Sendable, Equatable {
    public var goal: String
    public var goalName: String
    public var periodLabel: String
    public var due: DuePeriod
    /// Where the quarter's narrative stands: nil when none is written yet.
    public var state: NarrativeState? = nil

    /// What is wanted next, in words.
    public var nextStep: String {
        switch state {
        case nil: "Write it"
        case .draft?: "Submit the draft"
        case .submitted?: "Approve it (or send it back)"
        case .approved?: "Publish it"
        case .published?: "Nothing: it is published"
        }
    }
}

/// A year with no target for an indicator of a goal the person leads.
public struct TargetTask: Sendable, Equatable {
    public var indicator: String
    public var indicatorName: String
    public var periodLabel: String
    public var due: DuePeriod
}

/// Everything due from one person, each list by due date.
public struct PersonTasks: Sendable, Equatable {
    public var values: [ValueTask]
    public var narratives: [NarrativeTask]
    public var targets: [TargetTask]

    public var isEmpty: Bool { values.isEmpty && narratives.isEmpty && targets.isEmpty }
    public var lateCount: Int {
        values.count(where: { $0.due.state == .late }) + narratives.count(where: { $0.due.state == .late })
            + targets.count(where: { $0.due.state == .late })
    }
}
