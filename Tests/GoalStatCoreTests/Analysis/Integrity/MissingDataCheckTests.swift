import Testing
@testable import GoalStatCore

/// Check 5: gaps between reported periods, and the latest periods not reported by their due date.
@Suite("Integrity: missing or late data")
struct MissingDataCheckTests {
    typealias F = IntegrityFixture
    let backlog = F.indicator("BACKLOG", unit: .count, direction: .decrease, decimals: 0)

    /// January to December 2025, each month 100.
    func year(except absent: Set<Int> = [], missing: Set<Int> = []) -> [GoalStatCore.Measurement] {
        (1...12).compactMap { month in
            let period = Period.month(year: 2025, month: month)
            if absent.contains(month) { return nil }
            return missing.contains(month) ? F.row("BACKLOG", period, nil, status: .missing) : F.row("BACKLOG", period, 100)
        }
    }

    @Test func absentAndRecordedMissingMonthsInARowAreOneGap() throws {
        let flags = F.run(.missingData, indicators: [backlog], measurements: year(except: [4, 6], missing: [5]))
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.from == .month(year: 2025, month: 4) && flag.to == .month(year: 2025, month: 6))
        #expect(flag.evidence == ["missingPeriods": 3, "recordedMissing": 1, "absentPeriods": 2])
        #expect(flag.question.contains("no value for 2025-04 to 2025-06 (3 periods: 1 recorded as missing, 2 never entered)"))
    }

    @Test func separateGapsAreSeparateFlags() {
        let flags = F.run(.missingData, indicators: [backlog], measurements: year(except: [2, 9]))
        #expect(flags.map(\.from) == [.month(year: 2025, month: 2), .month(year: 2025, month: 9)])
    }

    @Test func theLatestMonthUnreportedPastItsDueDateIsLate() throws {
        let flags = F.run(.missingData, indicators: [backlog], measurements: year(except: [12]), today: CalendarDate(year: 2026, month: 1, day: 20))
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.from == .month(year: 2025, month: 12) && flag.to == .month(year: 2025, month: 12))
        // Due 15 days after December ends: 15 January, five days before "today".
        #expect(flag.evidence["daysOverdue"] == 5 && flag.evidence["latePeriods"] == 1)
        #expect(flag.question.contains("has no value yet for 2025-12; the first was due on 2026-01-15, 5 days ago"))
    }

    @Test func aMonthNotYetDueIsNotLate() {
        #expect(F.run(.missingData, indicators: [backlog], measurements: year(except: [12]), today: CalendarDate(year: 2026, month: 1, day: 15)).isEmpty)
        #expect(F.run(.missingData, indicators: [backlog], measurements: year(), today: CalendarDate(year: 2026, month: 1, day: 20)).isEmpty)
    }

    @Test func severalOverduePeriodsAreOneLateFlag() throws {
        let flag = try #require(F.run(.missingData, indicators: [backlog], measurements: year(except: [10, 11, 12])).first)
        #expect(flag.from == .month(year: 2025, month: 10) && flag.to == .month(year: 2025, month: 12))
        #expect(flag.evidence["latePeriods"] == 3)
    }

    @Test func aPeriodRecordedAsMissingStopsTheLateFlagButIsAGap() throws {
        let flags = F.run(.missingData, indicators: [backlog], measurements: year(missing: [12]))
        let flag = try #require(flags.first)
        #expect(flags.count == 1 && flag.evidence["recordedMissing"] == 1 && flag.evidence["latePeriods"] == nil)
    }

    @Test func quarterlyDataIsDueFifteenDaysAfterTheQuarterAndDueDaysAreConfigurable() {
        let attrition = F.indicator("ATTRITION", direction: .decrease, frequency: .quarterly)
        let rows = F.quarterly("ATTRITION", from: (2024, 1), [10, 11, 12, 11, 10, 11, 12])  // through 2025-Q3
        #expect(F.run(.missingData, indicators: [attrition], measurements: rows).first?.from == .calendarQuarter(year: 2025, quarter: 4))
        var patient = IntegrityThresholds()
        patient.dataDueDays = 30
        #expect(F.run(.missingData, indicators: [attrition], measurements: rows, thresholds: patient).isEmpty)
    }

    @Test func aQualitativeLevelIsAReportAndEachOrgUnitIsCheckedOnItsOwn() throws {
        let health = F.indicator("HEALTH", direction: .increase, levels: ["red", "amber", "green"])
        let levels = (1...12).map { F.row("HEALTH", .month(year: 2025, month: $0), nil, level: "green") }
        #expect(F.run(.missingData, indicators: [health], measurements: levels).isEmpty)
        let units = year() + year().dropLast().map { row -> GoalStatCore.Measurement in
            var copy = row
            copy.orgUnit = "EAST"
            return copy
        }
        let flag = try #require(F.run(.missingData, indicators: [backlog], measurements: units).first)
        #expect(flag.orgUnit == "EAST" && flag.from == .month(year: 2025, month: 12))
    }
}
