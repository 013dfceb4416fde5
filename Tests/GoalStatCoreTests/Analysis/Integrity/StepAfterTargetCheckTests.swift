import Testing
@testable import GoalStatCore

/// Check 3: a step change toward the target right after the target was set.
@Suite("Integrity: step change right after a target was set")
struct StepAfterTargetCheckTests {
    typealias F = IntegrityFixture
    let hire = F.indicator("HIRE", unit: .days, direction: .decrease, decimals: 0)
    let setInSeptember = [F.target("HIRE", "FY2025", 60, setOn: "2024-09-16")]

    /// 48 months from January 2022: `level(i)` plus noise of sigma 3, whole days.
    func rows(_ level: (Int) -> Double) -> [GoalStatCore.Measurement] {
        F.monthly("HIRE", from: (2022, 1), F.noise("h", count: 48, sigma: 3).enumerated().map { i, e in (level(i) + e).rounded() })
    }

    /// Index 33 is October 2024.
    func stepsDown(at step: Int = 33, from high: Double = 88, to low: Double = 58) -> [GoalStatCore.Measurement] {
        rows { $0 < step ? high : low }
    }

    @Test func aStepThatMeetsTheTargetTheMonthAfterItWasSetRaisesAQuestion() throws {
        let flags = F.run(.stepAfterTarget, indicators: [hire], targets: setInSeptember, measurements: stepsDown())
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.from == .month(year: 2024, month: 10) && flag.to == .month(year: 2025, month: 3))
        #expect(try #require(flag.evidence["shiftSigmas"]) >= 4)
        #expect(flag.evidence["daysAfterTargetSet"] == 15 && flag.evidence["target"] == 60 && flag.evidence["seasonalReferences"] == 2)
        #expect(flag.question.contains("The FY2025 target of 60 days was set on 2024-09-16") && flag.question.hasSuffix("?"))
    }

    @Test func theSameStepMonthsAfterTheTargetWasSetIsNotThisCheck() {
        let setInMarch = [F.target("HIRE", "FY2025", 60, setOn: "2024-03-20")]
        #expect(F.run(.stepAfterTarget, indicators: [hire], targets: setInMarch, measurements: stepsDown()).isEmpty)
    }

    @Test func aStepThatStartsThreePeriodsAfterTheTargetIsNotRightAfterIt() {
        let setInJuly = [F.target("HIRE", "FY2025", 60, setOn: "2024-07-16")]
        #expect(F.run(.stepAfterTarget, indicators: [hire], targets: setInJuly, measurements: stepsDown()).isEmpty)
    }

    @Test func aStepAwayFromTheTargetIsNotFlagged() {
        #expect(F.run(.stepAfterTarget, indicators: [hire], targets: setInSeptember, measurements: stepsDown(to: 118)).isEmpty)
    }

    @Test func aSteadyTrendThroughTheTargetDateIsNotAStep() {
        // Four days a month: the raw six-month shift is over 5 sigma, all of it the usual drift.
        let trend = rows { 250 - 4 * Double($0) }
        #expect(F.run(.stepAfterTarget, indicators: [hire], targets: setInSeptember, measurements: trend).isEmpty)
    }

    @Test func aSeasonThatTurnsEveryOctoberIsNotAStep() {
        // Lower from October to March every year; the raw October shift alone is over 4 sigma.
        let seasonal = rows { [10, 11, 12, 1, 2, 3].contains($0 % 12 + 1) ? 70 : 90 }
        #expect(F.run(.stepAfterTarget, indicators: [hire], targets: setInSeptember, measurements: seasonal).isEmpty)
    }

    @Test func aLevelThatAlreadyMetTheTargetHasNothingToGame() {
        #expect(F.run(.stepAfterTarget, indicators: [hire], targets: setInSeptember, measurements: stepsDown(from: 55, to: 25)).isEmpty)
    }

    @Test func aStepWithLessThanTwoWindowsOfHistoryBeforeItIsNotJudged() {
        // From January 2024 the step in October is only nine months in: what went before cannot be seen.
        let late = Array(stepsDown().drop { $0.period < .month(year: 2024, month: 1) })
        #expect(F.run(.stepAfterTarget, indicators: [hire], targets: setInSeptember, measurements: late).isEmpty)
        let enough = Array(stepsDown().drop { $0.period < .month(year: 2023, month: 10) })
        #expect(F.run(.stepAfterTarget, indicators: [hire], targets: setInSeptember, measurements: enough).count == 1)
    }

    @Test func twoValuesAfterARecentTargetAreTooFewToCall() {
        let recent = [F.target("HIRE", "FY2026", 60, setOn: "2025-10-16")]
        #expect(F.run(.stepAfterTarget, indicators: [hire], targets: recent, measurements: stepsDown(at: 46)).isEmpty)
    }

    @Test func withoutATargetOrWithANeutralDirectionThereIsNoCheck() {
        #expect(F.run(.stepAfterTarget, indicators: [hire], measurements: stepsDown()).isEmpty)
        var neutral = hire
        neutral.direction = .neutral
        #expect(F.run(.stepAfterTarget, indicators: [neutral], targets: setInSeptember, measurements: stepsDown()).isEmpty)
    }

    @Test func smallCountsAreJudgedAgainstTheirPoissonNoise() {
        // Quarterly incidents of 0–2: one fewer a quarter is within the noise of counting rare events.
        let incidents = F.indicator("INCIDENTS", unit: .count, direction: .decrease, frequency: .quarterly, decimals: 0)
        let values: [Double] = [1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 0, 0, 0, 1, 0, 0]
        let targets = [F.target("INCIDENTS", "FY2024", 0, setOn: "2023-09-14")]
        #expect(F.run(.stepAfterTarget, indicators: [incidents], targets: targets,
                      measurements: F.quarterly("INCIDENTS", from: (2020, 4), values)).isEmpty)
    }
}
