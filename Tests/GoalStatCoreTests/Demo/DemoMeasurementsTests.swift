import Foundation
import GoalStatCore
import Testing

/// The demo data as the injected clock of 23 November 2026 would ask for it.
let demoLastMonth = (year: 2026, month: 10)
let demoRows = DemoMeasurements.generate(through: demoLastMonth)

/// Rows of one indicator and unit (nil = the total), in period order.
func demoSeries(_ code: String, _ orgUnit: String? = nil, in rows: [DemoMeasurement] = demoRows) -> [DemoMeasurement] {
    rows.filter { $0.indicator == code && $0.orgUnit == orgUnit }
}

/// Values of one series within [from, to] (period strings of one frequency compare in time order).
func demoValues(_ code: String, _ orgUnit: String? = nil, from: String = "0", to: String = "9999") -> [Double] {
    demoSeries(code, orgUnit).filter { $0.period >= from && $0.period <= to }.compactMap(\.value)
}

func demoMean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

func demoStandardDeviation(_ values: [Double]) -> Double {
    let m = demoMean(values)
    return (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
}

@Suite("Demo measurements")
struct DemoMeasurementsTests {
    /// Series with documented holes (planted case d): the number of rows they lack.
    let absentRows = ["SAFE-MED-BACKLOG": 2, "INV-FRAUD-REFERRALS": 1]

    @Test func theSameMonthGivesTheSameDataEveryTime() {
        #expect(DemoMeasurements.generate(through: demoLastMonth) == demoRows)
        #expect(DemoMeasurements.generate(through: (2025, 3)) == DemoMeasurements.generate(through: (2025, 3)))
    }

    @Test func aLaterClockAddsPeriodsButNeverChangesAPastValue() {
        let later = DemoMeasurements.generate(through: (2027, 2))
        let keyed = Dictionary(later.map { ("\($0.indicator)|\($0.orgUnit ?? "")|\($0.period)", $0) }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        for row in demoRows {
            guard let other = keyed["\(row.indicator)|\(row.orgUnit ?? "")|\(row.period)"] else { continue }
            #expect(other.value == row.value && other.level == row.level, "\(row.indicator) \(row.period)")
            compared += 1
        }
        #expect(compared > 3_000)
    }

    @Test func dataEndsAtTheGivenMonthAndItsLastCompleteQuarterAndYear() {
        for (month, quarter, year) in [((2026, 10), "2026-Q3", "2025"), ((2025, 3), "2025-Q1", "2024"), ((2025, 12), "2025-Q4", "2025")] {
            let rows = DemoMeasurements.generate(through: month)
            let monthText = "\(month.0)-" + (month.1 < 10 ? "0\(month.1)" : "\(month.1)")
            for declared in DemoFrameworkScan.indicators {
                let periods = rows.filter { $0.indicator == declared.code }.map(\.period)
                let expected = switch declared.frequency {
                case "quarterly": quarter
                case "annual": year
                default: declared.code == "INV-FRAUD-REFERRALS" ? "late" : monthText
                }
                if expected == "late" { #expect(periods.max()! < monthText); continue }
                #expect(periods.max() == expected, "\(declared.code)")
            }
        }
    }

    @Test func monthlySeriesSpanSixtyMonthsQuarterlyTwentyQuartersAnnualFiveYears() {
        let expected = ["monthly": 60, "quarterly": 20, "annual": 5]
        let units = Set(demoRows.map { "\($0.indicator)|\($0.orgUnit ?? "")" })
        for unit in units {
            let code = String(unit.split(separator: "|", omittingEmptySubsequences: false)[0])
            let frequency = DemoFrameworkScan.byCode[code]?.frequency ?? "?"
            let rows = demoRows.filter { "\($0.indicator)|\($0.orgUnit ?? "")" == unit }
            #expect(rows.count == (expected[frequency] ?? -1) - (absentRows[code] ?? 0), "\(unit)")
            #expect(Set(rows.map(\.period)).count == rows.count, "\(unit): one row per period")
            if frequency == "monthly" { #expect(rows.map(\.period).min() == "2021-11", "\(unit)") }
        }
    }

    @Test func percentagesStayBetweenZeroAndHundred() {
        for row in demoRows where DemoFrameworkScan.byCode[row.indicator]?.unit == "percent" {
            guard let value = row.value else { continue }
            #expect((0...100).contains(value), "\(row.indicator) \(row.period): \(value)")
        }
    }

    @Test func countsAreNonNegativeWholeNumbers() {
        for row in demoRows where DemoFrameworkScan.byCode[row.indicator]?.unit == "count" {
            guard let value = row.value else { continue }
            #expect(value >= 0 && value == value.rounded(), "\(row.indicator) \(row.period): \(value)")
        }
    }

    @Test func everyValueIsNonNegativeAndHasTheDeclaredDecimals() {
        for row in demoRows {
            guard let value = row.value, let declared = DemoFrameworkScan.byCode[row.indicator] else { continue }
            var scale = 1.0
            for _ in 0..<declared.decimals { scale *= 10 }
            #expect(value >= 0, "\(row.indicator) \(row.period)")
            #expect(abs(value * scale - (value * scale).rounded()) < 1e-6, "\(row.indicator) \(row.period): \(value)")
        }
    }

    @Test func qualitativeValuesAreDeclaredLevelsAndNumbersAreNot() {
        let qualitative = DemoFrameworkScan.indicators.filter { $0.levels != nil }
        #expect(qualitative.map(\.code) == ["IT-MOD-HEALTH"])
        for row in demoRows {
            if let levels = DemoFrameworkScan.byCode[row.indicator]?.levels {
                #expect(row.value == nil && row.level.map(levels.contains) == true, "\(row.indicator) \(row.period)")
            } else {
                #expect(row.level == nil && (row.value != nil || row.status == .missing), "\(row.indicator) \(row.period)")
            }
        }
    }

    @Test func everySeriesIsAnIndicatorOfTheFileAndEveryIndicatorHasData() {
        let declared = Set(DemoFrameworkScan.indicators.map(\.code))
        #expect(declared.count >= 40)
        #expect(Set(DemoMeasurements.indicatorCodes) == declared)
        #expect(Set(demoRows.map(\.indicator)) == declared)
        #expect(DemoMeasurements.indicatorCodes.count == declared.count, "one series per indicator")
    }

    @Test func frequenciesMatchTheFile() {
        let forms = ["monthly": #"^\d{4}-\d{2}$"#, "quarterly": #"^\d{4}-Q[1-4]$"#, "annual": #"^\d{4}$"#]
        for row in demoRows {
            let frequency = DemoFrameworkScan.byCode[row.indicator]?.frequency ?? "?"
            #expect(row.period.range(of: forms[frequency] ?? "^$", options: .regularExpression) != nil, "\(row.indicator) \(row.period)")
        }
    }

    @Test func regionalValuesRollUpToTheTotalByTheDeclaredAggregation() {
        let regional = Set(demoRows.compactMap { $0.orgUnit == nil ? nil : $0.indicator })
        #expect(regional.count >= 4)
        for code in regional {
            guard let declared = DemoFrameworkScan.byCode[code], declared.aggregation != "ratio" else { continue }
            let step = declared.decimals == 0 ? 1.0 : declared.decimals == 1 ? 0.1 : 0.01
            for total in demoSeries(code) {
                let parts = demoRows.filter { $0.indicator == code && $0.period == total.period && $0.orgUnit != nil }.compactMap(\.value)
                let expected = declared.aggregation == "sum" ? parts.reduce(0, +) : demoMean(parts)
                #expect(abs(total.value! - expected) <= step / 2 + 1e-9, "\(code) \(total.period)")
            }
        }
    }

    @Test func formulaIndicatorsEqualTheirFormulaOverTheComponents() {
        for (code, numerator, denominator, scale) in [
            ("DS-ONLINE-SHARE", "DS-ONLINE-RENEWALS", "DS-RENEWALS-ALL", 100.0),
            ("FO-SERVED-PER-HOUR", "FO-SERVED", "FO-STAFF-HOURS", 1.0),
        ] {
            #expect(DemoFrameworkScan.byCode[code]?.fields["formula"] == "\"[\(numerator)] / [\(denominator)]\(scale == 100 ? " * 100" : "")\"")
            for row in demoRows where row.indicator == code {
                let n = demoRows.first { $0.indicator == numerator && $0.period == row.period && $0.orgUnit == row.orgUnit }!.value!
                let d = demoRows.first { $0.indicator == denominator && $0.period == row.period && $0.orgUnit == row.orgUnit }!.value!
                let halfStep = code == "DS-ONLINE-SHARE" ? 0.05 : 0.005  // rounded to 1 and 2 decimals
                #expect(abs(row.value! - n / d * scale) <= halfStep + 1e-9, "\(code) \(row.orgUnit ?? "") \(row.period)")
            }
        }
    }

    @Test func aFewRecentValuesAreProvisionalAndOnePeriodIsMissing() {
        let provisional = demoRows.filter { $0.status == .provisional }
        #expect(provisional.count >= 4)
        for row in provisional {
            #expect(row.period == demoSeries(row.indicator, row.orgUnit).last?.period, "\(row.indicator) \(row.period)")
        }
        let missing = demoRows.filter { $0.status == .missing }
        #expect(missing.count == 1)
        #expect(missing.allSatisfy { $0.value == nil && $0.level == nil })
        #expect(Set(demoRows.map(\.status)).isSubset(of: [.final, .provisional, .missing]))
    }
}
