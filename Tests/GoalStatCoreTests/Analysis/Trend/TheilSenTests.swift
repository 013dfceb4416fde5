import Testing
@testable import GoalStatCore

@Suite("Theil–Sen slope")
struct TheilSenTests {
    @Test("points on a line give that line exactly, with a zero-width slope interval")
    func exactLine() throws {
        let x = (0..<10).map(Double.init)
        let fit = try #require(TheilSen.fit(x: x, y: x.map { 2 * $0 + 1 }))
        #expect(fit.slope == 2)
        #expect(fit.intercept == 1)
        #expect(fit.slopeLow == 2)
        #expect(fit.slopeHigh == 2)
        #expect(fit.points == 10)
        #expect(fit.pairs == 45)
        #expect(fit.value(at: 20) == 41)
    }

    @Test("one wild point does not move the slope, where least squares would")
    func robustToOneOutlier() throws {
        let x = (0..<10).map(Double.init)
        var y = x.map { 2 * $0 + 1 }
        y[9] = 100
        let fit = try #require(TheilSen.fit(x: x, y: y))
        #expect(fit.slope == 2)
        #expect(fit.intercept == 1)
        // Least squares on the same points: slope ≈ 6.9, so the test would fail for a non-robust fit.
        let meanX: Double = x.reduce(0, +) / 10
        let meanY: Double = y.reduce(0, +) / 10
        let sxy: Double = zip(x, y).map { ($0 - meanX) * ($1 - meanY) }.reduce(0, +)
        let sxx: Double = x.map { ($0 - meanX) * ($0 - meanX) }.reduce(0, +)
        let ols = sxy / sxx
        #expect(ols > 6)
    }

    @Test("pairs with the same x are skipped rather than dividing by zero")
    func tiedX() throws {
        // Python: scipy.stats.theilslopes([1,3,3,5,5,7], [1,1,2,2,3,3], 0.95, method='joint')
        // gives slope 2, intercept 0, interval 0…4 (12 slopes; the ranks reach the smallest and largest).
        let fit = try #require(TheilSen.fit(x: [1, 1, 2, 2, 3, 3], y: [1, 3, 3, 5, 5, 7]))
        #expect(fit.pairs == 12)
        #expect(fit.slope == 2)
        #expect(fit.intercept == 0)
        #expect(fit.slopeLow == 0)
        #expect(fit.slopeHigh == 4)
    }

    @Test("the slope interval takes Sen's ranks, as scipy's theilslopes does")
    func confidenceIntervalMatchesScipy() throws {
        // Python: scipy.stats.theilslopes(y, x, 0.95, method='joint') on these 15 points (no ties, so scipy's tie
        // correction does not apply): slope 1.9916666666666665, intercept 0.10833333333333361,
        // interval 1.9142857142857141 … 2.0833333333333335.
        let x = (1...15).map(Double.init)
        let y = [2.1, 3.9, 6.3, 7.7, 10.4, 11.8, 14.6, 15.2, 18.9, 19.7, 22.4, 23.1, 26.8, 27.5, 30.2]
        let fit = try #require(TheilSen.fit(x: x, y: y))
        #expect(abs(fit.slope - 1.9916666666666665) < 1e-12)
        #expect(abs(fit.intercept - 0.10833333333333361) < 1e-12)
        #expect(abs(fit.slopeLow - 1.9142857142857141) < 1e-12)
        #expect(abs(fit.slopeHigh - 2.0833333333333335) < 1e-12)
    }

    @Test("with three points the interval spans every pairwise slope")
    func threePointsGiveTheWidestInterval() throws {
        let fit = try #require(TheilSen.fit(x: [0, 1, 2], y: [0, 3, 4]))
        #expect(fit.slope == 2)
        #expect(fit.slopeLow == 1)
        #expect(fit.slopeHigh == 3)
    }

    @Test("no fit from fewer than 3 points, unequal lengths, one x value, or a NaN")
    func refusesWhatItCannotFit() {
        #expect(TheilSen.fit(x: [0, 1], y: [0, 1]) == nil)
        #expect(TheilSen.fit(x: [0, 1, 2], y: [0, 1]) == nil)
        #expect(TheilSen.fit(x: [5, 5, 5], y: [0, 1, 2]) == nil)
        #expect(TheilSen.fit(x: [0, 1, 2], y: [0, .nan, 2]) == nil)
    }
}
