import FluentKit
import Foundation
import SQLKit

/// The tables of appraisal data share one shape: the columns lookups and lists need (whose record it is, its rating
/// official, its unit, the record it belongs to, a sort key, a level) and the record itself as JSON. The record is
/// read and written whole; the columns are kept in step by `AppraisalStore`.
protocol AppraisalTable {
    static var schema: String { get }
}

enum AppraisalTables {
    enum Programs: AppraisalTable { static let schema = "appraisal_programs" }
    enum Employees: AppraisalTable { static let schema = "appraisal_employees" }
    enum Plans: AppraisalTable { static let schema = "performance_plans" }
    enum ProgressReviews: AppraisalTable { static let schema = "progress_reviews" }
    enum Ratings: AppraisalTable { static let schema = "ratings_of_record" }
    enum Feedback: AppraisalTable { static let schema = "appraisal_feedback" }
    enum Awards: AppraisalTable { static let schema = "appraisal_awards" }

    static var all: [any AppraisalTable.Type] { [Programs.self, Employees.self, Plans.self, ProgressReviews.self, Ratings.self, Feedback.self, Awards.self] }
}

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
final class AppraisalRowModel<Table: AppraisalTable>: Model, @unchecked Sendable {
    static var schema: String { Table.schema }

    @ID(key: .id) var id: UUID?
    /// The employee's email (the program's name for programs).
    @Field(key: "owner") var owner: String
    /// The rating official (employees, plans), the kind (awards, feedback); empty when none.
    @Field(key: "scope") var scope: String
    @Field(key: "org_unit") var orgUnit: String
    /// The program (employees, plans) or the plan (progress reviews, ratings).
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "sort_key") var sortKey: String
    /// The summary level (ratings), the rating of record (awards).
    @OptionalField(key: "level") var level: Int?
    @Field(key: "document") var document: String

    init() {}

    init(id: UUID?, owner: String, scope: String = "", orgUnit: String = "", parent: UUID? = nil, sortKey: String, level: Int? = nil, document: String) {
        self.id = id
        self.owner = owner
        self.scope = scope
        self.orgUnit = orgUnit
        parentID = parent
        self.sortKey = sortKey
        self.level = level
        self.document = document
    }

    func decoded<T: Decodable>(_ type: T.Type) -> T? { JSONColumn.decode(type, from: document) }
}

/// The appraisal tables (issue 13): programs, employees with their rating officials, plans, progress reviews,
/// ratings of record, feedback notes and awards.
struct CreateAppraisals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        for table in AppraisalTables.all {
            var builder = database.schema(table.schema)
                .id()
                .field("owner", .string, .required)
                .field("scope", .string, .required)
                .field("org_unit", .string, .required)
                .field("parent_id", .uuid)
                .field("sort_key", .string, .required)
                .field("level", .int)
                .field("document", .string, .required)
            if table.schema == AppraisalTables.Employees.schema { builder = builder.unique(on: "owner") }
            if table.schema == AppraisalTables.Ratings.schema { builder = builder.unique(on: "parent_id") }
            try await builder.create()
        }
        if let sql = database as? any SQLDatabase {
            for table in AppraisalTables.all {
                try await sql.create(index: "\(table.schema)_owner").on(table.schema).column("owner").run()
                try await sql.create(index: "\(table.schema)_scope").on(table.schema).column("scope").run()
                try await sql.create(index: "\(table.schema)_parent").on(table.schema).column("parent_id").run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        for table in AppraisalTables.all.reversed() { try await database.schema(table.schema).delete() }
    }
}
