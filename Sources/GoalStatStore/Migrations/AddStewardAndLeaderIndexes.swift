import FluentKit
import SQLKit

/// My tasks reads a person's indicators by steward and goals by leader (issue 10): index both, so the page reads
/// its rows rather than scanning the framework (the goal → indicator links are indexed by `CreateReadModel`).
/// Framework files keep e-mails as typed while accounts keep them in lower case, so the indexes are on the lower-case
/// address (an expression index, which SQLite and PostgreSQL both have) and the reads compare `lower(…)`.
struct AddStewardAndLeaderIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, column: String)] = [
        ("indicators_steward", IndicatorModel.schema, "steward_email"),
        ("goals_leader", GoalModel.schema, "leader_email"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.raw("CREATE INDEX \(ident: index.name) ON \(ident: index.table) (lower(\(ident: index.column)))").run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.drop(index: index.name).run()
        }
    }
}
