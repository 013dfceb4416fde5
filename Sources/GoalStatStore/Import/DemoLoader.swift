import FluentKit
import Foundation
import GoalStatCore

/// Loads the demo agency: its framework file, five years of generated values up to the last complete month, and its
/// small wins.
public enum DemoLoader {
    /// Audited as the system's work (no actor), framework and values under one batch id.
    public static func load(on db: any Database, now: Date, progress: (@Sendable (String) -> Void)? = nil) async throws -> ImportReport {
        if try await PlanModel.query(on: db).count() > 0 {
            throw DemoLoaderError(message: "the database already holds a plan; the demo loads only into an empty database")
        }
        guard let text = try? DemoFramework.yamlText() else { throw DemoLoaderError(message: "the demo framework file is missing from this build") }
        let data = Data(text.utf8)
        let today = CalendarDate(utc: now)
        let audit = AuditContext(actor: nil, source: .system, batch: UUID(), now: now)
        return try await Transactions.run(on: db) { tx in
            progress?("loading the demo agency's framework")
            let document: FrameworkDocument
            do {
                document = try FrameworkFile.decode(data, format: .yaml, file: DemoFramework.fileName)
            } catch let error as FrameworkFileError {
                throw DemoLoaderError(message: error.description)
            }
            var report = ImportReport(dryRun: false)
            do {
                report.framework = try await FrameworkStore.importDocument(document, audit: audit, on: tx)
            } catch let error as FrameworkImportError {
                throw DemoLoaderError(message: "the demo framework is invalid: \(error.issues.map(\.description).joined(separator: "; "))")
            }
            let catalog = try await MeasurementStore.catalog(on: tx)
            let generated = DemoMeasurements.generate(through: today.month == 1 ? (today.year - 1, 12) : (today.year, today.month - 1))
            let rows = try generated.enumerated().map { index, item in
                guard let entry = catalog.indicators[item.indicator] else {
                    throw DemoLoaderError(message: "the demo generates values for unknown indicator \(item.indicator)")
                }
                return ParsedMeasurement(
                    line: index + 2, indicator: item.indicator,
                    period: try Period.parse(item.period, for: entry.frequency, calendar: catalog.calendar),
                    orgUnit: item.orgUnit, value: item.value, level: item.level, status: item.status, note: nil
                )
            }
            progress?("loading the demo agency's appraisals")
            try await DemoAppraisals.load(today: today, audit: audit, on: tx)
            progress?("storing \(rows.count) demo values")
            report.measurements = try await MeasurementStore.store(
                rows, kind: .demo, label: "demo agency", audit: audit, on: tx
            )
            for win in DemoWins.wins(today: today) { try await PortalStore.addWin(win, audit: audit, on: tx) }
            return report
        }
    }
}

/// Why the demo could not be loaded.
public struct DemoLoaderError: Error, Sendable, Equatable {
    public var message: String
}
