import FluentKit
import Foundation
import GoalStatCore
import NIOConcurrencyHelpers

/// Imports framework and measurement files in one transaction: every file is stored, or none is.
public enum ImportService {
    /// Stores the files in `audit`'s name. The framework changes and the values of one import share one batch id
    /// (`audit.batch`, or a new one), so the audit log links both to the import; the values are audited as one
    /// file-import batch (see `MeasurementStore.store`). `reason` is why the files correct stored values, for the
    /// rows that give none in a `reason` column: a correction of a final value needs one.
    public static func importFiles(
        _ files: [ImportFile], dryRun: Bool, reason: String? = nil, audit: AuditContext,
        on db: any Database, progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> ImportReport {
        var frameworks: [(ImportFile, FrameworkDocument)] = []
        var csvs: [ImportFile] = []
        var problems: [ImportProblem] = []
        var notes: [String] = []
        for file in files {
            switch file.kind {
            case .framework(let format):
                let data: Data
                do {
                    data = try file.contents()
                } catch {
                    problems.append(ImportProblem(file: file.name, reason: "cannot read the file"))
                    continue
                }
                do {
                    frameworks.append((file, try FrameworkFile.decode(data, format: format, file: file.name)))
                } catch {
                    problems.append(ImportProblem(file: file.name, position: error.position, field: error.field, reason: error.reason))
                }
            case .stratml:
                do {
                    let plan = try StratMLFile.read(try file.contents(), file: file.name, today: CalendarDate(utc: audit.now))
                    frameworks.append((file, plan.document))
                    notes += plan.notes.map { "\(file.name): \($0)" }
                } catch let problem as ImportProblem {
                    problems.append(problem)
                } catch {
                    problems.append(ImportProblem(file: file.name, reason: "cannot read the file"))
                }
            case .measurements:
                csvs.append(file)
            case nil:
                problems.append(ImportProblem(file: file.name, reason: ImportFile.unknownTypeReason))
            }
        }
        guard problems.isEmpty else { throw ImportFailure(problems: problems) }
        let label = files.map(\.name).joined(separator: ", ")
        var audit = audit
        audit.batch = audit.batch ?? UUID()

        let reason = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        if let reason, let problem = TextRules.problem(in: reason, as: .longText) {
            throw ImportFailure(problems: [ImportProblem(file: "--reason", reason: "the reason \(problem.message)")])
        }
        var report = try await Transactions.run(on: db, dryRun: dryRun) { [frameworks, csvs, audit] tx in
            try await store(
                frameworks: frameworks, csvs: csvs, dryRun: dryRun, reason: reason, label: label, audit: audit, on: tx,
                progress: progress
            )
        }
        report.notes = notes
        return report
    }

    /// The staging table keeps one line number per row; across several files the file's index rides in its high
    /// bits, so that a refused correction can be named by file and line.
    private static let fileShift = 40

    private static func store(
        frameworks: [(ImportFile, FrameworkDocument)], csvs: [ImportFile], dryRun: Bool, reason: String?, label: String,
        audit: AuditContext, on tx: any Database, progress: (@Sendable (String) -> Void)?
    ) async throws -> ImportReport {
        var report = ImportReport(dryRun: dryRun)
        for (file, document) in frameworks {
            progress?("reading framework \(file.name)")
            do {
                let summary = try await FrameworkStore.importDocument(document, audit: audit, on: tx)
                report.framework = merge(report.framework, summary)
            } catch let error as FrameworkImportError {
                throw ImportFailure(problems: problems(error.issues, in: file))
            }
        }
        guard !csvs.isEmpty else { return report }
        let catalog = try await MeasurementStore.catalog(today: CalendarDate(utc: audit.now), on: tx)
        // One pass over each file, a chunk at a time, holding no more than a chunk: the good rows are stored as they
        // are read (memory does not grow with the files, SPEC §8) until a bad row comes; from then on the files are
        // only read on, to name every bad row with its line, and the import throws, rolling back what was stored.
        var csvProblems: [ImportProblem] = []
        var problemCount = 0
        var acrossFiles = csvs.count > 1 ? DuplicatesAcrossFiles() : nil
        let reportProgress = progress.map { progress in
            let reported = NIOLockedValueBox(0)
            return { @Sendable (done: Int) in
                let step = done / 100_000
                if reported.withLockedValue({ last in defer { last = max(last, step) }; return step > last }) {
                    progress("stored \(step * 100_000) values")
                }
            }
        }
        do {
            report.measurements = try await MeasurementStore.storeStreaming(
                kind: .import, label: label, audit: audit, on: tx, progress: reportProgress
            ) { store in
                for (index, file) in csvs.enumerated() {
                    progress?("reading \(file.name)")
                    let result = try await read(file, catalog: catalog) { rows, clean in
                        acrossFiles?.add(rows, file: index, files: csvs)
                        guard clean, problemCount == 0, acrossFiles?.problems.isEmpty ?? true else { return }
                        try await store(rows.map { row in
                            var row = row
                            row.line |= index << fileShift
                            if row.reason == nil { row.reason = reason }
                            return row
                        })
                    }
                    csvProblems += result.issues.map { ImportProblem(file: file.name, line: $0.line, column: $0.column, reason: $0.reason) }
                    problemCount += result.issueCount
                }
                csvProblems += acrossFiles?.problems ?? []
                problemCount = max(problemCount, csvProblems.count)
                guard problemCount == 0 else { throw ImportFailure(problems: csvProblems, count: problemCount) }
            }
        } catch let refused as CorrectionsNeedReasons {
            let mask = (1 << fileShift) - 1
            throw ImportFailure(problems: refused.rows.map { row in
                ImportProblem(file: csvs[row.line >> fileShift].name, line: row.line & mask, column: "reason", reason: CorrectionsNeedReasons.reason)
            })
        }
        return report
    }

    /// Reads a measurements file a chunk at a time, checking it and handing its good rows on.
    private static func read(
        _ file: ImportFile, catalog: MeasurementCatalog, rows: ([ParsedMeasurement], _ clean: Bool) async throws -> Void
    ) async throws -> MeasurementsCSVResult {
        let next: () throws -> Data
        do {
            next = try file.chunks()
        } catch {
            return MeasurementsCSVResult(rows: [], issues: [ImportIssue(line: 1, column: nil, reason: "cannot read the file")], issueCount: 1)
        }
        return try await MeasurementsCSV.read(catalog: catalog, next: next, rows: rows)
    }

    /// A framework file's validation issues, each with the line and column of the field it names.
    private static func problems(_ issues: [FrameworkIssue], in file: ImportFile) -> [ImportProblem] {
        guard case .framework(let format) = file.kind else {
            // A StratML file's records were made from elements, not written as fields: the field names the record.
            return issues.map { ImportProblem(file: file.name, field: $0.field, reason: $0.reason) }
        }
        let places = FrameworkFile.positions(of: issues.prefix(1000).map(\.field), in: (try? file.contents()) ?? Data(), format: format)
        return issues.map { ImportProblem(file: file.name, position: places[$0.field], field: $0.field, reason: $0.reason) }
    }

    private static func merge(_ first: FrameworkImportSummary?, _ second: FrameworkImportSummary) -> FrameworkImportSummary {
        guard var merged = first else { return second }
        for (kind, counts) in second.counts {
            var entry = merged.counts[kind] ?? .init()
            entry.added += counts.added
            entry.updated += counts.updated
            entry.unchanged += counts.unchanged
            merged.counts[kind] = entry
        }
        return merged
    }
}

/// The same (indicator, period, org unit) in two files of one import is refused, naming both places. Only an
/// import of several files keeps these keys (a set of all their rows); the usual single file needs none.
private struct DuplicatesAcrossFiles {
    private var seen: [String: (file: Int, line: Int)] = [:]
    private(set) var problems: [ImportProblem] = []

    mutating func add(_ rows: [ParsedMeasurement], file: Int, files: [ImportFile]) {
        for row in rows {
            let key = "\(row.indicator)|\(row.orgUnit ?? "")|\(row.period.start)"
            if let first = seen[key] {
                guard first.file != file else { continue }
                problems.append(ImportProblem(
                    file: files[file].name, line: row.line, column: "period",
                    reason: "duplicate of \(files[first.file].name) line \(first.line)"
                ))
            } else {
                seen[key] = (file, row.line)
            }
        }
    }
}
