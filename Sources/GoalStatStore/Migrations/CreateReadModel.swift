import FluentKit
import SQLKit

/// The read model (issue 9): every indicator's verdict for its total and each unit, every goal's rolled-up status,
/// and one row of state: the date the model was worked out for and the change counter a process's cache checks.
/// Plus the indexes the point reads of pages need beyond the unique keys.
struct CreateReadModel: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("indicator_goals_goal", "indicator_goals", ["goal_code"]),
        ("indicator_links_result", "indicator_links", ["result_code"]),
        ("milestones_goal", "milestones", ["goal_code"]),
        ("goals_parent", "goals", ["parent_code"]),
        ("indicators_order", "indicators", ["position", "code"]),
        ("goals_order", "goals", ["position", "code"]),
        ("indicator_verdicts_status", ReadModelTables.verdicts, ["org_unit_code", "status"]),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(ReadModelTables.verdicts)
            .field("indicator_code", .string, .required)
            .field("org_unit_code", .string, .required)
            .field("status", .string, .required)
            .field("verdict", .string, .required)
            .field("analysis", .string)
            .unique(on: "indicator_code", "org_unit_code")
            .create()
        try await database.schema(ReadModelTables.goals)
            .field("goal_code", .string, .required)
            .field("status", .string, .required)
            .field("reason", .string, .required)
            .unique(on: "goal_code")
            .create()
        try await database.schema(ReadModelTables.state)
            .field("name", .string, .required)
            .field("as_of", .string)
            .field("counter", .int64, .required)
            .unique(on: "name")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.insert(into: ReadModelTables.state).columns("name", "counter").values(SQLBind("read model"), SQLBind(0)).run()
        for index in Self.indexes {
            let builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            for index in Self.indexes { try await sql.drop(index: index.name).run() }
        }
        try await database.schema(ReadModelTables.state).delete()
        try await database.schema(ReadModelTables.goals).delete()
        try await database.schema(ReadModelTables.verdicts).delete()
    }
}

enum ReadModelTables {
    static let verdicts = "indicator_verdicts"
    static let goals = "goal_statuses"
    static let state = "read_model_state"
    static let integrity = "integrity_findings"
}
