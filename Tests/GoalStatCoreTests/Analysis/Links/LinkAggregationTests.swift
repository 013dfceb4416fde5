import Testing
@testable import GoalStatCore

@Suite("Driver → result links between indicators of different frequencies")
struct LinkAggregationTests {
    static func month(_ i: Int) -> Period { Period.month(year: 2018 + i / 12, month: i % 12 + 1) }
    static func quarter(_ i: Int) -> Period { Period.calendarQuarter(year: 2018 + i / 4, quarter: i % 4 + 1) }

    static func monthly(_ values: [Double], _ aggregation: Aggregation = .mean) -> LinkSeries {
        LinkSeries(frequency: .monthly, aggregation: aggregation, values: values.enumerated().map { (month($0.offset), $0.element) })
    }

    static func quarterly(_ values: [Double], _ aggregation: Aggregation = .mean) -> LinkSeries {
        LinkSeries(frequency: .quarterly, aggregation: aggregation, values: values.enumerated().map { (quarter($0.offset), $0.element) })
    }

    static func quarters(_ count: Int) -> [Period] { (0..<count).map(quarter) }

    @Test("monthly → quarterly: a sum adds the three months, a mean averages them, last takes the third")
    func monthlyToQuarterly() {
        let values: [Double] = [1, 2, 3, 10, 20, 30]
        let grid = Self.quarters(2)
        #expect(LinkAggregation.aggregate(Self.monthly(values, .sum), onto: grid).map(\.1) == [6, 60])
        #expect(LinkAggregation.aggregate(Self.monthly(values, .mean), onto: grid).map(\.1) == [2, 20])
        #expect(LinkAggregation.aggregate(Self.monthly(values, .last), onto: grid).map(\.1) == [3, 30])
        #expect(LinkAggregation.aggregate(Self.monthly(values, .sum), onto: grid).map(\.0) == grid)
    }

    @Test("monthly → annual: twelve months to a year; a fiscal year is kept fiscal by the anchor")
    func monthlyToAnnual() {
        let values = (0..<24).map(Double.init)
        let calendarYears = LinkAggregation.grid(covering: Self.monthly(values).values, anchor: .calendarYear(2018))
        #expect(calendarYears == [.calendarYear(2018), .calendarYear(2019)])
        #expect(LinkAggregation.aggregate(Self.monthly(values, .sum), onto: calendarYears).map(\.1) == [66, 210])
        #expect(LinkAggregation.aggregate(Self.monthly(values, .mean), onto: calendarYears).map(\.1) == [5.5, 17.5])
        // Fiscal years from October: FY2019 is October 2018 to September 2019, the only complete one.
        let fiscal = FiscalCalendar(startMonth: 10)
        let fiscalYears = LinkAggregation.grid(covering: Self.monthly(values).values, anchor: .fiscalYear(2019, calendar: fiscal))
        #expect(fiscalYears == [.fiscalYear(2018, calendar: fiscal), .fiscalYear(2019, calendar: fiscal), .fiscalYear(2020, calendar: fiscal)])
        let sums = LinkAggregation.aggregate(Self.monthly(values, .sum), onto: fiscalYears)
        #expect(sums.map(\.0) == [.fiscalYear(2019, calendar: fiscal)])
        #expect(sums.map(\.1) == [(9...20).reduce(0, +)].map(Double.init))
    }

    @Test("weekly → monthly: a week that straddles two months counts in each by its days there")
    func weeklyToMonthly() {
        // ISO weeks 1–9 of 2018 run from Monday 1 January to Sunday 4 March; week 5 (29 Jan – 4 Feb) has 3 days in
        // January and 4 in February.
        let weeks = (1...9).map { (Period.isoWeek(year: 2018, week: $0), 7.0) }
        let series = LinkSeries(frequency: .weekly, aggregation: .sum, values: weeks)
        let months = [Period.month(year: 2018, month: 1), .month(year: 2018, month: 2), .month(year: 2018, month: 3)]
        let sums = LinkAggregation.aggregate(series, onto: months)
        // Seven a week is one a day: January has 31 days, February 28; March lacks weeks 10–13, so it is left out.
        #expect(sums.map(\.0) == Array(months.prefix(2)))
        #expect(zip(sums.map(\.1), [31.0, 28]).allSatisfy { abs($0 - $1) < 1e-12 })
        var rising = series
        rising.values = (1...9).map { (Period.isoWeek(year: 2018, week: $0), Double($0)) }
        rising.aggregation = .mean
        let means = LinkAggregation.aggregate(rising, onto: months)
        // January: weeks 1–4 whole and 3/7 of week 5: (1 + 2 + 3 + 4 + 5 × 3/7) / (4 + 3/7).
        #expect(abs(means[0].1 - (10 + 15.0 / 7) / (4 + 3.0 / 7)) < 1e-12)
        rising.aggregation = .last
        // The week that holds 31 January is week 5; 28 February falls in week 9.
        #expect(LinkAggregation.aggregate(rising, onto: months).map(\.1) == [5, 9])
    }

    @Test("partial periods are left out: a quarter with a month missing, or not yet over, is a gap")
    func partialPeriods() {
        // Seven months: the third quarter has only its first month (the unfinished quarter); month 4 is missing.
        var values = Self.monthly([1, 2, 3, 4, 5, 6, 7], .sum).values
        values.remove(at: 4)
        let series = LinkSeries(frequency: .monthly, aggregation: .sum, values: values)
        let sums = LinkAggregation.aggregate(series, onto: Self.quarters(3))
        #expect(sums.map(\.0) == [Self.quarter(0)])
        #expect(sums.map(\.1) == [6])
        // `last` needs only the quarter's last month.
        let last = LinkAggregation.aggregate(LinkSeries(frequency: .monthly, aggregation: .last, values: values), onto: Self.quarters(3))
        #expect(last.map(\.1) == [3, 6])
    }

