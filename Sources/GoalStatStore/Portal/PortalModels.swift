import FluentKit
import Foundation
import GoalStatCore

// See OrgUnitModel for why Fluent models are @unchecked Sendable.

/// One step taken on a narrative (`NarrativeTransition`).
final class NarrativeTransitionModel: Model, @unchecked Sendable {
    static let schema = "narrative_transitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "goal_code") var goalCode: String
    @Field(key: "period_start") var periodStart: String
    @Field(key: "period_end") var periodEnd: String
    @Field(key: "from_state") var fromState: String
    @Field(key: "to_state") var toState: String
    @Field(key: "step") var step: String
    @OptionalField(key: "actor") var actor: String?
    @Field(key: "at") var at: Date
    @OptionalField(key: "note") var note: String?

    init() {}
}

/// A small win (`Win`).
final class WinModel: Model, @unchecked Sendable {
    static let schema = "wins"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "story") var story: String
    @OptionalField(key: "team") var team: String?
    @OptionalField(key: "goal_code") var goalCode: String?
    @OptionalField(key: "milestone_code") var milestoneCode: String?
    @OptionalField(key: "indicator_code") var indicatorCode: String?
    @Field(key: "achieved_on") var achievedOn: String
    @Field(key: "published") var published: Bool
    @OptionalField(key: "recorded_by") var recordedBy: String?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(_ win: Win, at date: Date) {
        id = win.id
        recordedAt = date
        apply(win)
    }

    func apply(_ win: Win) {
        title = win.title
        story = win.story
        team = win.team
        goalCode = win.goal
        milestoneCode = win.milestone
        indicatorCode = win.indicator
        achievedOn = win.achievedOn
        published = win.published
        recordedBy = win.recordedBy
    }

    var domain: Win {
        Win(
            id: id ?? UUID(), title: title, story: story, team: team, goal: goalCode, milestone: milestoneCode, indicator: indicatorCode,
            achievedOn: achievedOn, published: published, recordedBy: recordedBy
        )
    }
}

/// A citizen's comment on a goal (`CitizenFeedback`), with the hash of the address it came from (rate limit).
final class CitizenFeedbackModel: Model, @unchecked Sendable {
    static let schema = "citizen_feedback"

    @ID(key: .id) var id: UUID?
    @Field(key: "goal_code") var goalCode: String
    @Field(key: "message") var message: String
    @OptionalField(key: "display_name") var displayName: String?
    @Field(key: "address_key") var addressKey: String
    @Field(key: "submitted_at") var submittedAt: Date
    @Field(key: "state") var state: String
    @OptionalField(key: "response") var response: String?
    @OptionalField(key: "moderated_at") var moderatedAt: Date?
    @OptionalField(key: "moderated_by") var moderatedBy: String?

    init() {}

    var domain: CitizenFeedback {
        CitizenFeedback(
            id: id ?? UUID(), goal: goalCode, message: message, displayName: displayName, submittedAt: submittedAt,
            state: FeedbackState(rawValue: state) ?? .pending, response: response, moderatedAt: moderatedAt
        )
    }
}
