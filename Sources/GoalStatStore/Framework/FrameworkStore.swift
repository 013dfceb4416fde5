import FluentKit
import Foundation
import GoalStatCore

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
        guard let plan = try await PlanModel.query(on: db).first() else { return Reporting() }
        return Reporting(calendar: FiscalCalendar(startMonth: plan.fiscalYearStartMonth), fiscal: plan.reportsInFiscalYears)
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
        let before = try await exportDocument(on: db, reporting: labels)
        let summary = try await store(document, calendar: calendar, on: db)
        markReadModel(document)
        if !summary.changesNothing {
            let after = try await exportDocument(on: db, reporting: labels)
            try await AuditLog.record(FrameworkAudit.entries(from: before, to: after, context: audit), on: db)
        }
        return summary
    }

    /// What of the read model the document's records feed.
    private static func markReadModel(_ document: FrameworkDocument) {
        if document.plan != nil { ReadModelChanges.markEverything() }
        ReadModelChanges.mark(indicators: document.indicators.map(\.code) + document.targets.map(\.indicator) + document.rebases.map(\.indicator))
        if !document.goals.isEmpty || !document.milestones.isEmpty || !document.indicators.isEmpty {
            ReadModelChanges.markGoals()
        }
    }

    private static func store(_ document: FrameworkDocument, calendar: FiscalCalendar, on db: any Database) async throws -> FrameworkImportSummary {
        var summary = FrameworkImportSummary()
        try await upsert(document.orgUnits, kind: "orgUnits", summary: &summary, on: db,
                         find: { try await OrgUnitModel.query(on: db).filter(\.$code == $0.code).first() },
                         make: OrgUnitModel.init, current: { $0.domain }, apply: { $0.apply($1) }, position: { $0.position = $1 })
        try await upsert(document.people, kind: "people", summary: &summary, on: db,
                         find: { try await PersonModel.query(on: db).filter(\.$email == $0.email).first() },
                         make: PersonModel.init, current: { $0.domain }, apply: { $0.apply($1) }, position: { $0.position = $1 })
        if let plan = document.plan {
            try await upsert([plan], kind: "plan", summary: &summary, on: db,
                             find: { try await PlanModel.query(on: db).filter(\.$code == $0.code).first() },
                             make: PlanModel.init, current: { $0.domain }, apply: { $0.apply($1) }, position: { _, _ in })
        }
        try await upsert(document.goals, kind: "goals", summary: &summary, on: db,
                         find: { try await GoalModel.query(on: db).filter(\.$code == $0.code).first() },
                         make: { let model = GoalModel(); model.version = 1; return model },
                         current: { $0.domain }, apply: { model, goal in model.apply(goal); model.version += model.id == nil ? 0 : 1 },
                         position: { $0.position = $1 })
        try await importIndicators(document.indicators, summary: &summary, on: db)
        try await upsert(document.links, kind: "links", summary: &summary, on: db,
                         find: { link in
                             try await IndicatorLinkModel.query(on: db)
                                 .filter(\.$driverCode == link.driver).filter(\.$resultCode == link.result).first()
                         },
                         make: IndicatorLinkModel.init, current: { $0.domain }, apply: { $0.apply($1) }, position: { $0.position = $1 })
        try await importTargets(document.targets, calendar: calendar, summary: &summary, on: db)
        try await upsert(document.milestones, kind: "milestones", summary: &summary, on: db,
                         find: { try await MilestoneModel.query(on: db).filter(\.$code == $0.code).first() },
                         make: MilestoneModel.init, current: { $0.domain }, apply: { $0.apply($1) }, position: { $0.position = $1 })
        try await importNarratives(document.narratives, calendar: calendar, summary: &summary, on: db)
        try await importRebases(document.rebases, calendar: calendar, summary: &summary, on: db)
        return summary
    }

    /// Adds what is new, updates what changed, and counts what is the same.
    private static func upsert<Record: Equatable, Row: Model>(
        _ records: [Record], kind: String, summary: inout FrameworkImportSummary, on db: any Database,
        find: (Record) async throws -> Row?, make: () -> Row, current: (Row) -> Record,
        apply: (Row, Record) -> Void, position: (Row, Int) -> Void
    ) async throws {
        var nextPosition = try await Row.query(on: db).count()
        for record in records {
            if let existing = try await find(record) {
                if current(existing) == record {
                    summary.record(kind, .unchanged)
                } else {
                    apply(existing, record)
                    try await existing.update(on: db)
                    summary.record(kind, .updated)
                }
            } else {
                let row = make()
                apply(row, record)
                position(row, nextPosition)
                nextPosition += 1
                try await row.create(on: db)
                summary.record(kind, .added)
            }
        }
    }

    private static func importIndicators(_ indicators: [Indicator], summary: inout FrameworkImportSummary, on db: any Database) async throws {
        var nextPosition = try await IndicatorModel.query(on: db).count()
        for indicator in indicators {
            let links = try await IndicatorGoalModel.query(on: db).filter(\.$indicatorCode == indicator.code).sort(\.$position).all()
            if let existing = try await IndicatorModel.query(on: db).filter(\.$code == indicator.code).first() {
                if existing.domain(goals: links.map(\.goalCode)) == indicator {
                    summary.record("indicators", .unchanged)
                    continue
                }
                existing.apply(indicator)
                existing.version += 1
                try await existing.update(on: db)
                summary.record("indicators", .updated)
            } else {
                let row = IndicatorModel()
                row.apply(indicator)
                row.position = nextPosition
                row.version = 1
                nextPosition += 1
                try await row.create(on: db)
                summary.record("indicators", .added)
            }
            // The goal list is a field of the indicator: it is replaced as a whole.
            try await IndicatorGoalModel.query(on: db).filter(\.$indicatorCode == indicator.code).delete()
            for (position, goal) in indicator.goals.enumerated() {
                let link = IndicatorGoalModel()
                link.indicatorCode = indicator.code
                link.goalCode = goal
                link.position = position
                try await link.create(on: db)
            }
        }
    }

    private static func importTargets(_ targets: [Target], calendar: FiscalCalendar, summary: inout FrameworkImportSummary, on db: any Database) async throws {
        for target in targets {
            let period = try Period.parse(target.period, calendar: calendar)
            let existing = try await TargetModel.query(on: db)
                .filter(\.$indicatorCode == target.indicator)
                .filter(\.$orgUnitCode == (target.orgUnit ?? ""))
                .filter(\.$periodStart == PeriodStorage.start(period))
                .filter(\.$periodEnd == PeriodStorage.end(period))
                .filter(\.$setOn == target.setOn)
                .first()
            if let existing {
                let probe = TargetModel()
                probe.apply(target, period: period)
                if probe.domain(calendar: calendar, fiscal: false) == existing.domain(calendar: calendar, fiscal: false) {
                    summary.record("targets", .unchanged)
                } else {
                    existing.apply(target, period: period)
                    try await existing.update(on: db)
                    summary.record("targets", .updated)
                }
            } else {
                let row = TargetModel()
                row.apply(target, period: period)
                try await row.create(on: db)
                summary.record("targets", .added)
            }
        }
    }

    private static func importRebases(_ rebases: [Rebase], calendar: FiscalCalendar, summary: inout FrameworkImportSummary, on db: any Database) async throws {
        let reporting = Reporting(calendar: calendar, fiscal: false)
        for rebase in rebases {
            let period = try Period.parse(rebase.period, calendar: calendar)
            let existing = try await RebaseModel.query(on: db)
                .filter(\.$indicatorCode == rebase.indicator)
                .filter(\.$orgUnitCode == (rebase.orgUnit ?? ""))
                .filter(\.$periodStart == PeriodStorage.start(period))
                .first()
            let probe = RebaseModel()
            probe.apply(rebase, period: period)
            if let existing {
                if existing.domain(reporting: reporting) == probe.domain(reporting: reporting) {
                    summary.record("rebases", .unchanged)
                } else {
                    existing.apply(rebase, period: period)
                    try await existing.update(on: db)
                    summary.record("rebases", .updated)
                }
            } else {
                try await probe.create(on: db)
                summary.record("rebases", .added)
            }
        }
    }

    private static func importNarratives(_ narratives: [Narrative], calendar: FiscalCalendar, summary: inout FrameworkImportSummary, on db: any Database) async throws {
        for narrative in narratives {
            let period = try Period.parse(narrative.period, calendar: calendar)
            let existing = try await NarrativeModel.query(on: db)
                .filter(\.$goalCode == narrative.goal)
                .filter(\.$periodStart == PeriodStorage.start(period))
                .filter(\.$periodEnd == PeriodStorage.end(period))
                .first()
            let probe = NarrativeModel()
            probe.apply(narrative, period: period)
            if let existing {
                if existing.domain(calendar: calendar, fiscal: false) == probe.domain(calendar: calendar, fiscal: false) {
                    summary.record("narratives", .unchanged)
                } else {
                    existing.apply(narrative, period: period)
                    try await existing.update(on: db)
                    summary.record("narratives", .updated)
                }
            } else {
                try await probe.create(on: db)
                summary.record("narratives", .added)
            }
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
