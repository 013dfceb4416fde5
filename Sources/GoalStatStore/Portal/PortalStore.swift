import FluentKit
import Foundation
import GoalStatCore
import SQLKit

/// Wins, citizen feedback and the narrative workflow's history. Writes run inside `Transactions.run`, record their
/// audit entries there and move the change counter (`ReadModelChanges.markShown`), so that every process renders
/// its public pages afresh.
public enum PortalStore {
    // MARK: Wins

    public static func addWin(_ win: Win, audit: AuditContext, on db: any Database) async throws {
        try await WinModel(win, at: audit.now).create(on: db)
        try await AuditLog.record(audit.entries(.win, key: win.id.uuidString, old: nil as Win?, new: win), on: db)
        ReadModelChanges.markShown()
    }

    /// Replaces a win; false when there is none with this id.
    public static func updateWin(_ win: Win, audit: AuditContext, on db: any Database) async throws -> Bool {
        guard let model = try await WinModel.find(win.id, on: db) else { return false }
        let old = model.domain
        model.apply(win)
        try await model.update(on: db)
        try await AuditLog.record(audit.entries(.win, key: win.id.uuidString, old: old, new: win), on: db)
        ReadModelChanges.markShown()
        return true
    }

    public static func win(_ id: UUID, on db: any Database) async throws -> Win? {
        try await WinModel.find(id, on: db)?.domain
    }

    /// A page of wins, latest achievement first; `publishedOnly` for the public, else all of them.
    public static func wins(publishedOnly: Bool, goal: String? = nil, offset: Int, limit: Int, on db: any Database) async throws -> (items: [Win], total: Int) {
        func query() -> QueryBuilder<WinModel> {
            let query = WinModel.query(on: db)
            if publishedOnly { query.filter(\.$published == true) }
            if let goal { query.filter(\.$goalCode == goal) }
            return query
        }
        let total = try await query().count()
        let items = try await query().sort(\.$achievedOn, .descending).sort(\.$title).range(offset..<(offset + limit)).all().map(\.domain)
        return (items, total)
    }

    /// Published wins whose title or story holds every word (case ignored), latest first, at most `limit`: the
    /// database narrows them by the first word; `PortalSearch` checks the rest.
    public static func searchPublishedWins(_ words: [String], limit: Int, on db: any Database) async throws -> [Win] {
        guard let first = words.first, let sql = db as? any SQLDatabase else { return [] }
        let pattern = "%" + first.lowercased().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
        let ids = try await sql.select().column("id").from(WinModel.schema)
            .where("published", .equal, SQLLiteral.boolean(true))
            .where { group in
                group.where(SQLFunction("lower", args: SQLColumn("title")), .like, SQLBind(pattern))
                    .orWhere(SQLFunction("lower", args: SQLColumn("story")), .like, SQLBind(pattern))
            }
            .orderBy("achieved_on", .descending).limit(limit).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await WinModel.query(on: db).filter(\.$id ~~ ids).sort(\.$achievedOn, .descending).all().map(\.domain)
    }

    // MARK: Citizen feedback

    /// How many comments this address sent since `since` (the rate limit's count).
    public static func feedbackCount(addressKey: String, since: Date, on db: any Database) async throws -> Int {
        try await CitizenFeedbackModel.query(on: db).filter(\.$addressKey == addressKey).filter(\.$submittedAt >= since).count()
    }

    public static func addFeedback(_ feedback: CitizenFeedback, addressKey: String, audit: AuditContext, on db: any Database) async throws {
        let model = CitizenFeedbackModel()
        model.id = feedback.id
        model.goalCode = feedback.goal
        model.message = feedback.message
        model.displayName = feedback.displayName
        model.addressKey = addressKey
        model.submittedAt = feedback.submittedAt
        model.state = feedback.state.rawValue
        try await model.create(on: db)
        try await AuditLog.record([audit.entry(.citizenFeedback, key: feedback.id.uuidString, field: "state", old: nil, new: feedback.state.rawValue)], on: db)
    }

    /// Publishes or rejects a comment, with the agency's response; false when there is none with this id.
    public static func moderate(_ id: UUID, state: FeedbackState, response: String?, audit: AuditContext, on db: any Database) async throws -> Bool {
        guard let model = try await CitizenFeedbackModel.find(id, on: db) else { return false }
        let old = model.domain
        model.state = state.rawValue
        model.response = response
        model.moderatedAt = audit.now
        model.moderatedBy = audit.actor
        try await model.update(on: db)
        try await AuditLog.record([
            audit.entry(.citizenFeedback, key: id.uuidString, field: "state", old: old.state.rawValue, new: state.rawValue),
            audit.entry(.citizenFeedback, key: id.uuidString, field: "response", old: old.response, new: response),
        ].filter { $0.oldValue != $0.newValue }, on: db)
        ReadModelChanges.markShown()
        return true
    }

    public static func feedback(_ id: UUID, on db: any Database) async throws -> CitizenFeedback? {
        try await CitizenFeedbackModel.find(id, on: db)?.domain
    }

    /// A page of comments in one state (oldest first when waiting, so the queue is worked in order; else latest first),
    /// of one goal or of every goal.
    public static func feedback(state: FeedbackState, goal: String? = nil, offset: Int, limit: Int, on db: any Database) async throws -> (items: [CitizenFeedback], total: Int) {
        func query() -> QueryBuilder<CitizenFeedbackModel> {
            let query = CitizenFeedbackModel.query(on: db).filter(\.$state == state.rawValue)
            if let goal { query.filter(\.$goalCode == goal) }
            return query
        }
        let total = try await query().count()
        let items = try await query().sort(\.$submittedAt, state == .pending ? .ascending : .descending)
            .range(offset..<(offset + limit)).all().map(\.domain)
        return (items, total)
    }

    // MARK: Narrative workflow

    public static func recordTransition(_ transition: NarrativeTransition, period: Period, at date: Date, on db: any Database) async throws {
        let model = NarrativeTransitionModel()
        model.goalCode = transition.goal
        model.periodStart = PeriodStorage.start(period)
        model.periodEnd = PeriodStorage.end(period)
        model.fromState = transition.from.rawValue
        model.toState = transition.to.rawValue
        model.step = transition.step.rawValue
        model.actor = transition.actor
        model.at = date
        model.note = transition.note
        try await model.create(on: db)
    }

    /// Every step taken on a goal's narratives, oldest first, each with its quarter printed as the plan prints it.
    public static func transitions(goal: String, on db: any Database) async throws -> [NarrativeTransition] {
        let reporting = try await FrameworkStore.reporting(on: db)
        return try await NarrativeTransitionModel.query(on: db).filter(\.$goalCode == goal).sort(\.$at).all().map { model in
            let period = PeriodStorage.period(start: model.periodStart, end: model.periodEnd, granularity: "quarter")
            return NarrativeTransition(
                goal: model.goalCode, period: period.map(reporting.label) ?? model.periodStart,
                from: NarrativeState(rawValue: model.fromState) ?? .draft, to: NarrativeState(rawValue: model.toState) ?? .draft,
                step: NarrativeStep(rawValue: model.step) ?? .submit, actor: model.actor,
                at: ISO8601DateFormatter().string(from: model.at), note: model.note
            )
        }
    }
}
