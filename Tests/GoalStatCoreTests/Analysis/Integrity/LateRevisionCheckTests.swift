import Testing
@testable import GoalStatCore

/// Check 4: corrections entered after the reporting deadline. The demo data has no revisions, so only these fixed
/// vectors test it.
@Suite("Integrity: revisions after the reporting deadline")
struct LateRevisionCheckTests {
    typealias F = IntegrityFixture
    let served = F.indicator("SERVED", unit: .count, direction: .increase, decimals: 0)
    let june = Period.month(year: 2025, month: 6)

    @Test func aCorrectionEnteredAfterTheDeadlineRaisesAQuestion() throws {
        let rows = [F.row("SERVED", june, 120, revision: 2, enteredDaysAfterEnd: 90)]
        let flag = try #require(F.run(.lateRevision, indicators: [served], measurements: rows).first)
        #expect(flag.from == june && flag.to == june)
        #expect(flag.evidence["lateRevisions"] == 1 && flag.evidence["maximumDaysLate"] == 45 && flag.evidence["highestRevision"] == 2)
        #expect(flag.question.contains("for 2025-06 was corrected after the 45-day reporting deadline, 45 days after it"))
        #expect(flag.question.hasSuffix("?"))
    }

    @Test func aCorrectionWithinTheDeadlineIsOrdinaryDataManagement() {
        let rows = [F.row("SERVED", june, 120, revision: 1, enteredDaysAfterEnd: 45)]
        #expect(F.run(.lateRevision, indicators: [served], measurements: rows).isEmpty)
    }

    @Test func aFirstValueEnteredLateIsLateDataNotARevision() {
        let rows = [F.row("SERVED", june, 120, revision: 0, enteredDaysAfterEnd: 200)]
        #expect(F.run(.lateRevision, indicators: [served], measurements: rows).isEmpty)
    }

    @Test func theDeadlineIsConfigurable() {
        var thresholds = IntegrityThresholds()
        thresholds.revisionDeadlineDays = 20
        let rows = [F.row("SERVED", june, 120, revision: 1, enteredDaysAfterEnd: 30)]
        #expect(F.run(.lateRevision, indicators: [served], measurements: rows, thresholds: thresholds).count == 1)
    }

    @Test func severalLateCorrectionsOfOneSeriesAreOneFlagNamingTheFurthest() throws {
        let rows = [
            F.row("SERVED", .month(year: 2025, month: 3), 100, revision: 1, enteredDaysAfterEnd: 60),
            F.row("SERVED", .month(year: 2025, month: 4), 100, revision: 0),
            F.row("SERVED", .month(year: 2025, month: 5), 100, revision: 1, enteredDaysAfterEnd: 150),
            F.row("SERVED", june, 100, revision: 3, enteredDaysAfterEnd: 80),
        ]
        let flags = F.run(.lateRevision, indicators: [served], measurements: rows)
        let flag = try #require(flags.first)
        #expect(flags.count == 1)
        #expect(flag.from == .month(year: 2025, month: 3) && flag.to == june)
        #expect(flag.evidence["lateRevisions"] == 3 && flag.evidence["maximumDaysLate"] == 105 && flag.evidence["highestRevision"] == 3)
        // The example of docs/analysis.md.
        #expect(flag.question == "3 values of Served (2025-03 to 2025-06) were corrected after the 45-day reporting deadline, "
            + "the furthest, for 2025-05, 105 days after it (revision 1, entered 2025-10-28). What changed, and was the "
            + "correction reviewed before it replaced a figure already reported?")
    }

    @Test func theHighestRevisionOfAPeriodIsItsCurrentValue() {
        let rows = [
            F.row("SERVED", june, 100, revision: 1, enteredDaysAfterEnd: 100),
            F.row("SERVED", june, 100, revision: 0, enteredDaysAfterEnd: 5),
        ]
        #expect(F.run(.lateRevision, indicators: [served], measurements: rows).count == 1)
    }
}
