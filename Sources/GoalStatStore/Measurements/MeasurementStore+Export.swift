import FluentKit
import FluentSQLiteDriver
import GoalStatCore
import SQLKit

extension MeasurementStore {
    /// Rows per page of an export: a page is what is held in memory at once, whatever the size of the table.
    public static let exportPageSize = 20_000

    /// Every current value (or those of `indicators` only) in export order, by indicator, org unit (the
    /// indicator's own unit first) and period, handed to `body` a page at a time.
    ///
    /// Pages follow the unique key (indicator, org unit, period start): one indicator after another in code order,
    /// and within an indicator keyset pagination on (org unit, period start), so each page is one index range scan
    /// and nothing is held beyond a page. Codes are ASCII (`Codes`), so the database's byte order (SQLite's
    /// BINARY, PostgreSQL's "C" collation) is Swift's order; a page that comes back otherwise is sorted here.
    /// Values of indicators no longer in the framework are left out, as they always were.
    public static func forEachExportPage(
        indicators only: Set<String>? = nil, pageSize: Int = exportPageSize, on db: any Database,
        _ body: ([ExportMeasurement]) async throws -> Void
    ) async throws {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        let frequencies = try await indicatorFrequencies(on: db)
        let codes = frequencies.keys.filter { only?.contains($0) ?? true }.sorted()
        let source: any ExportPageSource = if let sqlite = db as? any SQLiteDatabase {
            SQLiteExportPages(sqlite: sqlite)
        } else {
            SQLKitExportPages(sql: sql)
        }
        var periods = PeriodCache()
        for code in codes {
            guard let frequency = frequencies[code] else { continue }
            var after: (orgUnit: String, periodStart: String)?
            repeat {
                let stored = try await source.page(indicator: code, after: after, limit: pageSize)
                guard let last = stored.last else { break }
                after = (last.orgUnit, last.periodStart)
                var page: [ExportMeasurement] = []
                page.reserveCapacity(stored.count)
                for row in stored {
                    guard let period = periods.period(start: row.periodStart, frequency: frequency) else { continue }
                    page.append(ExportMeasurement(
                        indicator: code, period: period, orgUnit: row.orgUnit.isEmpty ? nil : row.orgUnit,
                        value: row.value, level: row.level, status: MeasurementStatus(rawValue: row.status) ?? .final, note: row.note
                    ))
                }
                if zip(page, page.dropFirst()).contains(where: { $1.exportsBefore($0) }) { page.sort { $0.exportsBefore($1) } }
                try await body(page)
                if stored.count < pageSize { break }
            } while true
        }
    }
}

/// Periods parsed from their stored first day, once per (frequency, first day).
private struct PeriodCache {
    private var periods: [Frequency: [String: Period]] = [:]

    mutating func period(start: String, frequency: Frequency) -> Period? {
        if let cached = periods[frequency]?[start] { return cached }
        guard let parsed = PeriodStorage.period(start: start, frequency: frequency) else { return nil }
        periods[frequency, default: [:]][start] = parsed
        return parsed
    }
}

/// One stored row of an indicator, as a page of an export reads it.
struct ExportRow {
    var orgUnit: String
    var periodStart: String
    var value: Double?
    var level: String?
    var status: String
    var note: String?
}

/// Reads one page of an indicator's values in key order, after the given (org unit, period start) if any.
protocol ExportPageSource {
    func page(indicator: String, after: (orgUnit: String, periodStart: String)?, limit: Int) async throws -> [ExportRow]
}

/// SQLite: the statement is written with `?` binds and the values are read straight from `SQLiteData`, skipping
/// SQLKit's per-value `Decodable` bridging (most of the time of a five-million-row export, measured).
private struct SQLiteExportPages: ExportPageSource {
    let sqlite: any SQLiteDatabase

    func page(indicator: String, after: (orgUnit: String, periodStart: String)?, limit: Int) async throws -> [ExportRow] {
        var query = "SELECT org_unit_code, period_start, value, level, status, note FROM \(MeasurementTable.name) WHERE indicator_code = ?"
        var binds: [SQLiteData] = [.text(indicator)]
        if let after {
            query += " AND (org_unit_code > ? OR (org_unit_code = ? AND period_start > ?))"
            binds += [.text(after.orgUnit), .text(after.orgUnit), .text(after.periodStart)]
        }
        query += " ORDER BY org_unit_code, period_start LIMIT \(limit)"
        return try await sqlite.query(query, binds).map { row in
            ExportRow(
                orgUnit: row.column("org_unit_code")?.string ?? "",
                periodStart: row.column("period_start")?.string ?? "",
                value: row.column("value")?.double,
                level: row.column("level")?.string,
                status: row.column("status")?.string ?? "",
                note: row.column("note")?.string
            )
        }
    }
}

/// Any other SQL database (PostgreSQL): ordered by byte order (`COLLATE "C"`), whatever the database's collation.
private struct SQLKitExportPages: ExportPageSource {
    let sql: any SQLDatabase

    func page(indicator: String, after: (orgUnit: String, periodStart: String)?, limit: Int) async throws -> [ExportRow] {
        let unit = SQLRaw("org_unit_code COLLATE \"C\"")
        let query = sql.select()
            .columns("org_unit_code", "period_start", "value", "level", "status", "note")
            .from(MeasurementTable.name)
            .where("indicator_code", .equal, indicator)
        if let after {
            query.where { group in
                group.where(unit, .greaterThan, SQLBind(after.orgUnit))
                    .orWhere { inner in
                        inner.where("org_unit_code", .equal, after.orgUnit).where("period_start", .greaterThan, after.periodStart)
                    }
            }
        }
        return try await query.orderBy(unit).orderBy("period_start").limit(limit).all().map { row in
            ExportRow(
                orgUnit: try row.decode(column: "org_unit_code", as: String.self),
                periodStart: try row.decode(column: "period_start", as: String.self),
                value: try row.decode(column: "value", as: Double?.self),
                level: try row.decode(column: "level", as: String?.self),
                status: try row.decode(column: "status", as: String.self),
                note: try row.decode(column: "note", as: String?.self)
            )
        }
    }
}
