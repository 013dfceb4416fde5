import FluentKit

struct CreatePlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PlanModel.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("org_unit_code", .string)
            .field("period_from", .string)
            .field("period_to", .string)
            .field("fiscal_year_start_month", .int, .required)
            .field("reports_in_fiscal_years", .bool, .required)
            .field("mission", .string)
            .field("vision", .string)
            .field("values_json", .string, .required)
            .field("perspectives_json", .string, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanModel.schema).delete()
    }
}
