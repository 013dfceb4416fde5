import FluentKit
import GoalStatCore
import SQLKit

/// The narrative workflow (issue 11 item 5): each narrative's state, and the history of its steps.
///
/// Narratives written before the workflow become `published`: every one of them was already shown to anyone who
/// could read its goal (the public ones on the public pages), so publishing them keeps what readers saw, where
/// `draft` would have taken every earlier quarterly update off the public pages at once.
struct AddNarrativeWorkflow: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(NarrativeModel.schema).field("state", .string).update()
        if let sql = database as? any SQLDatabase {
            try await sql.update(NarrativeModel.schema).set("state", to: NarrativeState.published.rawValue).where("state", .is, SQLLiteral.null).run()
        }
        try await database.schema(NarrativeTransitionModel.schema)
            .id()
            .field("goal_code", .string, .required)
            .field("period_start", .string, .required)
            .field("period_end", .string, .required)
            .field("from_state", .string, .required)
            .field("to_state", .string, .required)
            .field("step", .string, .required)
            .field("actor", .string)
            .field("at", .datetime, .required)
            .field("note", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "narrative_transitions_goal").on(NarrativeTransitionModel.schema).column("goal_code").column("period_start").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NarrativeTransitionModel.schema).delete()
        try await database.schema(NarrativeModel.schema).deleteField("state").update()
    }
}

/// Small wins (SPEC §2) and citizen feedback on published goals (issue 12 item 5).
struct CreateWinsAndFeedback: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WinModel.schema)
            .id()
            .field("title", .string, .required)
            .field("story", .string, .required)
            .field("team", .string)
            .field("goal_code", .string)
            .field("milestone_code", .string)
            .field("indicator_code", .string)
            .field("achieved_on", .string, .required)
            .field("published", .bool, .required)
            .field("recorded_by", .string)
            .field("recorded_at", .datetime, .required)
            .create()
        try await database.schema(CitizenFeedbackModel.schema)
            .id()
            .field("goal_code", .string, .required)
            .field("message", .string, .required)
            .field("display_name", .string)
            .field("address_key", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("state", .string, .required)
            .field("response", .string)
            .field("moderated_at", .datetime)
            .field("moderated_by", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "wins_achieved").on(WinModel.schema).column("achieved_on").run()
        try await sql.create(index: "citizen_feedback_address").on(CitizenFeedbackModel.schema).column("address_key").column("submitted_at").run()
        try await sql.create(index: "citizen_feedback_goal").on(CitizenFeedbackModel.schema).column("goal_code").column("state").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CitizenFeedbackModel.schema).delete()
        try await database.schema(WinModel.schema).delete()
    }
}
