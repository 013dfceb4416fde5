import FluentKit
import Foundation
import GoalStatCore
import SQLKit

/// Who hears about a value that stays late (issue 10).
///
/// The framework has no "head of unit": org units carry no manager, and `supervisor` is an appraisal role whose
/// holders see personal data, not performance data. The people answerable for an indicator's values are the leaders
/// of the goals it measures (SPEC §1: the goal leader "answers for status"), so they are told. An indicator of no
/// goal with a leader goes to the performance officers (`pio`) whose grant covers its unit, who run the system.
enum EscalationRecipients {
    /// Who is answerable for an indicator: its goals' leaders and the performance officers over its unit.
    struct Answerable: Sendable, Equatable {
        var leaders: [ReminderRecipient]
        var officers: [ReminderRecipient]

        /// The leaders other than the steward; when there are none (no goal, no leader, or the steward leads the
        /// goal), the performance officers.
        func recipients(besides steward: String) -> [ReminderRecipient] {
            let others = leaders.filter { $0.email.lowercased() != steward.lowercased() }
            return others.isEmpty ? officers.filter { $0.email.lowercased() != steward.lowercased() } : others
        }
    }

    /// The answerable people per indicator code.
    static func of(_ indicators: [String], on sql: any SQLDatabase) async throws -> [String: Answerable] {
        var goalsOf: [String: [String]] = [:]
        for chunk in indicators.chunked(500) {
            for row in try await sql.select().columns("indicator_code", "goal_code").from(IndicatorGoalModel.schema)
                .where("indicator_code", .in, chunk).orderBy("position").all() {
                goalsOf[try row.decode(column: "indicator_code", as: String.self), default: []].append(try row.decode(column: "goal_code", as: String.self))
            }
        }
        var leaderOf: [String: String] = [:]
        for chunk in Array(Set(goalsOf.values.joined())).sorted().chunked(500) {
            for row in try await sql.select().columns("code", "leader_email").from(GoalModel.schema).where("code", .in, chunk)
                .where("leader_email", .isNot, SQLLiteral.null).all() {
                leaderOf[try row.decode(column: "code", as: String.self)] = try row.decode(column: "leader_email", as: String.self)
            }
        }
        var leadersOf: [String: [String]] = [:]
        for code in indicators {
            var seen = Set<String>()
            leadersOf[code] = (goalsOf[code] ?? []).compactMap { leaderOf[$0] }.filter { seen.insert($0.lowercased()).inserted }
        }
        let names = try await RecipientNames.of(Array(Set(leadersOf.values.joined())), on: sql)
        let officers = try await performanceOfficers(on: sql)
        let parents = try await unitParents(on: sql)
        let units = try await owningUnits(of: indicators, on: sql)
        var result: [String: Answerable] = [:]
        for code in indicators {
            let covering = unitAndAncestors(units[code], parents: parents)
            var seen = Set<String>()
            result[code] = Answerable(
                leaders: (leadersOf[code] ?? []).map { ReminderRecipient(email: $0, name: names[$0] ?? $0) },
                officers: officers.filter { $0.unit == nil || covering.contains($0.unit!) }.map { $0.recipient }.filter { seen.insert($0.email).inserted }
            )
        }
        return result
    }

    private static func performanceOfficers(on sql: any SQLDatabase) async throws -> [(recipient: ReminderRecipient, unit: String?)] {
        let rows = try await sql.select()
            .column(SQLColumn("email", table: UserModel.schema)).column(SQLColumn("name", table: UserModel.schema))
            .column(SQLColumn("org_unit_code", table: RoleGrantModel.schema))
            .from(UserModel.schema)
            .join(RoleGrantModel.schema, on: SQLColumn("user_id", table: RoleGrantModel.schema), .equal, SQLColumn("id", table: UserModel.schema))
            .where(SQLColumn("role", table: RoleGrantModel.schema), .equal, SQLBind(Role.pio.rawValue))
            .where(SQLColumn("is_active", table: UserModel.schema), .equal, SQLBind(true))
            .orderBy(SQLColumn("email", table: UserModel.schema))
            .all()
        var seen = Set<String>()
        return try rows.compactMap { row in
            let email = try row.decode(column: "email", as: String.self)
            let unit = try row.decode(column: "org_unit_code", as: String?.self)
            guard seen.insert("\(email)|\(unit ?? "*")").inserted else { return nil }
            return (ReminderRecipient(email: email, name: try row.decode(column: "name", as: String.self)), unit)
        }
    }

    private static func unitParents(on sql: any SQLDatabase) async throws -> [String: String] {
        var parents: [String: String] = [:]
        for row in try await sql.select().columns("code", "parent_code").from(OrgUnitModel.schema).all() {
            if let parent = try row.decode(column: "parent_code", as: String?.self) {
                parents[try row.decode(column: "code", as: String.self)] = parent
            }
        }
        return parents
    }

    private static func owningUnits(of indicators: [String], on sql: any SQLDatabase) async throws -> [String: String] {
        var units: [String: String] = [:]
        for chunk in indicators.chunked(500) {
            for row in try await sql.select().columns("code", "org_unit_code").from(IndicatorModel.schema).where("code", .in, chunk).all() {
                units[try row.decode(column: "code", as: String.self)] = try row.decode(column: "org_unit_code", as: String.self)
            }
        }
        return units
    }

    private static func unitAndAncestors(_ unit: String?, parents: [String: String]) -> Set<String> {
        var result = Set<String>()
        var current = unit
        while let code = current, result.insert(code).inserted { current = parents[code] }
        return result
    }
}

/// People's names by e-mail: from the framework's people, else from user accounts, else the address itself.
enum RecipientNames {
    static func of(_ emails: [String], on sql: any SQLDatabase) async throws -> [String: String] {
        var names: [String: String] = [:]
        for chunk in emails.chunked(500) {
            for row in try await sql.select().columns("email", "name").from(UserModel.schema).where("email", .in, chunk).all() {
                names[try row.decode(column: "email", as: String.self)] = try row.decode(column: "name", as: String.self)
            }
            for row in try await sql.select().columns("email", "name").from(PersonModel.schema).where("email", .in, chunk).all() {
                names[try row.decode(column: "email", as: String.self)] = try row.decode(column: "name", as: String.self)
            }
        }
        return names
    }
}
