import Foundation
import Testing
@testable import GoalStatCore

/// Check 6: digit preference (last digits) and Benford deviations (first digits) on counts.
@Suite("Integrity: digit preference and Benford's law on counts")
struct DigitPreferenceCheckTests {
    typealias F = IntegrityFixture
    let students = F.indicator("STUDENTS", unit: .count, direction: .increase, decimals: 0)

    /// Counts near `level` with noise; `rounding(i, value)` may round some of them.
    func counts(_ count: Int = 60, level: Double = 2_000, sigma: Double = 300, rounding: (Int, Double) -> Double = { $1 }) -> [GoalStatCore.Measurement] {
        let values = F.noise("c", count: count, sigma: sigma).enumerated().map { i, e in rounding(i, (level + e).rounded()) }
        return F.monthly("STUDENTS", from: (2021, 1), values)
    }

    @Test func headCountsThatMostlyEndInZeroOrFiveRaiseAQuestion() throws {
        let estimated = counts { i, value in i % 7 == 0 ? value : (value / 10).rounded() * 10 }
        let flag = try #require(F.run(.digitPreference, indicators: [students], measurements: estimated).first)
        #expect(flag.from == .month(year: 2021, month: 1) && flag.to == .month(year: 2025, month: 12))
        #expect(try #require(flag.evidence["shareEndingIn0or5"]) > 0.8)
        #expect(try #require(flag.evidence["endingIn0or5P"]) < 1e-10)
        #expect(flag.question.contains("values end in 0 or 5") && flag.question.hasSuffix("?"))
    }

    @Test func honestCountsAreNotFlagged() {
        #expect(F.run(.digitPreference, indicators: [students], measurements: counts()).isEmpty)
    }

    @Test func lastDigitsFarFromEvenAreFlaggedEvenWithoutZerosAndFives() throws {
        let sevens = counts { i, value in i % 5 == 0 ? value : (value / 10).rounded() * 10 + (i % 2 == 0 ? 3 : 7) }
        let flag = try #require(F.run(.digitPreference, indicators: [students], measurements: sevens).first)
        #expect(try #require(flag.evidence["lastDigitP"]) < 1e-4)
        #expect(flag.question.contains("their last digits are far from even"))
    }

    @Test func tooFewValuesAreNotEnoughEvidence() {
        let rounded = counts(20) { _, value in (value / 10).rounded() * 10 }
        #expect(F.run(.digitPreference, indicators: [students], measurements: rounded).isEmpty)
    }

    @Test func singleDigitCountsAndCountsThatBarelyVaryAreSkipped() {
        #expect(F.run(.digitPreference, indicators: [students], measurements: counts(level: 5, sigma: 2) { _, v in max(0, v) }).isEmpty)
        // 120 ± 2: honest last digits could not be even, so the test says nothing.
        #expect(F.run(.digitPreference, indicators: [students], measurements: counts(level: 120, sigma: 2)).isEmpty)
    }

    @Test func onlyWholeNumberCountsAreTested() {
        let rounded = counts { _, value in (value / 10).rounded() * 10 }
        var percent = students
        percent.unit = .percent
        #expect(F.run(.digitPreference, indicators: [percent], measurements: rounded).isEmpty)
        let fractional = rounded.enumerated().map { i, row -> GoalStatCore.Measurement in
            var copy = row
            if i == 0 { copy.value = row.value! + 0.5 }
            return copy
        }
        #expect(F.run(.digitPreference, indicators: [students], measurements: fractional).isEmpty)
    }

    @Test func firstDigitsFarFromBenfordRaiseAQuestionWhenValuesSpanOrdersOfMagnitude() throws {
        // Leading digits spread evenly over 1–9 (Benford expects 30% ones), values from tens to tens of thousands.
        let values = (0..<180).map { i -> Double in
            let scale = [10.0, 100, 1_000, 10_000][i % 4]
            return Double(i % 9 + 1) * scale + Double((i * 37) % Int(scale))
        }
        let rows = F.monthly("STUDENTS", from: (2010, 1), values)
        let flags = F.run(.digitPreference, indicators: [students], measurements: rows)
        let flag = try #require(flags.first { $0.evidence["firstDigitMAD"] != nil })
        #expect(try #require(flag.evidence["firstDigitMAD"]) > 0.015)
        #expect(flag.question.contains("depart from Benford's law"))
    }

    @Test func countsThatFollowBenfordAreNotFlagged() {
        var generator = SeededGenerator(seedFrom: "benford")
        let values = (0..<300).map { _ in (pow(10, 1 + 4 * generator.nextUnit())).rounded(.down) }
        let rows = F.monthly("STUDENTS", from: (2000, 1), values)
        #expect(F.run(.digitPreference, indicators: [students], measurements: rows).allSatisfy { $0.evidence["firstDigitMAD"] == nil })
    }
}
