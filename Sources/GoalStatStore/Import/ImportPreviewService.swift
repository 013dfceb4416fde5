import FluentKit
import Foundation
import GoalStatCore
import SQLKit

/// Works out what importing one file would do, writing nothing: the file is checked as an import checks it, then
/// its rows or records are compared with what is stored inside a transaction that is always rolled back.
public enum ImportPreviewService {
    public static func preview(_ file: ImportFile, audit: AuditContext, on db: any Database) async throws -> ImportPreview {
        switch file.kind {
        case .measurements: return try await measurements(file, audit: audit, on: db)
        case .framework(let format): return try await framework(file, format: format, audit: audit, on: db)
        case .stratml: return try await stratml(file, audit: audit, on: db)
        case nil:
            var preview = ImportPreview(fileName: file.name)
            preview.problems = [ImportProblem(file: file.name, reason: ImportFile.unknownTypeReason)]
            preview.problemCount = 1
            return preview
        }
    }

    // MARK: Measurements

    private static func measurements(_ file: ImportFile, audit: AuditContext, on db: any Database) async throws -> ImportPreview {
        let catalog = try await MeasurementStore.catalog(today: CalendarDate(utc: audit.now), on: db)
        let reporting = try await FrameworkStore.reporting(on: db)
        let data = try file.contents()
        let name = file.name
        return try await Transactions.run(on: db, dryRun: true) { tx in
            guard let sql = tx as? any SQLDatabase else { throw StoreError.notSQL }
            var preview = ImportPreview(fileName: name)
            var summary = ImportPreview.Measurements()
            var indicators = Set<String>()
            var ownUnits: [String: String] = [:]
            let staging = MeasurementStaging(sql)
            try await staging.create()
            var offset = data.startIndex
            let result = try await MeasurementsCSV.read(catalog: catalog, next: {
                let end = min(offset + MeasurementsCSV.chunkSize, data.endIndex)
                defer { offset = end }
                return data[offset..<end]
            }) { rows in
                let fresh = Set(rows.map(\.indicator)).subtracting(indicators)
                if !fresh.isEmpty {
                    indicators.formUnion(fresh)
                    ownUnits.merge(try await MeasurementStore.ownUnits(of: fresh, on: tx)) { first, _ in first }
                }
                summary.rows += rows.count
                summary.heldProvisional += rows.lazy.filter(\.heldProvisional).count
                // A row naming its indicator's own unit is the total, as the import stores it.
                let normalized = MeasurementStore.normalizingOwnUnit(rows) { ownUnits[$0] }
                try await staging.add(normalized, batchID: "preview", progress: nil)
            }
            preview.problems = result.issues.map { ImportProblem(file: name, line: $0.line, column: $0.column, reason: $0.reason) }
            preview.problemCount = max(result.issueCount, preview.problems.count)
            let counts = try await staging.previewCounts()
            summary.added = counts.added
            summary.corrected = counts.corrected
            summary.unchanged = summary.rows - counts.added - counts.corrected
            summary.needingReason = counts.needingReason
            summary.lines = try await staging.previewRows(limit: ImportPreview.listLimit).map { row in
                let indicator = try row.decode(column: "indicator_code", as: String.self)
                let start = try row.decode(column: "period_start", as: String.self)
                let unit = try row.decode(column: "org_unit_code", as: String.self)
                let period = catalog.indicators[indicator].flatMap { PeriodStorage.period(start: start, frequency: $0.frequency) }
                let old: ImportPreview.Value? = try row.decode(column: "old_indicator", as: String?.self) == nil ? nil : ImportPreview.Value(
                    value: text(try row.decode(column: "old_value", as: Double?.self), try row.decode(column: "old_level", as: String?.self)),
                    status: try row.decode(column: "old_status", as: String?.self) ?? "",
                    note: try row.decode(column: "old_note", as: String?.self)
                )
                return ImportPreview.Line(
                    line: try row.decode(column: "line", as: Int.self), indicator: indicator, indicatorName: indicator,
                    orgUnit: unit.isEmpty ? nil : unit,
                    period: period.map(reporting.label) ?? start, old: old,
                    new: ImportPreview.Value(
                        value: text(try row.decode(column: "value", as: Double?.self), try row.decode(column: "level", as: String?.self)),
                        status: try row.decode(column: "status", as: String.self), note: try row.decode(column: "note", as: String?.self)
                    ),
                    needsReason: try row.decode(column: "needs_reason", as: Int.self) == 1
                )
            }
            try await staging.drop()
            // Names for the listed lines only: at most `listLimit` indicators are read.
            let names = Dictionary(
                try await FrameworkStore.indicators(Array(Set(summary.lines.map(\.indicator))).sorted(), on: tx).map { ($0.code, $0.name) },
                uniquingKeysWith: { first, _ in first }
            )
            for index in summary.lines.indices { summary.lines[index].indicatorName = names[summary.lines[index].indicator] ?? summary.lines[index].indicator }
            preview.measurements = summary
            return preview
        }
    }

