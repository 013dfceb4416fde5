import FluentKit
import Foundation
import GoalStatCore
import SQLKit

extension MeasurementStore {
    /// One indicator's values for one org unit (nil: its own unit), oldest period first.
    public static func series(indicator: String, orgUnit: String? = nil, on db: any Database) async throws -> [GoalStatCore.Measurement] {
        try await measurements(indicators: [indicator], orgUnit: orgUnit, on: db)[indicator] ?? []
    }

    /// Several indicators' values for one org unit (nil: each indicator's own unit), oldest first, keyed by indicator.
    public static func measurements(indicators: [String], orgUnit: String? = nil, on db: any Database) async throws -> [String: [GoalStatCore.Measurement]] {
        try await measurements(indicators: indicators, units: .one(orgUnit), on: db)
    }

    /// Several indicators' values for their own unit and every org unit, oldest first, keyed by indicator.
    public static func measurementsOfEveryUnit(indicators: [String], on db: any Database) async throws -> [String: [GoalStatCore.Measurement]] {
        try await measurements(indicators: indicators, units: .every, on: db)
    }

    enum UnitSelection {
        case one(String?)
        case every
    }

    static func measurements(indicators: [String], units: UnitSelection, on db: any Database) async throws -> [String: [GoalStatCore.Measurement]] {
        guard let sql = db as? any SQLDatabase, !indicators.isEmpty else { return [:] }
        let frequencies = try await indicatorFrequencies(on: db)
        let batches = try await batchSources(on: db)
        var result: [String: [Measurement]] = [:]
        for chunkStart in stride(from: 0, to: indicators.count, by: 500) {
            let chunk = Array(indicators[chunkStart..<min(chunkStart + 500, indicators.count)])
            let query = sql.select()
                .columns("indicator_code", "org_unit_code", "period_start", "value", "level", "status", "note", "revision", "batch_id")
                .from(MeasurementTable.name)
                .where("indicator_code", .in, chunk)
            if case .one(let orgUnit) = units { query.where("org_unit_code", .equal, orgUnit ?? "") }
            let rows = try await query.orderBy("period_start").all()
            for row in rows {
                let indicator = try row.decode(column: "indicator_code", as: String.self)
                guard let frequency = frequencies[indicator],
                      let period = PeriodStorage.period(start: try row.decode(column: "period_start", as: String.self), frequency: frequency)
                else { continue }
                let batchID = try row.decode(column: "batch_id", as: String.self)
                let unit = try row.decode(column: "org_unit_code", as: String.self)
                result[indicator, default: []].append(Measurement(
                    indicator: indicator, orgUnit: unit.isEmpty ? nil : unit, period: period,
                    value: try row.decode(column: "value", as: Double?.self),
                    level: try row.decode(column: "level", as: String?.self),
                    status: MeasurementStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .final,
                    note: try row.decode(column: "note", as: String?.self),
                    revision: try row.decode(column: "revision", as: Int.self),
                    source: batches[batchID] ?? MeasurementSource(kind: .import, label: batchID, enteredBy: nil, enteredAt: .distantPast)
                ))
            }
        }
        return result
    }

    /// The org units that have their own values for an indicator.
    public static func orgUnits(withValuesFor indicator: String, on db: any Database) async throws -> [String] {
        guard let sql = db as? any SQLDatabase else { return [] }
        return try await sql.select().distinct().column("org_unit_code").from(MeasurementTable.name)
            .where("indicator_code", .equal, indicator).where("org_unit_code", .notEqual, "")
            .orderBy("org_unit_code").all().map { try $0.decode(column: "org_unit_code", as: String.self) }
    }

    /// Earlier values of every measurement of an indicator that was corrected, newest correction first.
    public static func revisions(indicator: String, orgUnit: String? = nil, on db: any Database) async throws -> [(period: Period, revision: MeasurementRevision)] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let frequencies = try await indicatorFrequencies(on: db)
        guard let frequency = frequencies[indicator] else { return [] }
        let batches = try await batchSources(on: db)
        let rows = try await sql.select()
            .columns("period_start", "revision", "value", "level", "status", "note", "batch_id", "superseded_by", "reason")
            .from(MeasurementTable.revisions)
            .where("indicator_code", .equal, indicator)
            .where("org_unit_code", .equal, orgUnit ?? "")
            .orderBy("period_start", .descending).orderBy("revision", .descending)
            .all()
        return try rows.compactMap { row in
            guard let period = PeriodStorage.period(start: try row.decode(column: "period_start", as: String.self), frequency: frequency) else { return nil }
            let batchID = try row.decode(column: "batch_id", as: String.self)
            let superseding = batches[try row.decode(column: "superseded_by", as: String.self)]
            return (period, MeasurementRevision(
                revision: try row.decode(column: "revision", as: Int.self),
                value: try row.decode(column: "value", as: Double?.self),
                level: try row.decode(column: "level", as: String?.self),
                status: MeasurementStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .final,
                note: try row.decode(column: "note", as: String?.self),
                source: batches[batchID] ?? MeasurementSource(kind: .import, label: batchID, enteredBy: nil, enteredAt: .distantPast),
                supersededAt: superseding?.enteredAt ?? .distantPast,
                correctionReason: try row.decode(column: "reason", as: String?.self)
            ))
        }
    }

    /// How many values are stored in all.
    public static func count(on db: any Database) async throws -> Int {
        guard let sql = db as? any SQLDatabase else { return 0 }
        let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(MeasurementTable.name).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Every indicator's frequency, read through SQLKit (a Fluent model per indicator costs far more than its row).
    static func indicatorFrequencies(on db: any Database) async throws -> [String: Frequency] {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        var result: [String: Frequency] = [:]
        for row in try await sql.select().columns("code", "frequency").from(IndicatorModel.schema).all() {
            result[try row.decode(column: "code", as: String.self)] = Frequency(rawValue: try row.decode(column: "frequency", as: String.self)) ?? .monthly
        }
        return result
    }

    static func batchSources(on db: any Database) async throws -> [String: MeasurementSource] {
        let batches = try await ImportBatchModel.query(on: db).all()
        var result: [String: MeasurementSource] = [:]
        for batch in batches {
            guard let id = batch.id?.uuidString else { continue }
            result[id] = MeasurementSource(
                kind: EntryKind(rawValue: batch.kind) ?? .import, label: batch.label, enteredBy: batch.enteredBy, enteredAt: batch.enteredAt
            )
        }
        return result
    }
}
