import FluentKit
import Foundation
import GoalStatCore

/// The plan as StratML, for the command line, the API and the public download: Part 1 (the strategic plan) or
/// Part 2 (the performance plan and report: its indicators with yearly targets and results).
public enum StratMLExport {
    public enum Part: Int, Sendable, CaseIterable {
        case one = 1, two = 2
    }

    /// How many years of results Part 2 carries, like the annual performance report (31 U.S.C. 1116(c)(1)).
    public static let resultYears = 5

    /// What `principal` may read (everything for nil: the command line); `document` is the framework as stored
    /// when the caller holds it (a server's cached copy).
    public static func xml(
        part: Part, visibleTo principal: Principal?, document stored: FrameworkDocument? = nil, today: CalendarDate, on db: any Database
    ) async throws -> String {
        let full: FrameworkDocument
        if let stored { full = stored } else { full = try await FrameworkStore.exportDocument(on: db) }
        let document = principal.map(full.visible(to:)) ?? full
        switch part {
        case .one:
            return StratML.part1(document, publishedOn: today)
        case .two:
            let reporting = Reporting(plan: document.plan)
            let years = YearlyResults.precedingYears(resultYears, asOf: today, calendar: reporting.calendar, fiscal: reporting.fiscal)
            let results = try await YearlyResultsReader.results(of: document, years: years, asOf: today, on: db)
            return StratML.part2(document, results: results, type: .performanceReport, publishedOn: today)
        }
    }
}

/// The yearly results of a document's indicators, from their stored totals (read by indicator, never analysed).
public enum YearlyResultsReader {
    public static func results(
        of document: FrameworkDocument, years: [Period], asOf: CalendarDate, on db: any Database
    ) async throws -> [String: [YearlyResult]] {
        let reporting = Reporting(plan: document.plan)
        let targets = Dictionary(grouping: document.targets.filter { $0.orgUnit == nil }, by: \.indicator)
        var results: [String: [YearlyResult]] = [:]
        for chunk in document.indicators.chunked(200) {
            let values = try await MeasurementStore.measurements(indicators: chunk.map(\.code), on: db)
            for indicator in chunk {
                let known = (values[indicator.code] ?? []).filter { $0.status != .missing && $0.period.end <= asOf }
                let history = TargetHistory((targets[indicator.code] ?? []).compactMap { TargetVersion($0, calendar: reporting.calendar) })
                results[indicator.code] = YearlyResults.results(
                    of: indicator, values: known.map { ($0.period, $0.value, $0.level) }, targets: history, years: years, asOf: asOf
                )
            }
        }
        return results
    }
}
