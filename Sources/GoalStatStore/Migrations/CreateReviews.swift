import FluentKit
import SQLKit

/// Reviews and what they record: goal assessments with asks for help, decisions, and action items (issue 11).
struct CreateReviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReviewModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("date", .string, .required)
            .field("chair", .string)
            .field("attendees_json", .string, .required)
            .field("goals_json", .string, .required)
            .field("org_units_json", .string, .required)
            .field("notes", .string)
            .create()
        try await database.schema(GoalAssessmentModel.schema)
            .id()
            .field("review_id", .uuid, .required, .references(ReviewModel.schema, "id"))
            .field("goal_code", .string, .required)
            .field("category", .string, .required)
            .field("blockers", .string)
            .field("ask_org_unit", .string)
            .field("ask_request", .string)
            .field("ask_answer", .string)
            .field("ask_answered_by", .string)
            .field("ask_answered_on", .string)
            .unique(on: "review_id", "goal_code")
            .create()
        try await database.schema(ReviewDecisionModel.schema)
            .id()
            .field("review_id", .uuid, .required, .references(ReviewModel.schema, "id"))
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("goal_code", .string)
            .field("indicator_code", .string)
            .field("position", .int, .required)
            .create()
        try await database.schema(ActionItemModel.schema)
            .id()
            .field("review_id", .uuid, .required, .references(ReviewModel.schema, "id"))
            .field("decision_id", .uuid)
            .field("title", .string, .required)
            .field("owner", .string, .required)
            .field("due", .string, .required)
            .field("status", .string, .required)
            .field("closed_on", .string)
            .field("updates_json", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "action_items_owner").on(ActionItemModel.schema).column("owner").column("status").run()
        try await sql.create(index: "review_goal_assessments_ask").on(GoalAssessmentModel.schema).column("ask_org_unit").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "action_items_owner").run()
            try await sql.drop(index: "review_goal_assessments_ask").run()
        }
        try await database.schema(ActionItemModel.schema).delete()
        try await database.schema(ReviewDecisionModel.schema).delete()
        try await database.schema(GoalAssessmentModel.schema).delete()
        try await database.schema(ReviewModel.schema).delete()
    }
}
