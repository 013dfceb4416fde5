import FluentKit
import Foundation
import GoalStatCore

/// Writes what is stored in the formats of SPEC §3.
public enum ExportService {
    public enum MeasurementFormat: Sendable {
        case csv, json
    }

    /// Every current value, or those of `indicators` only (what the person exporting may export).
    public static func measurements(format: MeasurementFormat, indicators: Set<String>? = nil, on db: any Database) async throws -> Data {
        let all = try await MeasurementStore.exportRows(on: db)
        let rows = indicators.map { only in all.filter { only.contains($0.indicator) } } ?? all
        let reporting = try await FrameworkStore.reporting(on: db)
        switch format {
        case .csv:
            return Data(MeasurementsCSV.write(rows, calendar: reporting.calendar, fiscal: reporting.fiscal).utf8)
        case .json:
            let sorted = rows.sorted { ($0.indicator, $0.orgUnit ?? "", $0.period) < ($1.indicator, $1.orgUnit ?? "", $1.period) }
            let records = sorted.map { MeasurementRecord($0, reporting: reporting) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(records)
        }
    }

    public static func framework(format: FrameworkFile.Format, on db: any Database) async throws -> Data {
        try FrameworkFile.encode(try await FrameworkStore.exportDocument(on: db), format: format)
    }
}

/// A measurement as JSON: the CSV columns of SPEC §3.1 in camelCase, the period in its printed form.
public struct MeasurementRecord: Codable, Sendable, Equatable {
    public var indicator: String
    public var period: String
    public var value: Double?
    public var level: String?
    public var orgUnit: String?
    public var status: MeasurementStatus
    public var note: String?

    public init(_ row: ExportMeasurement, reporting: Reporting) {
        indicator = row.indicator
        period = reporting.label(row.period)
        value = row.value
        level = row.level
        orgUnit = row.orgUnit
        status = row.status
        note = row.note
    }
}
