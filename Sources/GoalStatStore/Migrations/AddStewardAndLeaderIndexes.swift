import FluentKit
import SQLKit

/// My tasks reads a person's indicators by steward and goals by leader (issue 10): index both, so the page reads
/// its rows rather than scanning the framework (the goal → indicator links are indexed by `CreateReadModel`).
struct AddStewardAndLeaderIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, column: String)] = [
        ("indicators_steward", IndicatorModel.schema, "steward_email"),
        ("goals_leader", GoalModel.schema, "leader_email"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.create(index: index.name).on(index.table).column(index.column).run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.drop(index: index.name).run()
        }
    }
}
