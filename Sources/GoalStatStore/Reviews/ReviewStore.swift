import FluentKit
import Foundation
import GoalStatCore
import SQLKit

/// Reviews and what they record. Writes are called inside a transaction (`Transactions.run`) and record their
/// audit entries in it; the rules (`ReviewRules`) are checked by the caller against the framework.
public enum ReviewStore {
    // MARK: Reviews

    public static func schedule(_ review: Review, audit: AuditContext, on db: any Database) async throws {
        try await ReviewModel(review).create(on: db)
        try await AuditLog.record([audit.entry(.review, key: review.id.uuidString, field: "", old: nil, new: JSONColumn.encode(review))], on: db)
    }

    /// Every review, latest first.
    public static func reviews(on db: any Database) async throws -> [Review] {
        try await ReviewModel.query(on: db).sort(\.$date, .descending).all().map(\.domain)
    }

    public static func review(_ id: UUID, on db: any Database) async throws -> Review? {
        try await ReviewModel.find(id, on: db)?.domain
    }

    // MARK: Assessments and asks

    /// Sets how a goal stands at a review (one assessment per goal and review; a second replaces the first).
    public static func assess(_ assessment: GoalAssessment, audit: AuditContext, on db: any Database) async throws {
        let existing = try await GoalAssessmentModel.query(on: db)
            .filter(\.$reviewID == assessment.review).filter(\.$goalCode == assessment.goal).first()
        let old = existing?.domain
        if let existing {
            var kept = assessment
            kept.id = existing.id ?? assessment.id
            // An answer already given stays with the same ask.
            if let answered = old?.ask, answered.orgUnit == kept.ask?.orgUnit, answered.request == kept.ask?.request { kept.ask = answered }
            existing.apply(kept)
            try await existing.update(on: db)
        } else {
            try await GoalAssessmentModel(assessment).create(on: db)
        }
        try await AuditLog.record([audit.entry(
            .goalAssessment, key: "\(assessment.review.uuidString)/\(assessment.goal)", field: "",
            old: old.map(JSONColumn.encode), new: JSONColumn.encode(assessment)
        )], on: db)
    }

    public static func assessments(reviews: [UUID], on db: any Database) async throws -> [GoalAssessment] {
        guard !reviews.isEmpty else { return [] }
        return try await GoalAssessmentModel.query(on: db).filter(\.$reviewID ~~ reviews).sort(\.$goalCode).all().map(\.domain)
    }

    public static func assessment(_ id: UUID, on db: any Database) async throws -> GoalAssessment? {
        try await GoalAssessmentModel.find(id, on: db)?.domain
    }

    /// The asks for help addressed to these units (nil: every unit), open ones first.
    public static func asks(to units: Set<String>?, on db: any Database) async throws -> [GoalAssessment] {
        let query = GoalAssessmentModel.query(on: db).filter(\.$askOrgUnit != nil)
        if let units { query.filter(\.$askOrgUnit ~~ Array(units)) }
        return try await query.all().map(\.domain).sorted { ($0.ask?.isOpen == true ? 0 : 1, $0.goal) < ($1.ask?.isOpen == true ? 0 : 1, $1.goal) }
    }

    /// Records the answer to an ask; false when there is no ask with this id.
    public static func answer(_ id: UUID, answer: String, by person: String?, on date: CalendarDate, audit: AuditContext, on db: any Database) async throws -> Bool {
        guard let model = try await GoalAssessmentModel.find(id, on: db), model.askOrgUnit != nil else { return false }
        let old = model.domain
        model.askAnswer = answer
        model.askAnsweredBy = person
        model.askAnsweredOn = date.description
        try await model.update(on: db)
        try await AuditLog.record([audit.entry(
            .goalAssessment, key: "\(old.review.uuidString)/\(old.goal)", field: "ask.answer", old: old.ask?.answer, new: answer
        )], on: db)
        return true
    }

    // MARK: Decisions

    public static func decide(_ decision: ReviewDecision, audit: AuditContext, on db: any Database) async throws {
        let position = try await ReviewDecisionModel.query(on: db).filter(\.$reviewID == decision.review).count()
        try await ReviewDecisionModel(decision, position: position).create(on: db)
        try await AuditLog.record([audit.entry(.reviewDecision, key: decision.id.uuidString, field: "", old: nil, new: JSONColumn.encode(decision))], on: db)
    }

    public static func decisions(reviews: [UUID], on db: any Database) async throws -> [ReviewDecision] {
        guard !reviews.isEmpty else { return [] }
        return try await ReviewDecisionModel.query(on: db).filter(\.$reviewID ~~ reviews).sort(\.$position).all().map(\.domain)
    }

    // MARK: Actions

    public static func addAction(_ action: ActionItem, audit: AuditContext, on db: any Database) async throws {
        try await ActionItemModel(action).create(on: db)
        try await AuditLog.record([audit.entry(.actionItem, key: action.id.uuidString, field: "", old: nil, new: JSONColumn.encode(action))], on: db)
    }

    public static func action(_ id: UUID, on db: any Database) async throws -> ActionItem? {
        try await ActionItemModel.find(id, on: db)?.domain
    }

    /// Adds an update and the status it leaves the action in; closing (done, dropped) dates it. Nil when there is
    /// no such action.
    public static func update(
        action id: UUID, with update: ActionUpdate, audit: AuditContext, on db: any Database
    ) async throws -> ActionItem? {
        guard let model = try await ActionItemModel.find(id, on: db) else { return nil }
        var action = model.domain
        let oldStatus = action.status
        action.updates.append(update)
        action.status = update.status
        action.closedOn = update.status == .open ? nil : (action.closedOn ?? update.on)
        model.apply(action)
        try await model.update(on: db)
        var entries = [audit.entry(.actionItem, key: id.uuidString, field: "updates", old: nil, new: update.text)]
        if oldStatus != action.status {
            entries.append(audit.entry(.actionItem, key: id.uuidString, field: "status", old: oldStatus.rawValue, new: action.status.rawValue))
        }
        try await AuditLog.record(entries, on: db)
        return action
    }

    public static func actions(reviews: [UUID], on db: any Database) async throws -> [ActionItem] {
        guard !reviews.isEmpty else { return [] }
        return try await ActionItemModel.query(on: db).filter(\.$reviewID ~~ reviews).sort(\.$due).all().map(\.domain)
    }

    /// The open actions of one person (nil: of everyone), soonest due first.
    public static func openActions(owner: String?, on db: any Database) async throws -> [ActionItem] {
        let query = ActionItemModel.query(on: db).filter(\.$status == ActionStatus.open.rawValue)
        if let owner { query.filter(\.$owner == owner) }
        return try await query.sort(\.$due).all().map(\.domain)
    }

    /// What comes back on this review's agenda from the earlier reviews that share its scope.
    public static func followUp(for review: Review, on db: any Database) async throws -> ReviewFollowUp {
        let earlier = try await ReviewModel.query(on: db).filter(\.$date < review.date).all().map(\.domain)
        let ids = earlier.map(\.id)
        return ReviewFollowUp.make(
            for: review, earlier: earlier,
            actions: try await actions(reviews: ids, on: db), assessments: try await assessments(reviews: ids, on: db)
        )
    }
}
