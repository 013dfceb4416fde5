import FluentKit
import GoalStatCore

/// Reads indicators, their values and targets, and runs the analysis of SPEC §4 on them.
public enum AnalysisService {
    /// The analysis of the given indicators (all when empty), for their own unit or one org unit, as of a date.
    public static func analyze(
        indicators codes: [String], orgUnit: String? = nil, asOf: CalendarDate, on db: any Database
    ) async throws -> [IndicatorAnalysis] {
        let reporting = try await FrameworkStore.reporting(on: db)
        let found = try await FrameworkStore.indicators(codes.isEmpty ? nil : codes, on: db)
        let wanted = codes.isEmpty ? found : try codes.map { code in
            guard let indicator = found.first(where: { $0.code == code }) else { throw AnalysisError.unknownIndicator(code) }
            return indicator
        }
        let targets = Dictionary(grouping: try await FrameworkStore.targets(of: wanted.map(\.code), on: db), by: \.indicator)
        let rebases = Dictionary(grouping: try await FrameworkStore.rebases(of: wanted.map(\.code), on: db), by: \.indicator)
        let series = try await MeasurementStore.measurements(indicators: wanted.map(\.code), orgUnit: orgUnit, on: db)
        let analyzer = IndicatorAnalyzer(calendar: reporting.calendar, fiscal: reporting.fiscal)
            .withLabels(for: Set(series.values.flatMap { $0.map(\.period) }))
        return wanted.map { indicator in
            let versions = (targets[indicator.code] ?? [])
                .filter { $0.orgUnit == orgUnit }
                .compactMap { TargetVersion($0, calendar: reporting.calendar) }
            return analyzer.analyze(
                indicator: indicator, orgUnit: orgUnit, series: series[indicator.code] ?? [],
                targets: TargetHistory(versions), asOf: asOf,
                rebases: (rebases[indicator.code] ?? []).filter { $0.orgUnit == orgUnit }
            )
        }
    }
}

/// Why an analysis could not run.
public enum AnalysisError: Error, Sendable, Equatable {
    case unknownIndicator(String)

    public var message: String {
        switch self {
        case .unknownIndicator(let code): "unknown indicator '\(code)'"
        }
    }
}
