import FluentKit
import Foundation
import GoalStatCore
import SQLKit

/// Stores and reads the strategic framework: org units, people, the plan, goals, indicators, links, targets, milestones, narratives.
public enum FrameworkStore {
    static let kinds = ["orgUnits", "people", "plan", "goals", "indicators", "links", "targets", "milestones", "narratives", "rebases"]

    /// The keys already in the database, for validating a file that refers to them.
    public static func storedKeys(on db: any Database) async throws -> FrameworkKeys {
        let plan = try await PlanModel.query(on: db).first()
        return FrameworkKeys(
            orgUnits: Set(try await OrgUnitModel.query(on: db).all(\.$code)),
            people: Set(try await PersonModel.query(on: db).all(\.$email)),
            goals: Set(try await GoalModel.query(on: db).all(\.$code)),
            indicators: Set(try await IndicatorModel.query(on: db).all(\.$code)),
            fiscalYearStartMonth: plan?.fiscalYearStartMonth ?? 10,
            perspectives: plan.map { $0.domain.perspectives } ?? []
        )
    }

    /// The fiscal calendar and reporting form of the stored plan (defaults when there is none).
    public static func reporting(on db: any Database) async throws -> Reporting {
        // Two columns through SQLKit: every saved value's read model asks, and a Fluent model is built by reflection.
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        guard let plan = try await sql.select().columns("fiscal_year_start_month", "reports_in_fiscal_years").from(PlanModel.schema)
            .limit(1).first() else { return Reporting() }
        return Reporting(
            calendar: FiscalCalendar(startMonth: try plan.decode(column: "fiscal_year_start_month", as: Int.self)),
            fiscal: try plan.decode(column: "reports_in_fiscal_years", as: Bool.self)
        )
    }

    /// Validates and stores a document; never deletes. Every record it adds or changes is written to the audit log
    /// (`FrameworkAudit`) in `audit`'s name. Call inside a transaction so that a failure stores nothing, audit included.
    public static func importDocument(
        _ document: FrameworkDocument, audit: AuditContext, on db: any Database
    ) async throws -> FrameworkImportSummary {
        let stored = try await storedKeys(on: db)
        let issues = FrameworkValidator.validate(document, stored: stored)
        guard issues.isEmpty else { throw FrameworkImportError(issues: issues) }
        let calendar = FiscalCalendar(startMonth: document.plan?.fiscalYearStartMonth ?? stored.fiscalYearStartMonth)
        // Both versions print periods as the plan will after the import, so a plan that changes its calendar
        // does not make every target look removed and added again.
        let labels = if let plan = document.plan {
            Reporting(calendar: calendar, fiscal: plan.reportsInFiscalYears)
        } else {
            try await reporting(on: db)
        }
        // The audit compares each changed record as stored before and after; records the import leaves alone are
        // the same in both versions, so they are never read back.
        let (summary, before, after) = try await store(document, calendar: calendar, labels: labels, on: db)
        markReadModel(document)
        if !summary.changesNothing {
            try await AuditLog.record(FrameworkAudit.entries(from: before, to: after, context: audit), on: db)
        }
        return summary
    }

    /// What of the read model the document's records feed.
    private static func markReadModel(_ document: FrameworkDocument) {
        ReadModelChanges.markShown()
        if document.plan != nil { ReadModelChanges.markEverything() }
        ReadModelChanges.mark(indicators: document.indicators.map(\.code) + document.targets.map(\.indicator) + document.rebases.map(\.indicator))
        if !document.goals.isEmpty || !document.milestones.isEmpty || !document.indicators.isEmpty {
            ReadModelChanges.markGoals()
        }
    }

}

/// The calendar a plan reports in.
public struct Reporting: Sendable, Equatable {
    public var calendar: FiscalCalendar
    public var fiscal: Bool

    public init(calendar: FiscalCalendar = FiscalCalendar(startMonth: 10), fiscal: Bool = false) {
        self.calendar = calendar
        self.fiscal = fiscal
    }

    public func label(_ period: Period) -> String {
        PeriodStorage.label(period, calendar: calendar, fiscal: fiscal)
    }
}

/// A framework document that refers to unknown records or breaks a rule; nothing was stored.
public struct FrameworkImportError: Error, Sendable, Equatable {
    public var issues: [FrameworkIssue]
}

extension Reporting {
    /// The reporting of a plan (the defaults without one), as `FrameworkStore.reporting` reads it.
    public init(plan: Plan?) {
        guard let plan else { self.init(); return }
        self.init(calendar: FiscalCalendar(startMonth: plan.fiscalYearStartMonth), fiscal: plan.reportsInFiscalYears)
    }
}
