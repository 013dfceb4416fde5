import Foundation

/// A small win (SPEC §2, seed 002 practice 7): something a team achieved, linked to a goal, milestone or indicator,
/// recognised on the feed and, once published, on the public portal.
public struct Win: Codable, Sendable, Equatable {
    public var id: UUID
    public var title: String
    public var story: String
    /// The team (org unit code) recognised, if any.
    public var team: String?
    public var goal: String?
    public var milestone: String?
    public var indicator: String?
    /// ISO 8601 date of the achievement.
    public var achievedOn: String
    public var published: Bool
    /// Who recorded it (e-mail address; never shown to the public).
    public var recordedBy: String?

    public init(
        id: UUID, title: String, story: String, team: String? = nil, goal: String? = nil, milestone: String? = nil,
        indicator: String? = nil, achievedOn: String, published: Bool = false, recordedBy: String? = nil
    ) {
        self.id = id
        self.title = title
        self.story = story
        self.team = team
        self.goal = goal
        self.milestone = milestone
        self.indicator = indicator
        self.achievedOn = achievedOn
        self.published = published
        self.recordedBy = recordedBy
    }
}

extension Win {
    /// The win's fields as a draft, for the rules that read drafts (`WinRules.owningUnit`).
    public var draft: WinDraft {
        WinDraft(title: title, story: story, team: team, goal: goal, milestone: milestone, indicator: indicator, achievedOn: achievedOn)
    }
}

/// What a person sends to record a win; checked by `WinRules.validate`.
public struct WinDraft: Codable, Sendable, Equatable {
    public var title: String
    public var story: String
    public var team: String?
    public var goal: String?
    public var milestone: String?
    public var indicator: String?
    public var achievedOn: String

    public init(title: String, story: String, team: String? = nil, goal: String? = nil, milestone: String? = nil, indicator: String? = nil, achievedOn: String) {
        self.title = title
        self.story = story
        self.team = team
        self.goal = goal
        self.milestone = milestone
        self.indicator = indicator
        self.achievedOn = achievedOn
    }
}

/// The rules a win must meet, each refusal naming its field.
public enum WinRules {
    public static let titleLimit = 200
    public static let storyLimit = 4000

    public struct Refusal: Error, Equatable, Sendable {
        public var field: String
        public var message: String
    }

    /// The draft, trimmed, or the first field that is wrong. A win is linked to at least one goal, milestone or
    /// indicator of `document`, and the unit it names exists.
    public static func validate(_ draft: WinDraft, in document: FrameworkDocument) throws(Refusal) -> WinDraft {
        var draft = draft
        func trimmed(_ text: String?) -> String? {
            let value = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return value.isEmpty ? nil : value
        }
        draft.title = trimmed(draft.title) ?? ""
        draft.story = trimmed(draft.story) ?? ""
        (draft.team, draft.goal, draft.milestone, draft.indicator) = (trimmed(draft.team), trimmed(draft.goal), trimmed(draft.milestone), trimmed(draft.indicator))
        if draft.title.isEmpty { throw Refusal(field: "title", message: "Give the win a title.") }
        if draft.title.count > titleLimit { throw Refusal(field: "title", message: "At most \(titleLimit) characters.") }
        if draft.story.isEmpty { throw Refusal(field: "story", message: "Say what was achieved.") }
        if draft.story.count > storyLimit { throw Refusal(field: "story", message: "At most \(storyLimit) characters.") }
        if let problem = TextRules.problem(in: draft.title, as: .name) { throw Refusal(field: "title", message: problem.message) }
        if let problem = TextRules.problem(in: draft.story, as: .longText) { throw Refusal(field: "story", message: problem.message) }
        guard (try? CalendarDate.parse(draft.achievedOn)) != nil else {
            throw Refusal(field: "achievedOn", message: "A date as YYYY-MM-DD.")
        }
        if draft.goal == nil, draft.milestone == nil, draft.indicator == nil {
            throw Refusal(field: "goal", message: "Link the win to a goal, a milestone or an indicator.")
        }
        if let goal = draft.goal, !document.goals.contains(where: { $0.code == goal }) { throw Refusal(field: "goal", message: "No goal \(goal).") }
        if let code = draft.milestone, !document.milestones.contains(where: { $0.code == code }) {
            throw Refusal(field: "milestone", message: "No milestone \(code).")
        }
        if let code = draft.indicator, !document.indicators.contains(where: { $0.code == code }) {
            throw Refusal(field: "indicator", message: "No indicator \(code).")
        }
        if let team = draft.team, !document.orgUnits.contains(where: { $0.code == team }) { throw Refusal(field: "team", message: "No org unit \(team).") }
        return draft
    }

    /// The unit whose staff may record, change and see the unpublished win: its team's, else its goal's or
    /// indicator's (a milestone's goal's).
    public static func owningUnit(of draft: WinDraft, in document: FrameworkDocument) -> String? {
        if let team = draft.team { return team }
        if let goal = draft.goal ?? draft.milestone.flatMap({ code in document.milestones.first { $0.code == code }?.goal }) {
            return document.goals.first { $0.code == goal }?.orgUnit
        }
        return draft.indicator.flatMap { code in document.indicators.first { $0.code == code }?.orgUnit }
    }

    /// Whether the public may see a win: published, and everything it links to is published too.
    public static func isPublic(_ win: Win, in published: FrameworkDocument) -> Bool {
        guard win.published else { return false }
        if let goal = win.goal, !published.goals.contains(where: { $0.code == goal }) { return false }
        if let code = win.indicator, !published.indicators.contains(where: { $0.code == code }) { return false }
        if let code = win.milestone, !published.milestones.contains(where: { $0.code == code }) { return false }
        return true
    }
}
