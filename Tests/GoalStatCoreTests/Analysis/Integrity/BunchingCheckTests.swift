import Testing
@testable import GoalStatCore

/// Check 2: values bunched just past the target, with far less variation than before.
@Suite("Integrity: values bunched just past a target")
struct BunchingCheckTests {
    typealias F = IntegrityFixture
    let timely = F.indicator("TIMELY", direction: .increase)
    let targets = ["FY2023", "FY2024", "FY2025", "FY2026"].map { F.target("TIMELY", $0, 95, setOn: "2022-09-15") }

    /// 24 months of ordinary noise below the target from February 2023, then 12 given months.
    func rows(recent: [Double], code: String = "TIMELY", level: Double = 92, sigma: Double = 1.2) -> [GoalStatCore.Measurement] {
        F.monthly(code, from: (2023, 2), F.series("b", count: 24, level: level, sigma: sigma) + recent)
    }

    let hugging = (0..<12).map { 95.1 + Double($0 % 3) / 10 }

    @Test func twelveMonthsJustPastTheTargetWithAlmostNoVariationRaiseAQuestion() throws {
        let flags = F.run(.bunchingAtTarget, indicators: [timely], targets: targets, measurements: rows(recent: hugging))
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.from == .month(year: 2025, month: 2) && flag.to == .month(year: 2026, month: 1))
        #expect(flag.evidence["shareInBand"] == 1 && flag.evidence["target"] == 95 && flag.evidence["runValues"] == 12)
        #expect(try #require(flag.evidence["recentSigma"]) < 0.5 * flag.evidence["baselineSigma"]!)
        #expect(flag.question.contains("just past the target of 95.0%") && flag.question.hasSuffix("?"))
    }

    @Test func latestMonthsWithoutATargetYetDoNotHideTheBunchingBeforeThem() throws {
        // Hugging through December 2026; the targets end with FY2026, so October–December 2026 have none.
        let longer = (0..<23).map { 95.1 + Double($0 % 3) / 10 }
        let flag = try #require(F.run(.bunchingAtTarget, indicators: [timely], targets: targets, measurements: rows(recent: longer)).first)
        #expect(flag.from == .month(year: 2025, month: 2) && flag.to == .month(year: 2026, month: 9))
        #expect(flag.evidence["shareInBand"] == 0.75)
    }

    @Test func ordinaryNoiseAroundTheTargetIsNotBunching() {
        let honest = F.series("h", count: 12, level: 95.3, sigma: 1.2)
        #expect(F.run(.bunchingAtTarget, indicators: [timely], targets: targets, measurements: rows(recent: honest)).isEmpty)
    }

    @Test func aSteadyLevelWellPastTheTargetIsNotBunching() {
        let steady = hugging.map { $0 + 2 }
        #expect(F.run(.bunchingAtTarget, indicators: [timely], targets: targets, measurements: rows(recent: steady)).isEmpty)
    }

    @Test func withoutATargetThereIsNothingToBunchAt() {
        #expect(F.run(.bunchingAtTarget, indicators: [timely], measurements: rows(recent: hugging)).isEmpty)
    }

    @Test func aTargetNotYetKnownWhenThePeriodEndedCannotBeBunchedAt() {
        let late = [F.target("TIMELY", "FY2025", 95, setOn: "2025-12-01"), F.target("TIMELY", "FY2026", 95, setOn: "2025-12-01")]
        #expect(F.run(.bunchingAtTarget, indicators: [timely], targets: late, measurements: rows(recent: hugging)).isEmpty)
    }

    @Test func aNeutralIndicatorHasNoPassingSide() {
        var neutral = timely
        neutral.direction = .neutral
        #expect(F.run(.bunchingAtTarget, indicators: [neutral], targets: targets, measurements: rows(recent: hugging)).isEmpty)
    }

    @Test func forADecreasingIndicatorThePassingSideIsJustBelowTheTarget() throws {
        let wait = F.indicator("WAIT", unit: .other("minutes"), direction: .decrease)
        let waitTargets = ["FY2023", "FY2024", "FY2025", "FY2026"].map { F.target("WAIT", $0, 20, setOn: "2022-09-15") }
        let under = (0..<12).map { 19.8 + Double($0 % 3) / 10 }
        let flags = F.run(.bunchingAtTarget, indicators: [wait], targets: waitTargets,
                          measurements: rows(recent: under, code: "WAIT", level: 23, sigma: 1.5))
        let flag = try #require(flags.first)
        #expect(flag.question.contains("minutes and 20.00 minutes, just past the target of 20.0 minutes"), "\(flag.question)")
        #expect(flag.evidence["recentMean"]! < 20)
    }

    @Test func tooShortABaselineGivesNoSigmaToJudgeBy() {
        let short = Array(rows(recent: hugging).suffix(16))
        #expect(F.run(.bunchingAtTarget, indicators: [timely], targets: targets, measurements: short).isEmpty)
    }

    @Test func anOrgUnitWithoutItsOwnTargetUsesTheTotalsUnlessTheIndicatorSums() {
        let unitRows = F.monthly("TIMELY", from: (2023, 2), F.series("b", count: 24, level: 92, sigma: 1.2) + hugging, orgUnit: "EAST")
        #expect(F.run(.bunchingAtTarget, indicators: [timely], targets: targets, measurements: unitRows).map(\.orgUnit) == ["EAST"])
        var summed = timely
        summed.aggregation = .sum
        #expect(F.run(.bunchingAtTarget, indicators: [summed], targets: targets, measurements: unitRows).isEmpty)
    }
}
