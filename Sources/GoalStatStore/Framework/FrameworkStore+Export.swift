import FluentKit
import GoalStatCore

extension FrameworkStore {
    /// The whole framework as one document, records in the order they were first imported.
    public static func exportDocument(on db: any Database) async throws -> FrameworkDocument {
        try await exportDocument(on: db, reporting: reporting(on: db))
    }

    /// The whole framework with periods printed in the given calendar.
    static func exportDocument(on db: any Database, reporting: Reporting) async throws -> FrameworkDocument {
        let goalLinks = try await IndicatorGoalModel.query(on: db).sort(\.$position).all()
        let goalsByIndicator = Dictionary(grouping: goalLinks, by: \.indicatorCode).mapValues { $0.map(\.goalCode) }
        let targets = try await TargetModel.query(on: db).all()
            .sorted { ($0.indicatorCode, $0.orgUnitCode, $0.periodStart, $0.periodEnd, $0.setOn) < ($1.indicatorCode, $1.orgUnitCode, $1.periodStart, $1.periodEnd, $1.setOn) }
        let narratives = try await NarrativeModel.query(on: db).all()
            .sorted { ($0.goalCode, $0.periodStart) < ($1.goalCode, $1.periodStart) }
        let rebases = try await RebaseModel.query(on: db).all()
            .sorted { ($0.indicatorCode, $0.orgUnitCode, $0.periodStart) < ($1.indicatorCode, $1.orgUnitCode, $1.periodStart) }
        return FrameworkDocument(
            orgUnits: try await OrgUnitModel.query(on: db).sort(\.$position).sort(\.$code).all().map(\.domain),
            people: try await PersonModel.query(on: db).sort(\.$position).sort(\.$email).all().map(\.domain),
            plan: try await PlanModel.query(on: db).first()?.domain,
            goals: try await GoalModel.query(on: db).sort(\.$position).sort(\.$code).all().map(\.domain),
            indicators: try await IndicatorModel.query(on: db).sort(\.$position).sort(\.$code).all()
                .map { $0.domain(goals: goalsByIndicator[$0.code] ?? []) },
            links: try await IndicatorLinkModel.query(on: db).sort(\.$position).all().map(\.domain),
            targets: targets.map { $0.domain(calendar: reporting.calendar, fiscal: reporting.fiscal) },
            milestones: try await MilestoneModel.query(on: db).sort(\.$position).sort(\.$code).all().map(\.domain),
            narratives: narratives.map { $0.domain(calendar: reporting.calendar, fiscal: reporting.fiscal) },
            rebases: rebases.map { $0.domain(reporting: reporting) }
        )
    }
}
