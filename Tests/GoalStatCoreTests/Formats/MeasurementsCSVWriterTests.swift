import Testing
@testable import GoalStatCore

@Suite("Measurements CSV writing")
struct MeasurementsCSVWriterTests {
    let federal = FiscalCalendar()

    @Test func writesTheSixColumnsInSpecOrderWithLFLineEndings() {
        let text = MeasurementsCSV.write(
            [ExportMeasurement(indicator: "DMV-WAIT", period: .month(year: 2025, month: 7), value: 12.5)],
            calendar: federal, fiscal: false
        )
        #expect(text == "indicator,period,value,org_unit,status,note\nDMV-WAIT,2025-07,12.5,,final,\n")
    }

    @Test func anEmptyExportIsJustTheHeader() {
        #expect(MeasurementsCSV.write([], calendar: federal, fiscal: false) == "indicator,period,value,org_unit,status,note\n")
    }

    @Test func sortsRowsByIndicatorThenOrgUnitWithTheOwnUnitFirstThenPeriod() {
        let rows = [
            ExportMeasurement(indicator: "B", period: .month(year: 2025, month: 1), value: 1),
            ExportMeasurement(indicator: "A", period: .month(year: 2025, month: 2), orgUnit: "NORTH", value: 2),
            ExportMeasurement(indicator: "A", period: .month(year: 2025, month: 3), value: 3),
            ExportMeasurement(indicator: "A", period: .month(year: 2025, month: 1), orgUnit: "NORTH", value: 4),
            ExportMeasurement(indicator: "A", period: .month(year: 2024, month: 12), value: 5),
            ExportMeasurement(indicator: "A", period: .month(year: 2025, month: 1), orgUnit: "EAST", value: 6),
        ]
        let lines = MeasurementsCSV.write(rows, calendar: federal, fiscal: false).split(separator: "\n").dropFirst()
        #expect(lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",") } == [
            "A,2024-12,5,", "A,2025-03,3,", "A,2025-01,6,EAST", "A,2025-01,4,NORTH", "A,2025-02,2,NORTH", "B,2025-01,1,",
        ])
    }

    @Test func quotesOnlyFieldsThatNeedIt() {
        let rows = [
            ExportMeasurement(
                indicator: "DMV-STATUS", period: .calendarQuarter(year: 2025, quarter: 1), level: "Amber, \"rising\"",
                status: .estimated, note: "line one\nline two"
            ),
            ExportMeasurement(indicator: "DMV-WAIT", period: .month(year: 2025, month: 1), value: 1, note: "plain note; fine"),
        ]
        #expect(MeasurementsCSV.write(rows, calendar: federal, fiscal: false) == #"""
            indicator,period,value,org_unit,status,note
            DMV-STATUS,2025-Q1,"Amber, ""rising""",,estimated,"line one
            line two"
            DMV-WAIT,2025-01,1,,final,plain note; fine

            """#)
    }

    @Test func valuesAreWrittenInTheShortestFormWithoutPointZero() {
        let values: [Double?] = [1, 0.1, 1e-5, -0.0, 123_456_789, 2.5e22, nil]
        let rows = values.enumerated().map { index, value in
            ExportMeasurement(
                indicator: "X", period: .month(year: 2025, month: index + 1), value: value,
                status: value == nil ? .missing : .final
            )
        }
        let written = MeasurementsCSV.write(rows, calendar: federal, fiscal: false)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] }
        #expect(written == ["1", "0.1", "1e-05", "-0", "123456789", "2.5e+22", ""])
    }

    @Test func periodsArePrintedInFiscalFormWhenThePlanReportsInFiscalYears() {
        let rows = [
            ExportMeasurement(indicator: "Q", period: .calendarQuarter(year: 2024, quarter: 4), value: 1),
            ExportMeasurement(indicator: "Y", period: .fiscalYear(2025, calendar: federal), value: 2),
            ExportMeasurement(indicator: "Y", period: .calendarYear(2026), value: 3),
            ExportMeasurement(indicator: "M", period: .month(year: 2024, month: 10), value: 4),
        ]
        let fiscal = MeasurementsCSV.write(rows, calendar: federal, fiscal: true)
        #expect(fiscal.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] } == ["2024-10", "FY2025-Q1", "FY2025", "2026"])
        let calendar = MeasurementsCSV.write(rows, calendar: federal, fiscal: false)
        #expect(calendar.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] } == ["2024-10", "2024-Q4", "FY2025", "2026"])
    }

    @Test func aNonFiniteValueIsWrittenEmpty() {
        let text = MeasurementsCSV.write(
            [ExportMeasurement(indicator: "X", period: .month(year: 2025, month: 1), value: .nan)], calendar: federal, fiscal: false
        )
        #expect(text.hasSuffix("X,2025-01,,,final,\n"))
    }
}

@Suite("Measurements CSV round trip")
struct MeasurementsCSVRoundTripTests {
    private static let catalog = MeasurementCatalog(
        indicators: [
            "WEEKLY": CatalogIndicator(frequency: .weekly),
            "MONTHLY": CatalogIndicator(frequency: .monthly),
            "QUARTERLY": CatalogIndicator(frequency: .quarterly),
            "ANNUAL": CatalogIndicator(frequency: .annual),
            "RAG": CatalogIndicator(frequency: .quarterly, levels: ["Red", "Amber", "Green, \"mostly\""]),
        ],
        orgUnits: ["NORTH", "SOUTH", "EAST, \"old\""],
        calendar: FiscalCalendar()
    )

    /// A seeded mix of every indicator kind, unit, status and note shape, with random doubles.
    private static func sampleRows(count: Int, seed: UInt64) -> [ExportMeasurement] {
        var generator = SeededGenerator(seed: seed)
        let calendar = catalog.calendar
        let units: [String?] = [nil, "NORTH", "SOUTH", "EAST, \"old\""]
        let notes: [String?] = [nil, "checked", "a, b", "say \"hi\"", "two\nlines", "crlf\r\ninside", "ünïcødé ✓"]
        var seen = Set<String>()
        var rows: [ExportMeasurement] = []
        while rows.count < count {
            let unit = units.randomElement(using: &generator)!
            let day = CalendarDate(daysSinceEpoch: Int.random(in: 10_000...25_000, using: &generator))
            let fiscal = Bool.random(using: &generator)
            let (indicator, frequency): (String, Frequency) = [
                ("WEEKLY", .weekly), ("MONTHLY", .monthly), ("QUARTERLY", .quarterly), ("ANNUAL", .annual), ("RAG", .quarterly),
            ].randomElement(using: &generator)!
            let period = Period.containing(day, frequency: frequency, calendar: calendar, fiscal: fiscal)
            guard seen.insert("\(indicator)|\(unit ?? "")|\(period.start)").inserted else { continue }
            let status = MeasurementStatus.allCases.randomElement(using: &generator)!
            var value: Double?
            var level: String?
            if status != .missing {
                if indicator == "RAG" {
                    level = ["Red", "Amber", "Green, \"mostly\""].randomElement(using: &generator)!
                } else {
                    repeat { value = Double(bitPattern: generator.next()) } while !value!.isFinite
                    if Bool.random(using: &generator) { value = Double(Int.random(in: -99_999...99_999, using: &generator)) / 100 }
                }
            }
            rows.append(ExportMeasurement(
                indicator: indicator, period: period, orgUnit: unit, value: value, level: level, status: status,
                note: notes.randomElement(using: &generator)!
            ))
        }
        return rows
    }

    @Test(arguments: [false, true])
    func exportThenReadThenExportGivesIdenticalText(fiscal: Bool) {
        let rows = Self.sampleRows(count: 3_000, seed: fiscal ? 11 : 12)
        let first = MeasurementsCSV.write(rows, calendar: Self.catalog.calendar, fiscal: fiscal)
        let read = MeasurementsCSV.read(first, catalog: Self.catalog)
        #expect(read.issues.isEmpty, "\(read.issues.prefix(5))")
        #expect(read.rows.count == rows.count)
        let second = MeasurementsCSV.write(read.rows.map(ExportMeasurement.init), calendar: Self.catalog.calendar, fiscal: fiscal)
        #expect(second == first)
    }

    @Test func readingAnExportGivesBackEveryValueBitForBit() {
        let rows = Self.sampleRows(count: 2_000, seed: 99)
        let text = MeasurementsCSV.write(rows, calendar: Self.catalog.calendar, fiscal: false)
        let read = MeasurementsCSV.read(text, catalog: Self.catalog)
        func key(_ indicator: String, _ unit: String?, _ period: Period) -> String { "\(indicator)|\(unit ?? "")|\(period.start)" }
        let byKey = Dictionary(uniqueKeysWithValues: read.rows.map { (key($0.indicator, $0.orgUnit, $0.period), $0) })
        var mismatches: [String] = []
        for row in rows {
            guard let back = byKey[key(row.indicator, row.orgUnit, row.period)] else {
                mismatches.append("lost \(row)")
                continue
            }
            if back.value?.bitPattern != row.value?.bitPattern || back.level != row.level || back.status != row.status
                || back.note != row.note || back.period != row.period {
                mismatches.append("\(row) read back as \(back)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
    }
}