    @Test("a ratio is its formula on the components' totals, not the mean of its monthly ratios")
    func ratioFromComponents() {
        let formula = try! Formula.parse("[ONLINE] / [ALL] * 100").get()
        let online = Self.monthly([10, 90, 20], .sum)
        let all = Self.monthly([100, 100, 200], .sum)
        let shares = Self.monthly([10, 90, 10], .ratio)
        var share = shares
        share.formula = formula
        share.components = ["ONLINE": online, "ALL": all]
        let byFormula = LinkAggregation.aggregate(share, onto: Self.quarters(1))
        #expect(byFormula.count == 1 && abs(byFormula[0].1 - 30) < 1e-12) // 120 of 400; the mean of the shares is 36.67
        let withoutComponents = LinkAggregation.aggregate(shares, onto: Self.quarters(1))
        #expect(abs(withoutComponents[0].1 - 110.0 / 3) < 1e-12)
    }

    @Test("the lag is converted to the coarser frequency, to the nearest whole period")
    func lagConversion() {
        #expect(LinkAggregation.convert(lag: 1, from: .monthly, to: .quarterly) == 0)
        #expect(LinkAggregation.convert(lag: 2, from: .monthly, to: .quarterly) == 1)
        #expect(LinkAggregation.convert(lag: 4, from: .monthly, to: .quarterly) == 1)
        #expect(LinkAggregation.convert(lag: 12, from: .monthly, to: .quarterly) == 4)
        #expect(LinkAggregation.convert(lag: 4, from: .quarterly, to: .annual) == 1)
        #expect(LinkAggregation.convert(lag: 6, from: .monthly, to: .annual) == 1)
        #expect(LinkAggregation.convert(lag: 2, from: .weekly, to: .monthly) == 0)
        #expect(LinkAggregation.convert(lag: 3, from: .weekly, to: .monthly) == 1)
        #expect(LinkAggregation.convert(lag: 3, from: .quarterly, to: .quarterly) == 3)
    }

    @Test("a monthly driver and a quarterly result are tested per quarter, the lag converted")
    func monthlyDriverQuarterlyResult() {
        // The driver is a monthly random walk; the result each quarter is twice the driver's quarterly mean one
        // quarter earlier, plus a little noise: the link holds at a lag of one quarter, given as 3 months.
        let driverValues = LinkCheckTests.walk(66, seed: 21)
        let driver = Self.monthly(driverValues, .mean)
        let means: [Double] = stride(from: 0, to: 66, by: 3).map { (start: Int) -> Double in
            driverValues[start..<start + 3].reduce(0, +) / 3
        }
        let noise = LinkCheckTests.noise(22, seed: 22, scale: 0.05)
        var resultValues: [Double] = [0]
        for q in 1..<22 { resultValues.append(2 * means[q - 1] + noise[q]) }
        let result = Self.quarterly(resultValues)
        let link = IndicatorLink(driver: "D", result: "R", expectedSign: .positive, lagPeriods: 3)
        let evidence = LinkCheck.evaluate(link: link, driver: driver, result: result)
        #expect(evidence.testedAt == .quarterly)
        #expect(evidence.testedLag == 1)
        #expect(evidence.verdict == .supports)
        #expect(evidence.pairs == 20)
        #expect(evidence.reason.hasPrefix("Tested per quarter: the monthly values averaged per quarter, complete quarters only; the lag of 3 months is about 1 quarter."))
        // Summed instead of averaged, the quarterly driver is three times as large: the correlation is the same.
        let summed = LinkCheck.evaluate(link: link, driver: Self.monthly(driverValues, .sum), result: result)
        #expect(summed.spearman == evidence.spearman)
        #expect(summed.reason.contains("the monthly values summed per quarter"))
    }

    @Test("a quarterly result as driver of an annual one is tested per year; too few years is inconclusive and says so")
    func quarterlyToAnnual() {
        let driver = Self.quarterly(LinkCheckTests.walk(20, seed: 31), .mean)
        let result = LinkSeries(frequency: .annual, aggregation: .mean, values: (0..<5).map { (Period.calendarYear(2018 + $0), Double($0)) })
        let link = IndicatorLink(driver: "TRAINING", result: "ENGAGEMENT", expectedSign: .positive, lagPeriods: 4)
        let evidence = LinkCheck.evaluate(link: link, driver: driver, result: result)
        #expect(evidence.testedAt == .annual)
        #expect(evidence.testedLag == 1)
        #expect(evidence.pairs == 3)
        #expect(evidence.verdict == .inconclusive)
        #expect(evidence.reason.contains("Only 3 pairs"))
        #expect(!evidence.reason.contains("different frequencies"))
    }

    @Test("a coarser driver aggregates the result: the same-frequency path is untouched")
    func coarserDriver() {
        let result = Self.monthly(LinkCheckTests.walk(36, seed: 41), .sum)
        let driver = Self.quarterly(LinkCheckTests.walk(12, seed: 42))
        let evidence = LinkCheck.evaluate(link: IndicatorLink(driver: "Q", result: "M", expectedSign: .negative, lagPeriods: 1), driver: driver, result: result)
        #expect(evidence.testedAt == .quarterly)
        #expect(evidence.testedLag == 1)
        #expect(evidence.pairs == 10)
        let same = LinkCheck.evaluate(link: LinkCheckTests.link, driver: Self.monthly([1, 2, 3]), result: Self.monthly([1, 2, 3]))
        #expect(same.testedAt == .monthly)
        #expect(!same.reason.hasPrefix("Tested"))
    }
}
