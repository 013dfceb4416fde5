import FluentKit
import SQLKit

/// The risk register and capacity requests (issue 11).
struct CreateRisksAndCapacity: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RiskModel.schema)
            .id()
            .field("goal_code", .string, .required)
            .field("status", .string, .required)
            .field("score", .int, .required)
            .field("owner", .string)
            .field("review_on", .string)
            .field("record_json", .string, .required)
            .create()
        try await database.schema(CapacityRequestModel.schema)
            .id()
            .field("org_unit_code", .string, .required)
            .field("goal_code", .string)
            .field("status", .string, .required)
            .field("requested_on", .string, .required)
            .field("record_json", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "risks_goal").on(RiskModel.schema).column("goal_code").run()
        try await sql.create(index: "capacity_requests_unit").on(CapacityRequestModel.schema).column("org_unit_code").column("status").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "risks_goal").run()
            try await sql.drop(index: "capacity_requests_unit").run()
        }
        try await database.schema(CapacityRequestModel.schema).delete()
        try await database.schema(RiskModel.schema).delete()
    }
}
