import Foundation

/// A data-driven review (PerformanceStat; GPRA's quarterly reviews of priority goals, 31 U.S.C. 1121(b)): a date,
/// a chair, attendees and a scope of goals and org units. Its briefing is generated from the data as of a date; what
/// it decides, asks and assigns is recorded with it and followed up at every later review.
public struct Review: Codable, Sendable, Equatable, Identifiable {
    public var id: UUID
    public var kind: ReviewKind
    public var title: String
    /// ISO date (`2026-12-10`).
    public var date: String
    public var chair: String?
    public var attendees: [String]
    public var goals: [String]
    public var orgUnits: [String]
    public var notes: String?

    public init(
        id: UUID = UUID(), kind: ReviewKind, title: String, date: String, chair: String? = nil, attendees: [String] = [],
        goals: [String] = [], orgUnits: [String] = [], notes: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.chair = chair
        self.attendees = attendees
        self.goals = goals
        self.orgUnits = orgUnits
        self.notes = notes
    }
}

public enum ReviewKind: String, Codable, Sendable, CaseIterable {
    /// Every quarter, for priority goals (GPRA 31 U.S.C. 1121(b)).
    case quarterly
    /// Once a year, of every strategic goal and objective (OMB Circular A-11 §260).
    case strategic
    /// Any other cadence the agency keeps.
    case other
}

/// How a goal stands at a review: for a priority goal, its risk of missing its planned level of performance, what
/// blocks it and who could help; for a strategic objective, noteworthy progress or a focus area for improvement.
public struct GoalAssessment: Codable, Sendable, Equatable, Identifiable {
    public var id: UUID
    public var review: UUID
    public var goal: String
    public var category: GoalCategory
    public var blockers: String?
    public var ask: AskForHelp?

    public init(id: UUID = UUID(), review: UUID, goal: String, category: GoalCategory, blockers: String? = nil, ask: AskForHelp? = nil) {
        self.id = id
        self.review = review
        self.goal = goal
        self.category = category
        self.blockers = blockers
        self.ask = ask
    }
}

public enum GoalCategory: String, Codable, Sendable, CaseIterable {
    case onTrack, someRisk, atRisk, noteworthyProgress, focusAreaForImprovement
}

/// A request for help from those who could remove a blocker (another unit, leadership, another agency), routed to
/// that unit's leaders and followed up until answered.
public struct AskForHelp: Codable, Sendable, Equatable {
    /// The org unit asked (its leaders answer).
    public var orgUnit: String
    public var request: String
    public var answer: String?
    public var answeredBy: String?
    public var answeredOn: String?

    public init(orgUnit: String, request: String, answer: String? = nil, answeredBy: String? = nil, answeredOn: String? = nil) {
        self.orgUnit = orgUnit
        self.request = request
        self.answer = answer
        self.answeredBy = answeredBy
        self.answeredOn = answeredOn
    }

    public var isOpen: Bool { answer == nil }
}

/// A decision or course correction taken at a review.
public struct ReviewDecision: Codable, Sendable, Equatable, Identifiable {
    public var id: UUID
    public var review: UUID
    public var kind: DecisionKind
    public var text: String
    public var goal: String?
    public var indicator: String?

    public init(id: UUID = UUID(), review: UUID, kind: DecisionKind, text: String, goal: String? = nil, indicator: String? = nil) {
        self.id = id
        self.review = review
        self.kind = kind
        self.text = text
        self.goal = goal
        self.indicator = indicator
    }
}

public enum DecisionKind: String, Codable, Sendable, CaseIterable {
    case reviseTarget, reassignLeader, openRisk, changeFocus, other
}

/// Something someone must do by a date, from a review; it comes back at every later review until closed.
public struct ActionItem: Codable, Sendable, Equatable, Identifiable {
    public var id: UUID
    public var review: UUID
    public var decision: UUID?
    public var title: String
    public var owner: String
    /// ISO date.
    public var due: String
    public var status: ActionStatus
    /// When it was closed (done or dropped), ISO date.
    public var closedOn: String?
    public var updates: [ActionUpdate]

    public init(
        id: UUID = UUID(), review: UUID, decision: UUID? = nil, title: String, owner: String, due: String,
        status: ActionStatus = .open, closedOn: String? = nil, updates: [ActionUpdate] = []
    ) {
        self.id = id
        self.review = review
        self.decision = decision
        self.title = title
        self.owner = owner
        self.due = due
        self.status = status
        self.closedOn = closedOn
        self.updates = updates
    }

    public func isOverdue(on today: CalendarDate) -> Bool {
        status == .open && (try? CalendarDate.parse(due)).map { $0 < today } ?? false
    }
}

public enum ActionStatus: String, Codable, Sendable, CaseIterable {
    case open, done, dropped
}

/// A note on an action's progress, with the status it left the action in.
public struct ActionUpdate: Codable, Sendable, Equatable {
    public var on: String
    public var by: String?
    public var text: String
    public var status: ActionStatus

    public init(on: String, by: String?, text: String, status: ActionStatus) {
        self.on = on
        self.by = by
        self.text = text
        self.status = status
    }
}
