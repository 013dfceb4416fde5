import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import SQLKit
import Testing

@Suite("Measurement export, streamed (SPEC §3.1, §8)")
struct MeasurementExportTests {
    /// Values in several indicators, units and periods, listed out of order, with text that needs quoting or escaping.
    private static let values = #"""
        indicator,period,value,org_unit,status,note
        FO-SERVED,2026-09,,,missing,office closed
        FO-WAIT-MEDIAN,2026-08,23.1,,final,
        FO-SERVED,2026-08,1200,DMV-FO-NORTH,provisional,"a note, with a comma and ""quotes"""
        FO-WAIT-MEDIAN,2026-07,24.5,,final,a/b \ c: naïve 🚦
        FO-SERVED,2026-07,0.1,DMV-FO-NORTH,estimated,
        FO-SERVED,2026-07,1e21,,final,
        FO-SERVED,2026-06,0.0000001,,final,
        FO-NET,2026-05,-3,DMV,final,
        FO-SAT,2026-Q3,88.5,,,
        FO-SAT,2026-Q2,100,DMV-FO-NORTH,,
        FO-MORALE,2026-Q3,amber,,,
        FO-MORALE,2026-Q2,green,DMV-FO-NORTH,,"line one"

        """#

    private func withValues<T>(_ body: (GoalStatDatabase) async throws -> T) async throws -> T {
        try await TestDatabase.withFresh { store in
            _ = try await ImportService.importFiles(
                [
                    ImportFile(name: "plan.yaml", data: Data(Fixtures.frameworkYAML.utf8)),
                    // A unit that can go below zero, for a negative number.
                    ImportFile(name: "net.yaml", data: Data("indicators:\n  - { code: FO-NET, name: Net change in staff, unit: people, direction: increase, frequency: monthly, stage: input, orgUnit: DMV-FO }\n".utf8)),
                    ImportFile(name: "values.csv", data: Data(Self.values.utf8)),
                ],
                dryRun: false, audit: Fixtures.audit(), on: store.database
            )
            return try await body(store)
        }
    }

    /// What export wrote before it streamed: every row read at once, sorted, and the array encoded by `JSONEncoder`.
    private static func encodedAtOnce(_ rows: [ExportMeasurement], reporting: Reporting) throws -> Data {
        let sorted = rows.sorted { ($0.indicator, $0.orgUnit ?? "", $0.period) < ($1.indicator, $1.orgUnit ?? "", $1.period) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(sorted.map { MeasurementRecord($0, reporting: reporting) })
    }

    private static func rows(pageSize: Int, on store: GoalStatDatabase) async throws -> (rows: [ExportMeasurement], pages: [Int]) {
        var rows: [ExportMeasurement] = []
        var pages: [Int] = []
        try await MeasurementStore.forEachExportPage(pageSize: pageSize, on: store.database) { page in
            rows += page
            pages.append(page.count)
        }
        return (rows, pages)
    }

    @Test("the JSON export is byte for byte what encoding the whole sorted array with JSONEncoder gave")
    func jsonMatchesTheEncoderOfTheWholeArray() async throws {
        try await withValues { store in
            let reporting = try await FrameworkStore.reporting(on: store.database)
            let streamed = try await ExportService.measurements(format: .json, on: store.database)
            let stored = try await Self.rows(pageSize: 1_000, on: store)
            #expect(stored.rows.count == 12)
            let expected = try Self.encodedAtOnce(stored.rows, reporting: reporting)
            #expect(String(decoding: streamed, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test("the CSV export is what the CSV writer makes of every row at once")
    func csvMatchesTheWholeFileWriter() async throws {
        try await withValues { store in
            let reporting = try await FrameworkStore.reporting(on: store.database)
            let streamed = try await ExportService.measurements(format: .csv, on: store.database)
            let stored = try await Self.rows(pageSize: 1_000, on: store)
            let expected = MeasurementsCSV.write(stored.rows.reversed(), calendar: reporting.calendar, fiscal: reporting.fiscal)
            #expect(String(decoding: streamed, as: UTF8.self) == expected)
            #expect(expected.contains(#"FO-SERVED,2026-08,1200,DMV-FO-NORTH,provisional,"a note, with a comma and ""quotes""""#))
        }
    }

    @Test("pages follow the key: small pages give the same rows in the same order, none larger than asked")
    func pagesFollowTheKey() async throws {
        try await withValues { store in
            let whole = try await Self.rows(pageSize: 1_000, on: store)
            let paged = try await Self.rows(pageSize: 2, on: store)
            #expect(paged.rows == whole.rows)
            #expect(paged.pages.allSatisfy { $0 <= 2 })
            #expect(paged.pages.count >= 6)
            #expect(whole.rows.map(\.indicator) == ["FO-MORALE", "FO-MORALE", "FO-NET", "FO-SAT", "FO-SAT"] + Array(repeating: "FO-SERVED", count: 5) + ["FO-WAIT-MEDIAN", "FO-WAIT-MEDIAN"])
            #expect(whole.rows.elementsEqual(whole.rows.sorted { $0.exportsBefore($1) }))
        }
    }

    @Test("a page of the export reads the unique index in key order, with no sort, on either database")
    func pagesAreIndexScansInOrder() async throws {
        try await withValues { store in
            let plan: [String]
            switch TestDatabase.kind {
            case .sqlite:
                // Parameters left unbound are fine for a plan.
                let query = SQLiteExportPages.query(resuming: true, limit: 10)
                plan = try await (store.database as! any SQLDatabase).raw("EXPLAIN QUERY PLAN \(unsafeRaw: query)").all()
                    .map { try $0.decode(column: "detail", as: String.self) }
                #expect(plan.contains { $0.contains("USING INDEX") })
                #expect(!plan.contains { $0.contains("TEMP B-TREE") })
            case .postgres:
                let query = PostgresExportPages.query(resuming: true, limit: 10)
                    .replacingOccurrences(of: "$1", with: "ARRAY['FO-SAT', 'FO-SERVED']")
                    .replacingOccurrences(of: "$2", with: "'FO-SAT'")
                    .replacingOccurrences(of: "$3", with: "''")
                plan = try await store.database.transaction { db in
                    let sql = db as! any SQLDatabase
                    // A table this small would be read whole; what matters is whether its index gives the order.
                    try await sql.raw("SET LOCAL enable_seqscan = off").run()
                    try await sql.raw("SET LOCAL enable_bitmapscan = off").run()
                    return try await sql.raw("EXPLAIN \(unsafeRaw: query)").all().map { try $0.decode(column: "QUERY PLAN", as: String.self) }
                }
                #expect(plan.contains { $0.contains("Index Scan") })
                #expect(plan.contains { $0.contains("GroupAggregate") })
                #expect(!plan.contains { $0.contains("Sort") })
                // Byte order whatever the database's locale: the key columns collate "C", so the index's order is it.
                let collations = try await (store.database as! any SQLDatabase).raw("""
                    SELECT column_name, collation_name FROM information_schema.columns
                    WHERE table_name = 'measurements' AND column_name IN ('indicator_code', 'org_unit_code', 'period_start')
                    """).all().map { try $0.decode(column: "collation_name", as: String?.self) }
                #expect(collations == ["C", "C", "C"])
            }
        }
    }

    @Test("NULL values, levels and notes and notes with commas, quotes, line breaks, tabs and backslashes are read as stored")
    func nullsAndAwkwardTextAreReadAsStored() async throws {
        try await withValues { store in
            let sql = store.database as! any SQLDatabase
            let notes: [String?] = [
                nil, "", "NULL", "a, b", #""quoted" and "#, "{braces}", "line\nbreak", "cr\rlf\r\n", "tab\there", #"back\slash \\ \""#,
                "0", "é 🚦", "  padded  ",
            ]
            // Rows written straight to the table: several series with a NULL (or not) in each nullable column.
            for (index, note) in notes.enumerated() {
                let month = String(format: "2025-%02d-01", index % 12 + 1)
                let year = 2010 + index / 12
                let start = "\(year)" + month.dropFirst(4)
                let unit = index.isMultiple(of: 3) ? "" : "DMV-FO-NORTH"
                let value: (any SQLExpression) = index.isMultiple(of: 2) ? SQLLiteral.null : SQLBind(Double(index) + 0.25)
                let level: (any SQLExpression) = index.isMultiple(of: 4) ? SQLLiteral.null : SQLBind(["red", "amber", "green"][index % 3])
                try await sql.insert(into: MeasurementTable.name)
                    .columns("indicator_code", "org_unit_code", "period_start", "value", "level", "status", "note", "revision", "batch_id")
                    .values(
                        SQLBind(index < 7 ? "FO-SERVED" : "FO-MORALE"), SQLBind(unit), SQLBind(start), value, level, SQLBind("final"),
                        note.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null, SQLBind(1), SQLBind("test")
                    )
                    .run()
            }
            let stored = try await sql.select()
                .columns("indicator_code", "org_unit_code", "period_start", "value", "level", "status", "note")
                .from(MeasurementTable.name).all()
                .map { row in
                    (try row.decode(column: "indicator_code", as: String.self), ExportRow(
                        orgUnit: try row.decode(column: "org_unit_code", as: String.self),
                        periodStart: try row.decode(column: "period_start", as: String.self),
                        value: try row.decode(column: "value", as: Double?.self), level: try row.decode(column: "level", as: String?.self),
                        status: try row.decode(column: "status", as: String.self), note: try row.decode(column: "note", as: String?.self)
                    ))
                }
                .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1.isBefore($1.1) }
            #expect(stored.contains { $0.1.value == nil } && stored.contains { $0.1.level == nil } && stored.contains { $0.1.note == nil })
            #expect(Set(stored.compactMap(\.1.note)).isSuperset(of: notes.compactMap { $0 }))
            for pageSize in [1, 3, 1_000] {
                var read: [(String, ExportRow)] = []
                try await MeasurementStore.forEachExportBatch(pageSize: pageSize, on: store.database) { batch in
                    read += batch.rows.map { (batch.indicator, $0) }
                }
                #expect(read.map(\.0) == stored.map(\.0), "page size \(pageSize)")
                #expect(read.map(\.1) == stored.map(\.1), "page size \(pageSize)")
            }
        }
    }

    @Test("an export limited to some indicators writes only theirs")
    func onlyTheIndicatorsAsked() async throws {
        try await withValues { store in
            let text = String(decoding: try await ExportService.measurements(format: .csv, indicators: ["FO-SAT"], on: store.database), as: UTF8.self)
            #expect(text.split(separator: "\n").count == 3)
            #expect(text.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("FO-SAT,") })
        }
    }

    @Test("the JSON writer escapes and prints numbers as JSONEncoder does, and an empty export is the same empty array")
    func jsonWriterMatchesTheEncoder() throws {
        let reporting = Reporting()
        let month = try Period.parse("2026-07", calendar: reporting.calendar)
        let texts = ["tab\there", "new\nline", "cr\rx", "bell\u{7}", "\u{1F}unit", "back\\slash", "sl/ash", "\"quoted\"", "é 🚦", "\u{8}\u{C}"]
        let numbers: [Double] = [0, -0.0, 1, -3, 0.1, 1e-7, 1e21, 123456789.125, Double.leastNonzeroMagnitude, 1.7976931348623157e308, 100, 2.5]
        var rows = texts.enumerated().map { ExportMeasurement(indicator: "I\($0.offset)", period: month, orgUnit: "U", value: 1, note: $0.element) }
        rows += numbers.enumerated().map { ExportMeasurement(indicator: "N\($0.offset)", period: month, value: $0.element, status: .provisional) }
        rows.append(ExportMeasurement(indicator: "Q", period: month, level: "amber", status: .missing))
        for sample in [rows, []] {
            var written = Data()
            var writer = MeasurementExportWriter(format: .json, reporting: reporting) { written.append($0) }
            try writer.write(sample.sorted { $0.exportsBefore($1) })
            try writer.finish()
            let expected = try Self.encodedAtOnce(sample, reporting: reporting)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }
}
