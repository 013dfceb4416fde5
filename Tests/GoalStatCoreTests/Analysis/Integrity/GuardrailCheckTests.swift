import Testing
@testable import GoalStatCore

/// Check 1: a guardrail that worsens while the indicator it protects improves.
@Suite("Integrity: guardrail worsens while its target indicator improves")
struct GuardrailCheckTests {
    typealias F = IntegrityFixture
    let wait = F.indicator("WAIT", unit: .other("minutes"), direction: .decrease, goals: ["G1"])
    let walkouts = F.indicator("WALKOUTS", direction: .decrease, guardrail: true, goals: ["G1"])
    let link = IndicatorLink(driver: "WAIT", result: "WALKOUTS", expectedSign: .positive)

    /// 36 months from February 2023: `base` with noise, and `last` for the final six months.
    func months(_ seed: String, base: Double, last: Double, sigma: Double, orgUnit: String? = nil, code: String) -> [GoalStatCore.Measurement] {
        let values = F.noise(seed, count: 36, sigma: sigma).enumerated().map { i, e in F.rounded((i < 30 ? base : last) + e, 1) }
        return F.monthly(code, from: (2023, 2), values, orgUnit: orgUnit)
    }

    @Test func aGuardrailThatRisesWhileTheWaitFallsRaisesAQuestionNamingBoth() throws {
        let rows = months("w", base: 30, last: 24, sigma: 1, code: "WAIT") + months("o", base: 3, last: 4.5, sigma: 0.2, code: "WALKOUTS")
        let flags = F.run(.guardrailWorsens, indicators: [wait, walkouts], links: [link], measurements: rows)
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.indicator == "WALKOUTS" && flag.relatedIndicator == "WAIT" && flag.orgUnit == nil)
        // The latest six months against the same months a year earlier.
        #expect(flag.from == .month(year: 2024, month: 8) && flag.to == .month(year: 2026, month: 1))
        #expect(try #require(flag.evidence["guardrailAfter"]) > flag.evidence["guardrailBefore"]! + 1)
        #expect(try #require(flag.evidence["targetAfter"]) < flag.evidence["targetBefore"]! - 4)
        #expect(flag.evidence["lagPeriods"] == 12)
        #expect(flag.question.contains("Walkouts rose from") && flag.question.contains("Wait improved from"))
        #expect(flag.question.hasSuffix("?"))
    }

    @Test func aGuardrailThatHoldsWhileTheTargetImprovesIsNotFlagged() {
        let rows = months("w", base: 30, last: 24, sigma: 1, code: "WAIT") + months("o", base: 3, last: 3, sigma: 0.2, code: "WALKOUTS")
        #expect(F.run(.guardrailWorsens, indicators: [wait, walkouts], links: [link], measurements: rows).isEmpty)
    }

    @Test func aGuardrailThatWorsensWhileTheTargetAlsoWorsensIsNotThisCheck() {
        let rows = months("w", base: 30, last: 36, sigma: 1, code: "WAIT") + months("o", base: 3, last: 4.5, sigma: 0.2, code: "WALKOUTS")
        #expect(F.run(.guardrailWorsens, indicators: [wait, walkouts], links: [link], measurements: rows).isEmpty)
    }

    @Test func changesWithinTheNoiseAreNotFlagged() {
        let rows = months("w", base: 30, last: 29.5, sigma: 1, code: "WAIT") + months("o", base: 3, last: 3.1, sigma: 0.2, code: "WALKOUTS")
        #expect(F.run(.guardrailWorsens, indicators: [wait, walkouts], links: [link], measurements: rows).isEmpty)
    }

    @Test func aNeutralDirectionOnEitherSideCannotWorsenOrImprove() {
        let rows = months("w", base: 30, last: 24, sigma: 1, code: "WAIT") + months("o", base: 3, last: 4.5, sigma: 0.2, code: "WALKOUTS")
        var neutralGuardrail = walkouts
        neutralGuardrail.direction = .neutral
        var neutralTarget = wait
        neutralTarget.direction = .neutral
        #expect(F.run(.guardrailWorsens, indicators: [wait, neutralGuardrail], links: [link], measurements: rows).isEmpty)
        #expect(F.run(.guardrailWorsens, indicators: [neutralTarget, walkouts], links: [link], measurements: rows).isEmpty)
    }

    @Test func lessThanAYearAndAWindowOfDataIsTooLittle() {
        let rows = months("w", base: 30, last: 24, sigma: 1, code: "WAIT").suffix(17)
            + months("o", base: 3, last: 4.5, sigma: 0.2, code: "WALKOUTS").suffix(17)
        #expect(F.run(.guardrailWorsens, indicators: [wait, walkouts], links: [link], measurements: Array(rows)).isEmpty)
    }

    @Test func aPartnerSharingAGoalCountsWhenNoLinkIsDeclared() throws {
        let rows = months("w", base: 30, last: 24, sigma: 1, code: "WAIT") + months("o", base: 3, last: 4.5, sigma: 0.2, code: "WALKOUTS")
        let flags = F.run(.guardrailWorsens, indicators: [wait, walkouts], measurements: rows)
        #expect(try #require(flags.first).relatedIndicator == "WAIT")
        var elsewhere = wait
        elsewhere.goals = ["G2"]
        #expect(F.run(.guardrailWorsens, indicators: [elsewhere, walkouts], measurements: rows).isEmpty)
    }

    @Test func aLinkedPartnerIsNamedBeforeOneThatOnlySharesAGoal() throws {
        let served = F.indicator("SERVED", unit: .count, direction: .increase, goals: ["G1"])
        let rows = months("w", base: 30, last: 27, sigma: 1, code: "WAIT") + months("o", base: 3, last: 4.5, sigma: 0.2, code: "WALKOUTS")
            + months("s", base: 100, last: 200, sigma: 2, code: "SERVED")
        let flags = F.run(.guardrailWorsens, indicators: [wait, walkouts, served], links: [link], measurements: rows)
        #expect(flags.count == 1)
        #expect(try #require(flags.first).relatedIndicator == "WAIT")
    }

    @Test func eachOrgUnitIsCheckedAgainstTheSameUnitOfItsPartner() throws {
        let rows = months("wn", base: 30, last: 24, sigma: 1, orgUnit: "NORTH", code: "WAIT")
            + months("ws", base: 30, last: 24, sigma: 1, orgUnit: "SOUTH", code: "WAIT")
            + months("on", base: 3, last: 3, sigma: 0.2, orgUnit: "NORTH", code: "WALKOUTS")
            + months("os", base: 3, last: 5, sigma: 0.2, orgUnit: "SOUTH", code: "WALKOUTS")
        let flags = F.run(.guardrailWorsens, indicators: [wait, walkouts], links: [link], measurements: rows)
        #expect(flags.map(\.orgUnit) == ["SOUTH"])
        #expect(try #require(flags.first).question.contains("Walkouts in SOUTH rose"))
    }

    @Test func aQuarterlyGuardrailIsComparedWithQuarterlyMeansOfAMonthlyPartner() throws {
        let exceptions = F.indicator("EXCEPTIONS", direction: .decrease, frequency: .quarterly, guardrail: true)
        let link = IndicatorLink(driver: "WAIT", result: "EXCEPTIONS", expectedSign: .negative)
        let quarters = F.noise("q", count: 16, sigma: 0.2).enumerated().map { i, e in F.rounded((i < 10 ? 4 : 6) + e, 1) }
        let monthsOfWait = F.noise("m", count: 48, sigma: 1).enumerated().map { i, e in F.rounded((i < 30 ? 30 : 22) + e, 1) }
        let rows = F.quarterly("EXCEPTIONS", from: (2022, 1), quarters) + F.monthly("WAIT", from: (2022, 1), monthsOfWait)
        let flag = try #require(F.run(.guardrailWorsens, indicators: [wait, exceptions], links: [link], measurements: rows).first)
        #expect(flag.indicator == "EXCEPTIONS" && flag.relatedIndicator == "WAIT")
        #expect(flag.to == .calendarQuarter(year: 2025, quarter: 4))
        #expect(flag.evidence["lagPeriods"] == 8)
    }
}
