import FluentKit
import Foundation
import GoalStatCore

/// Writes what is stored in the formats of SPEC §3.
public enum ExportService {
    public enum MeasurementFormat: Sendable {
        case csv, json
    }

    /// Every current value, or those of `indicators` only (what the person exporting may export), as one body.
    public static func measurements(format: MeasurementFormat, indicators: Set<String>? = nil, on db: any Database) async throws -> Data {
        var data = Data()
        try await measurements(format: format, indicators: indicators, on: db) { data.append($0) }
        return data
    }

    /// Every current value, or those of `indicators` only, written as it is read: `write` receives the text in
    /// chunks of about a megabyte, and memory does not grow with the number of values (SPEC §8).
    /// Rows are sorted by indicator, org unit (the indicator's own unit first) and period in both formats.
    public static func measurements(
        format: MeasurementFormat, indicators: Set<String>? = nil, on db: any Database, write: @escaping (Data) throws -> Void
    ) async throws {
        let reporting = try await FrameworkStore.reporting(on: db)
        var writer = MeasurementExportWriter(format: format, reporting: reporting, sink: write)
        try await MeasurementStore.forEachExportBatch(indicators: indicators, on: db) { batch in
            try writer.write(batch)
        }
        try writer.finish()
    }

    /// The same, handed to an asynchronous `write` (a response body's stream) after each page: what is held at
    /// once is one page of rows and the text written from it, whatever the number of values.
    public static func streamMeasurements(
        format: MeasurementFormat, indicators: Set<String>, on db: any Database, write: @escaping @Sendable (Data) async throws -> Void
    ) async throws {
        let reporting = try await FrameworkStore.reporting(on: db)
        let pending = PendingChunks()
        var writer = MeasurementExportWriter(format: format, reporting: reporting) { pending.chunks.append($0) }
        try await MeasurementStore.forEachExportBatch(indicators: indicators, on: db) { batch in
            try writer.write(batch)
            for chunk in pending.take() { try await write(chunk) }
        }
        try writer.finish()
        for chunk in pending.take() { try await write(chunk) }
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

/// Chunks a synchronous writer has produced and an asynchronous stream has yet to send. `@unchecked Sendable`: one
/// task fills and empties it, in turn.
private final class PendingChunks: @unchecked Sendable {
    var chunks: [Data] = []

    func take() -> [Data] {
        defer { chunks = [] }
        return chunks
    }
}
