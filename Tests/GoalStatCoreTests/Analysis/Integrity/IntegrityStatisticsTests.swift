import Foundation
import Testing
@testable import GoalStatCore

/// The distributions and noise estimates behind the integrity checks, against values from R and SciPy.
@Suite("Integrity: statistics")
struct IntegrityStatisticsTests {
    typealias S = IntegrityStatistics

    @Test func chiSquareTailsMatchTheTables() {
        #expect(abs(S.chiSquareSurvival(16.918977604620448, degreesOfFreedom: 9) - 0.05) < 1e-9)
        #expect(abs(S.chiSquareSurvival(27.877164871256568, degreesOfFreedom: 9) - 0.001) < 1e-9)
        #expect(abs(S.chiSquareSurvival(15.50731305586545, degreesOfFreedom: 8) - 0.05) < 1e-9)
        #expect(abs(S.chiSquareSurvival(3, degreesOfFreedom: 1) - 0.08326451666355042) < 1e-9)
        #expect(abs(S.chiSquareSurvival(100, degreesOfFreedom: 9) / 1.5735176303753876e-17 - 1) < 1e-6)
        #expect(S.chiSquareSurvival(0, degreesOfFreedom: 9) == 1)
    }

    @Test func binomialTailsMatchExactSums() {
        #expect(abs(S.binomialUpperTail(successes: 5, trials: 10, probability: 0.5) - 0.623046875) < 1e-12)
        #expect(abs(S.binomialUpperTail(successes: 12, trials: 24, probability: 0.2) - 0.0009779698322534137) < 1e-12)
        #expect(S.binomialUpperTail(successes: 0, trials: 10, probability: 0.2) == 1)
        #expect(S.binomialUpperTail(successes: 11, trials: 10, probability: 0.2) == 0)
    }

    @Test func logGammaIsAccurate() {
        #expect(abs(S.logGamma(5) - log(24)) < 1e-12)
        #expect(abs(S.logGamma(0.5) - 0.5 * log(Double.pi)) < 1e-12)
        #expect(abs(S.logGamma(100) - 359.1342053695754) < 1e-9)
    }

    @Test func movingRangeSigmaScreensOutliersAndStopsAtGaps() throws {
        #expect(abs(try #require(S.movingRangeSigma([1, 2, 1, 2, 1])) - 1 / 1.128) < 1e-12)
        // The jump to 50 and back is screened out, as XmR does.
        #expect(abs(try #require(S.movingRangeSigma([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 50, 2])) - 1 / 1.128) < 1e-12)
        #expect(S.movingRangeSigma([1, nil, 5, nil, 9]) == nil)
        #expect(S.movingRangeSigma([1, 2]) == nil)
    }

    @Test func countsAreNeverLessNoisyThanPoissonCounting() throws {
        let steady: [Double?] = [100, 101, 100, 101, 100, 101]
        #expect(try #require(S.noiseSigma(steady, unit: .count)) == 100.5.squareRoot())
        #expect(try #require(S.noiseSigma(steady, unit: .percent)) < 1)
    }
}
