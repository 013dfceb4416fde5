import Foundation
import Testing
@testable import GoalStatCore

/// Check 7: an indicator that sums its units, whose total differs from the sum of the units entered for a period.
@Suite("Integrity: a total that differs from the sum of its units")
struct UnitsSumCheckTests {
    typealias F = IntegrityFixture
    let served = F.indicator("SERVED", unit: .count, direction: .increase, decimals: 0, aggregation: .sum)

    func rows(total: [Double?], north: [Double?], south: [Double?], indicator: String = "SERVED") -> [GoalStatCore.Measurement] {
        F.monthly(indicator, from: (2025, 1), total)
            + F.monthly(indicator, from: (2025, 1), north, orgUnit: "NORTH")
            + F.monthly(indicator, from: (2025, 1), south, orgUnit: "SOUTH")
    }

    @Test func aTotalBeyondTheToleranceIsQuestionedOnTheTotalWithItsNumbers() throws {
        let measurements = rows(total: [1_000, 1_100, 1_250], north: [600, 650, 700], south: [400, 450, 500])
        let flags = F.run(.totalDisagreesWithUnits, indicators: [served], measurements: measurements)
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.orgUnit == nil && flag.indicator == "SERVED")
        #expect(flag.from == .month(year: 2025, month: 3) && flag.to == .month(year: 2025, month: 3))
        #expect(flag.evidence["total"] == 1_250 && flag.evidence["unitSum"] == 1_200 && flag.evidence["difference"] == 50)
        #expect(flag.evidence["units"] == 2 && flag.evidence["periodsDisagreeing"] == 1)
        #expect(flag.question.contains("2025-03") && flag.question.contains("1250") && flag.question.contains("1200"))
        #expect(flag.question.hasSuffix("?"))
    }

    @Test("asked about the total alone, the check still reads its units; asked about a unit, it asks nothing of the total")
    func askedAboutTheTotalAlone() throws {
        let measurements = rows(total: [1_000, 1_100, 1_250], north: [600, 650, 700], south: [400, 450, 500])
        var input = IntegrityInput(indicators: [served], links: [], targets: [], measurements: measurements, today: F.today, calendar: .federal)
        input.only = [IntegritySeriesKey(indicator: "SERVED")]
        let flag = try #require(IntegrityChecks.run(input, checks: [.totalDisagreesWithUnits]).first)
        #expect(flag.evidence["unitSum"] == 1_200)
        input.only = [IntegritySeriesKey(indicator: "SERVED", orgUnit: "NORTH")]
        #expect(IntegrityChecks.run(input, checks: [.totalDisagreesWithUnits]).isEmpty)
    }

    @Test func everyDisagreeingPeriodIsCoveredByOneFlag() throws {
        let measurements = rows(total: [1_100, 1_000, 1_300], north: [600, 600, 700], south: [400, 400, 500])
        let flag = try #require(F.run(.totalDisagreesWithUnits, indicators: [served], measurements: measurements).first)
        #expect(flag.from == .month(year: 2025, month: 1) && flag.to == .month(year: 2025, month: 3))
        #expect(flag.evidence["periodsDisagreeing"] == 2)
        #expect(flag.question.contains("2 periods"))
    }

    @Test func aDifferenceWithinHalfAPercentOrOneStepOfTheDecimalsIsNotQuestioned() {
        // 1,005 against 1,000: 0.5% of 1,005 is 5.025, so 5 is within; 3 against 2 is one whole unit.
        let measurements = rows(total: [1_005, 3], north: [600, 1], south: [400, 1])
        #expect(F.run(.totalDisagreesWithUnits, indicators: [served], measurements: measurements).isEmpty)
        #expect(IntegrityChecks.unitsSumTolerance(total: 3, sum: 2, decimals: 0) == 1)
        #expect(IntegrityChecks.unitsSumTolerance(total: 10_000, sum: 9_000, decimals: 0) == 50)
        #expect(IntegrityChecks.unitsSumTolerance(total: 2, sum: 2, decimals: 1) == 0.1)
    }

    @Test func justBeyondTheToleranceIsQuestioned() {
        let measurements = rows(total: [1_006], north: [600], south: [400])
        #expect(F.run(.totalDisagreesWithUnits, indicators: [served], measurements: measurements).count == 1)
    }

    @Test func periodsWithoutBothATotalAndAUnitAreNotCompared() {
        let measurements = rows(total: [1_000, nil, 900], north: [600, 650, nil], south: [400, 450, nil])
        #expect(F.run(.totalDisagreesWithUnits, indicators: [served], measurements: measurements).isEmpty)
    }

    @Test func indicatorsThatDoNotSumAreNotChecked() {
        var mean = served
        mean.aggregation = .mean
        let measurements = rows(total: [500], north: [600], south: [400])
        #expect(F.run(.totalDisagreesWithUnits, indicators: [mean], measurements: measurements).isEmpty)
    }
}
