import Testing
@testable import GoalStatCore

@Suite("Correlation p-values")
struct CorrelationTests {
    @Test("Student t two-sided p-values match scipy", arguments: [
        // Python: 2 * scipy.stats.t.sf(abs(t), df)
        (2.228138851986274, 10.0, 0.050000000000000044),
        (1.0, 5.0, 0.3632174676491229),
        (3.5, 22.0, 0.0020240991885276498),
        (0.25, 40.0, 0.8038668863718382),
        (-2.0, 12.0, 0.06865501403808597),
    ])
    func studentT(t: Double, df: Double, p: Double) {
        #expect(abs(StudentT.twoSidedPValue(t: t, degreesOfFreedom: df) - p) < 1e-10)
    }

    @Test("a perfect correlation has p = 0 and none has p = 1")
    func extremes() {
        #expect(Correlation.pValue(1, pairs: 12) == 0)
        #expect(Correlation.pValue(0, pairs: 12) == 1)
    }

    @Test("Spearman's ranks share the mean rank on ties")
    func averageRanks() {
        #expect(RobustStatistics.averageRanks([10, 30, 20, 30]) == [1, 3.5, 2, 3.5])
    }

    @Test("Pearson's r is ±1 on exact lines and nil without variation")
    func pearson() {
        #expect(abs((Correlation.pearson([1, 2, 3, 4], [2, 4, 6, 8]) ?? 0) - 1) < 1e-12)
        #expect(abs((Correlation.pearson([1, 2, 3, 4], [8, 6, 4, 2]) ?? 0) + 1) < 1e-12)
        #expect(Correlation.pearson([1, 1, 1, 1], [1, 2, 3, 4]) == nil)
    }
}