    private static func text(_ value: Double?, _ level: String?) -> String {
        value.map(AuditWording.number) ?? level ?? "—"
    }

    // MARK: Framework

    private static func framework(
        _ file: ImportFile, format: FrameworkFile.Format, audit: AuditContext, on db: any Database
    ) async throws -> ImportPreview {
        var preview = ImportPreview(fileName: file.name)
        let document: FrameworkDocument
        do {
            document = try FrameworkFile.decode(try file.contents(), format: format, file: file.name)
        } catch let error as FrameworkFileError {
            preview.problems = [ImportProblem(file: file.name, position: error.position, field: error.field, reason: error.reason)]
            preview.problemCount = 1
            return preview
        }
        return try await framework(document, of: file, positions: { fields in
            FrameworkFile.positions(of: fields, in: (try? file.contents()) ?? Data(), format: format)
        }, audit: audit, on: db)
    }

    /// A StratML plan: read (what it did not understand kept as notes), then previewed as a framework file.
    private static func stratml(_ file: ImportFile, audit: AuditContext, on db: any Database) async throws -> ImportPreview {
        let plan: StratMLPlan
        do {
            plan = try StratMLFile.read(try file.contents(), file: file.name, today: CalendarDate(utc: audit.now))
        } catch let problem as ImportProblem {
            var preview = ImportPreview(fileName: file.name)
            preview.problems = [problem]
            preview.problemCount = 1
            return preview
        }
        var preview = try await framework(plan.document, of: file, positions: { _ in [:] }, audit: audit, on: db)
        preview.notes = plan.notes
        return preview
    }

    private static func framework(
        _ document: FrameworkDocument, of file: ImportFile, positions: ([String]) -> [String: SourcePosition],
        audit: AuditContext, on db: any Database
    ) async throws -> ImportPreview {
        var preview = ImportPreview(fileName: file.name)
        var audit = audit
        let batch = UUID()
        audit.batch = batch
        do {
            let (summary, entries) = try await Transactions.run(on: db, dryRun: true) { [audit] tx in
                let summary = try await FrameworkStore.importDocument(document, audit: audit, on: tx)
                let entries = try await AuditLog.search(AuditFilter(batch: batch), page: 1, per: 1000, on: tx).items.reversed()
                return (summary, Array(entries))
            }
            preview.framework = ImportPreview.Framework(summary: summary, records: records(entries))
        } catch let error as FrameworkImportError {
            let places = positions(error.issues.prefix(1000).map(\.field))
            preview.problems = error.issues.prefix(1000).map {
                ImportProblem(file: file.name, position: places[$0.field], field: $0.field, reason: $0.reason)
            }
            preview.problemCount = error.issues.count
        }
        return preview
    }

    /// The audit entries of the rolled-back import, one record each, in the order they were written.
    private static func records(_ entries: [AuditEntry]) -> [ImportPreview.Record] {
        var order: [String] = []
        var grouped: [String: [AuditEntry]] = [:]
        for entry in entries {
            let id = "\(entry.entity.rawValue)\u{1}\(entry.key)"
            if grouped[id] == nil { order.append(id) }
            grouped[id, default: []].append(entry)
        }
        return order.prefix(ImportPreview.listLimit).compactMap { id in
            guard let group = grouped[id], let first = group.first else { return nil }
            // A new record has every field recorded from nothing, its key field among them (a key never changes).
            let keyFields: Set<String> = ["", "code", "email", "indicator", "driver", "goal"]
            let isNew = group.allSatisfy { $0.oldValue == nil } && group.contains { keyFields.contains($0.field) }
            let changes = isNew
                ? group.map { "\(AuditWording.fieldName($0.field)): \(AuditWording.value($0.newValue))" }.joined(separator: "; ")
                : AuditWording.change(group)
            return ImportPreview.Record(entity: first.entity, key: first.key, isNew: isNew, changes: changes)
        }
    }
}
