import FluentKit
import Foundation
import GoalStatCore

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
final class ReviewModel: Model, @unchecked Sendable {
    static let schema = "reviews"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "date") var date: String
    @OptionalField(key: "chair") var chair: String?
    @Field(key: "attendees_json") var attendeesJSON: String
    @Field(key: "goals_json") var goalsJSON: String
    @Field(key: "org_units_json") var orgUnitsJSON: String
    @OptionalField(key: "notes") var notes: String?

    init() {}

    init(_ review: Review) {
        id = review.id
        apply(review)
    }

    func apply(_ review: Review) {
        kind = review.kind.rawValue
        title = review.title
        date = review.date
        chair = review.chair
        attendeesJSON = JSONColumn.encode(review.attendees)
        goalsJSON = JSONColumn.encode(review.goals)
        orgUnitsJSON = JSONColumn.encode(review.orgUnits)
        notes = review.notes
    }

    var domain: Review {
        Review(
            id: id ?? UUID(), kind: ReviewKind(rawValue: kind) ?? .other, title: title, date: date, chair: chair,
            attendees: JSONColumn.decode([String].self, from: attendeesJSON) ?? [],
            goals: JSONColumn.decode([String].self, from: goalsJSON) ?? [],
            orgUnits: JSONColumn.decode([String].self, from: orgUnitsJSON) ?? [], notes: notes
        )
    }
}

final class GoalAssessmentModel: Model, @unchecked Sendable {
    static let schema = "review_goal_assessments"

    @ID(key: .id) var id: UUID?
    @Field(key: "review_id") var reviewID: UUID
    @Field(key: "goal_code") var goalCode: String
    @Field(key: "category") var category: String
    @OptionalField(key: "blockers") var blockers: String?
    @OptionalField(key: "ask_org_unit") var askOrgUnit: String?
    @OptionalField(key: "ask_request") var askRequest: String?
    @OptionalField(key: "ask_answer") var askAnswer: String?
    @OptionalField(key: "ask_answered_by") var askAnsweredBy: String?
    @OptionalField(key: "ask_answered_on") var askAnsweredOn: String?

    init() {}

    init(_ assessment: GoalAssessment) {
        id = assessment.id
        apply(assessment)
    }

    func apply(_ assessment: GoalAssessment) {
        reviewID = assessment.review
        goalCode = assessment.goal
        category = assessment.category.rawValue
        blockers = assessment.blockers
        askOrgUnit = assessment.ask?.orgUnit
        askRequest = assessment.ask?.request
        askAnswer = assessment.ask?.answer
        askAnsweredBy = assessment.ask?.answeredBy
        askAnsweredOn = assessment.ask?.answeredOn
    }

    var domain: GoalAssessment {
        let ask = askOrgUnit.map { unit in
            AskForHelp(orgUnit: unit, request: askRequest ?? "", answer: askAnswer, answeredBy: askAnsweredBy, answeredOn: askAnsweredOn)
        }
        return GoalAssessment(
            id: id ?? UUID(), review: reviewID, goal: goalCode, category: GoalCategory(rawValue: category) ?? .onTrack,
            blockers: blockers, ask: ask
        )
    }
}

final class ReviewDecisionModel: Model, @unchecked Sendable {
    static let schema = "review_decisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "review_id") var reviewID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "text") var text: String
    @OptionalField(key: "goal_code") var goalCode: String?
    @OptionalField(key: "indicator_code") var indicatorCode: String?
    @Field(key: "position") var position: Int

    init() {}

    init(_ decision: ReviewDecision, position: Int) {
        id = decision.id
        reviewID = decision.review
        kind = decision.kind.rawValue
        text = decision.text
        goalCode = decision.goal
        indicatorCode = decision.indicator
        self.position = position
    }

    var domain: ReviewDecision {
        ReviewDecision(
            id: id ?? UUID(), review: reviewID, kind: DecisionKind(rawValue: kind) ?? .other, text: text, goal: goalCode, indicator: indicatorCode
        )
    }
}

final class ActionItemModel: Model, @unchecked Sendable {
    static let schema = "action_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "review_id") var reviewID: UUID
    @OptionalField(key: "decision_id") var decisionID: UUID?
    @Field(key: "title") var title: String
    @Field(key: "owner") var owner: String
    @Field(key: "due") var due: String
    @Field(key: "status") var status: String
    @OptionalField(key: "closed_on") var closedOn: String?
    @Field(key: "updates_json") var updatesJSON: String

    init() {}

    init(_ action: ActionItem) {
        id = action.id
        apply(action)
    }

    func apply(_ action: ActionItem) {
        reviewID = action.review
        decisionID = action.decision
        title = action.title
        owner = action.owner
        due = action.due
        status = action.status.rawValue
        closedOn = action.closedOn
        updatesJSON = JSONColumn.encode(action.updates)
    }

    var domain: ActionItem {
        ActionItem(
            id: id ?? UUID(), review: reviewID, decision: decisionID, title: title, owner: owner, due: due,
            status: ActionStatus(rawValue: status) ?? .open, closedOn: closedOn,
            updates: JSONColumn.decode([ActionUpdate].self, from: updatesJSON) ?? []
        )
    }
}
