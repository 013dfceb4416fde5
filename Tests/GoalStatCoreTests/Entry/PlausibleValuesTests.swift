import Testing
@testable import GoalStatCore

/// Values that cannot be true are refused, and a period's value is final only once the period has ended (issue 10).
@Suite("Plausible values")
struct PlausibleValuesTests {
    private static let catalog = MeasurementCatalog(
        indicators: [
            "SAT": CatalogIndicator(frequency: .monthly, unit: .percent),
            "SERVED": CatalogIndicator(frequency: .monthly, unit: .count),
            "CHANGE": CatalogIndicator(frequency: .monthly, unit: .percent, validRange: ValidRange(min: -50, max: 300)),
            "WAIT": CatalogIndicator(frequency: .monthly, unit: .other("minutes"), validRange: ValidRange(min: 0, max: 480)),
            "COST": CatalogIndicator(frequency: .monthly, unit: .currency),
            "LEVEL": CatalogIndicator(frequency: .quarterly, levels: ["Red", "Green"], unit: .percent),
        ],
        orgUnits: ["DMV"], calendar: FiscalCalendar(), today: CalendarDate(year: 2026, month: 12, day: 4)
    )

    private func issues(_ csv: String) -> [String] {
        MeasurementsCSV.read(Array(("indicator,period,value,status\n" + csv).utf8), catalog: Self.catalog).issues
            .map { "\($0.line) \($0.column ?? "-"): \($0.reason)" }
    }

    @Test("a percentage lies in 0–100 and a count or a duration is at least 0, unless the indicator declares its own range")
    func unitsHaveDefaultRanges() {
        #expect(ValidRange.applying(declared: nil, unit: .percent) == ValidRange(min: 0, max: 100))
        #expect(ValidRange.applying(declared: nil, unit: .count) == ValidRange(min: 0))
        #expect(ValidRange.applying(declared: nil, unit: .currency) == nil)
        #expect(ValidRange.applying(declared: nil, unit: .other("minutes")) == ValidRange(min: 0))
        #expect(ValidRange.applying(declared: nil, unit: .hours) == ValidRange(min: 0))
        #expect(ValidRange.applying(declared: nil, unit: .other("incidents per route")) == nil)
        #expect(ValidRange.applying(declared: ValidRange(max: 5), unit: .percent) == ValidRange(max: 5))
        #expect(issues("SAT,2025-07,140,\nSAT,2025-08,-0.5,\nSAT,2025-09,100,\nSAT,2025-10,0,\n") == [
            "2 value: 140 is above 100, the largest valid value of a percentage (if such a value is real, the indicator's definition can declare a wider valid range)",
            "3 value: -0.5 is below 0, the smallest valid value of a percentage (if such a value is real, the indicator's definition can declare a wider valid range)",
        ])
        #expect(issues("SERVED,2025-07,-3,\nSERVED,2025-08,1000000,\n") == [
            "2 value: -3 is below 0, the smallest valid value of a count (if such a value is real, the indicator's definition can declare a wider valid range)",
        ])
        #expect(issues("CHANGE,2025-07,250,\nCHANGE,2025-08,-60,\nWAIT,2025-07,481,\nCOST,2025-07,-1e9,\n") == [
            "3 value: -60 is below -50, the smallest valid value of CHANGE",
            "4 value: 481 is above 480, the largest valid value of WAIT",
        ])
        // A missing value has no number to judge; a qualitative indicator takes levels.
        #expect(issues("SAT,2025-07,,missing\nLEVEL,FY2025-Q1,Red,\n").isEmpty)
    }

    @Test("a form or API entry is refused the same way, the field named")
    func entriesAreRefusedToo() {
        let refused = MeasurementEntry(period: "2025-07", value: 140).validate(indicator: "SAT", catalog: Self.catalog)
        guard case .failure(let problems) = refused else {
            Issue.record("140% was accepted")
            return
        }
        #expect(problems.issues.map(\.column) == ["value"])
        #expect(problems.issues.first?.reason.hasPrefix("140 is above 100") == true)
        if case .failure = MeasurementEntry(period: "2025-07", value: 99.5).validate(indicator: "SAT", catalog: Self.catalog) {
            Issue.record("99.5% was refused")
        }
    }

    @Test("a value given as final for a period that has not ended is held as provisional; an ended period's stays final")
    func openPeriodsAreProvisional() throws {
        let rows = MeasurementsCSV.read(
            Array("indicator,period,value,status\nSERVED,2026-12,5,\nSERVED,2026-11,6,final\nSERVED,2027-01,7,estimated\n".utf8),
            catalog: Self.catalog
        ).rows
        #expect(rows.map(\.status) == [.provisional, .final, .estimated])
        #expect(rows.map(\.heldProvisional) == [true, false, false])
        let entry = try MeasurementEntry(period: "2026-12", value: 5, status: .final).validate(indicator: "SERVED", catalog: Self.catalog).get()
        #expect(entry.status == .provisional)
        #expect(entry.heldProvisional)
        // Without a day to judge by (a file checked on its own), nothing is held.
        var undated = Self.catalog
        undated.today = nil
        #expect(MeasurementsCSV.read(Array("indicator,period,value\nSERVED,2026-12,5\n".utf8), catalog: undated).rows.map(\.status) == [.final])
    }

    @Test("a declared range must be a range: finite ends, the minimum not above the maximum, and no range on levels")
    func declaredRangesAreChecked() {
        let document = FrameworkDocument(
            orgUnits: [OrgUnit(code: "DMV", name: "DMV", kind: .agency)],
            indicators: [
                Indicator(code: "A", name: "A", unit: .percent, direction: .increase, frequency: .monthly, stage: .output, orgUnit: "DMV", validRange: ValidRange(min: 10, max: 5)),
                Indicator(code: "B", name: "B", direction: .increase, frequency: .monthly, stage: .output, orgUnit: "DMV", validRange: ValidRange(min: 0, max: 10)),
                Indicator(code: "C", name: "C", direction: .increase, frequency: .quarterly, stage: .output, orgUnit: "DMV", levels: ["Red", "Green"], validRange: ValidRange(max: 1)),
            ]
        )
        let issues = FrameworkValidator.validate(document).map { "\($0.field): \($0.reason)" }
        #expect(issues.contains("indicators[0].validRange: the minimum (10) is above the maximum (5)"))
        #expect(issues.contains("indicators[2].validRange: a qualitative indicator takes levels, not a range of numbers"))
        #expect(!issues.contains { $0.hasPrefix("indicators[1]") })
    }
}
