import FluentKit
import Foundation
import GoalStatCore

/// A goal as the appraisal pages show it: its name, leader and status from the read model (line of sight).
public struct AlignedGoal: Equatable, Sendable {
    public var code: String
    public var name: String
    public var leader: String?
    public var status: IndicatorStatus
    public var reason: String
}

/// Point reads of the framework and the read model for appraisals: the goals a plan names, and the goals an
/// executive leads; never the whole framework.
public enum AppraisalReads {
    /// These goals by code, with their status from the read model; unknown codes are left out.
    public static func goals(_ codes: [String], on db: any Database) async throws -> [String: AlignedGoal] {
        guard !codes.isEmpty else { return [:] }
        let rows = try await GoalModel.query(on: db).filter(\.$code ~~ codes).all()
        let statuses = try await ReadModel.goalStatuses(rows.map(\.code), on: db)
        return Dictionary(uniqueKeysWithValues: rows.map { row in
            let status = statuses[row.code]
            return (row.code, AlignedGoal(code: row.code, name: row.name, leader: row.leaderEmail, status: status?.status ?? .noData, reason: status?.reason ?? ""))
        })
    }

    /// The goals a person leads, with their status: the organizational results an SES rating weighs.
    public static func goals(ledBy person: String, on db: any Database) async throws -> [AlignedGoal] {
        let codes = try await GoalModel.query(on: db).filter(\.$leaderEmail == UserAccount.normalizedEmail(person)).sort(\.$code).all().map(\.code)
        let found = try await goals(codes, on: db)
        return codes.compactMap { found[$0] }
    }

    /// A few goals to align elements with, for the plan editor's choices: every goal code and name, by code.
    public static func goalChoices(on db: any Database) async throws -> [(code: String, name: String)] {
        try await GoalModel.query(on: db).sort(\.$code).all().map { ($0.code, $0.name) }
    }
}

extension AppraisalReads {
    /// The names of these people (by email), from the appraisal records and the framework's people; others are left out.
    public static func names(of emails: [String], on db: any Database) async throws -> [String: String] {
        guard !emails.isEmpty else { return [:] }
        let normalized = emails.map(UserAccount.normalizedEmail)
        var names: [String: String] = [:]
        for row in try await PersonModel.query(on: db).filter(\.$email ~~ normalized).all() { names[row.email] = row.name }
        for employee in try await AppraisalStore.Employees.query(on: db).filter(\.$owner ~~ normalized).all() {
            if let record = employee.decoded(AppraisalEmployee.self) { names[record.email] = record.name }
        }
        return names
    }
}
