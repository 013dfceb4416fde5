import Testing
@testable import GoalStatCore

@Suite("Driver → result link checks")
struct LinkCheckTests {
    static func month(_ i: Int) -> Period { Period.month(year: 2018 + i / 12, month: i % 12 + 1) }

    static func series(_ values: [Double], from first: Int = 0) -> [(Period, Double)] {
        values.enumerated().map { (month(first + $0.offset), $0.element) }
    }

    /// A seeded random walk: its period-to-period changes are independent draws.
    static func walk(_ count: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        var level = 100.0
        return (0..<count).map { _ in
            level += generator.nextGaussian()
            return level
        }
    }

    static func noise(_ count: Int, seed: UInt64, scale: Double) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in scale * generator.nextGaussian() }
    }

    static let staffing = walk(30, seed: 11)
    static let link = IndicatorLink(driver: "STAFF", result: "WAIT", expectedSign: .positive)

    @Test("a result that follows the driver's changes supports a positive link")
    func supportsPositive() {
        let result = zip(Self.staffing, Self.noise(30, seed: 12, scale: 0.3)).map { 2 * $0 + $1 }
        let evidence = LinkCheck.evaluate(link: Self.link, driver: Self.series(Self.staffing), result: Self.series(result))
        #expect(evidence.pairs == 29)
        #expect(evidence.verdict == .supports)
        #expect((evidence.spearman ?? 0) > 0.8)
        #expect((evidence.pValue ?? 1) < 0.001)
        #expect(evidence.reason.contains("the data support it"))
    }

    @Test("a result that moves against the driver contradicts a positive link and supports a negative one")
    func contradicts() {
        let result = zip(Self.staffing, Self.noise(30, seed: 13, scale: 0.3)).map { 50 - 1.5 * $0 + $1 }
        let positive = LinkCheck.evaluate(link: Self.link, driver: Self.series(Self.staffing), result: Self.series(result))
        #expect(positive.verdict == .contradicts)
        #expect((positive.pearson ?? 0) < -0.8)
        #expect(positive.reason.contains("contradict"))
        var negativeLink = Self.link
        negativeLink.expectedSign = .negative
        let negative = LinkCheck.evaluate(link: negativeLink, driver: Self.series(Self.staffing), result: Self.series(result))
        #expect(negative.verdict == .supports)
    }

    @Test("a lagged effect is found at its lag and not at lag 0")
    func lagged() {
        // The result in month t echoes the driver in month t − 2.
        let result = zip(Self.staffing.dropLast(2), Self.noise(28, seed: 14, scale: 0.3)).map { 3 * $0 + $1 }
        let driver = Self.series(Self.staffing)
        let echo = Self.series(Array(result), from: 2)
        var lagTwo = Self.link
        lagTwo.lagPeriods = 2
        let atLag = LinkCheck.evaluate(link: lagTwo, driver: driver, result: echo)
        #expect(atLag.verdict == .supports)
        #expect(atLag.pairs == 27)
        #expect(atLag.reason.contains("result 2 months after the driver"))
        let atZero = LinkCheck.evaluate(link: Self.link, driver: driver, result: echo)
        #expect(atZero.verdict == .inconclusive)
        #expect((atZero.pValue ?? 0) > 0.05)
    }

    @Test("two series that only share a trend are not called linked: changes, not levels, are compared")
    func sharedTrendIsNotALink() {
        let trend = (0..<30).map(Double.init)
        let driver = zip(trend, Self.noise(30, seed: 21, scale: 1)).map { $0 + $1 }
        let result = zip(trend, Self.noise(30, seed: 22, scale: 1)).map { 2 * $0 + $1 }
        let levels = Correlation.pearson(driver, result) ?? 0
        #expect(levels > 0.9)
        let evidence = LinkCheck.evaluate(link: Self.link, driver: Self.series(driver), result: Self.series(result))
        #expect(evidence.verdict != .supports)
    }

    @Test("fewer than 12 pairs of changes is inconclusive and says so")
    func tooShort() {
        let driver = Self.series(Array(Self.staffing.prefix(12)))
        let evidence = LinkCheck.evaluate(link: Self.link, driver: driver, result: driver)
        #expect(evidence.pairs == 11)
        #expect(evidence.verdict == .inconclusive)
        #expect(evidence.spearman == nil)
        #expect(evidence.reason.contains("Only 11 pairs"))
        #expect(evidence.reason.contains("at least 12"))
    }

    @Test("a missing month is a gap, not a shift: the two changes around it are dropped")
    func gapsAreNotShifts() {
        let result = zip(Self.staffing, Self.noise(30, seed: 12, scale: 0.3)).map { 2 * $0 + $1 }
        var driver = Self.series(Self.staffing)
        driver.remove(at: 10)
        let evidence = LinkCheck.evaluate(link: Self.link, driver: driver, result: Self.series(result))
        #expect(evidence.pairs == 27)
        #expect(evidence.verdict == .supports)
    }

    @Test("a driver that changes by the same amount every period gives no correlation")
    func noVariation() {
        let steady = (0..<20).map { 5 * Double($0) }
        let evidence = LinkCheck.evaluate(link: Self.link, driver: Self.series(steady), result: Self.series(Self.staffing))
        #expect(evidence.verdict == .inconclusive)
        #expect(evidence.pearson == nil)
        #expect(evidence.reason.contains("driver changed by the same amount"))
    }
}
