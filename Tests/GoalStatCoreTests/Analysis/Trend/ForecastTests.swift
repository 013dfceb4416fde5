import Foundation
import Testing
@testable import GoalStatCore

@Suite("Forecast against a target")
struct ForecastTests {
    /// 24 months from January 2020: 50 + 0.5 a month, plus seeded noise with a standard deviation of about 1.
    static let rising: [(Period, Double)] = {
        var generator = SeededGenerator(seed: 2_024)
        return (0..<24).map { i in
            (Period.month(year: 2020 + i / 12, month: i % 12 + 1), 50 + 0.5 * Double(i) + generator.nextGaussian())
        }
    }()

    static let endOf2022 = CalendarDate(year: 2022, month: 12, day: 31)

    static func project(
        _ target: TargetVersion?, _ direction: ImprovementDirection = .increase, to date: CalendarDate = endOf2022
    ) -> Forecast? {
        Forecast.project(series: rising, to: date, target: target, direction: direction)
    }

    static func target(_ value: Double? = nil, range: ClosedRange<Double>? = nil) -> TargetVersion {
        TargetVersion(
            target: Target(
                indicator: "X", period: "2022", value: value,
                range: range.map { TargetRange(min: $0.lowerBound, max: $0.upperBound) }, setOn: "2020-01-01"
            ),
            period: .calendarYear(2022), setOn: CalendarDate(year: 2020, month: 1, day: 1)
        )
    }

    @Test("a target the whole interval clears is likely to be met")
    func likely() throws {
        let forecast = try #require(Self.project(Self.target(60)))
        #expect(forecast.low > 60)
        #expect(forecast.likelihood == .likely)
        #expect(forecast.targetValue == 60)
        #expect(forecast.reason.contains("likely to be met"))
        #expect(forecast.reason.contains("60 or more"))
    }

    @Test("a target the whole interval falls short of is unlikely to be met")
    func unlikely() throws {
        let forecast = try #require(Self.project(Self.target(80)))
        #expect(forecast.high < 80)
        #expect(forecast.likelihood == .unlikely)
        #expect(forecast.reason.contains("unlikely to be met"))
    }

    @Test("a target inside the interval is uncertain")
    func uncertain() throws {
        let plain = try #require(Self.project(nil))
        let forecast = try #require(Self.project(Self.target(plain.projected)))
        #expect(forecast.low < plain.projected && plain.projected < forecast.high)
        #expect(forecast.likelihood == .uncertain)
        #expect(forecast.reason.contains("cannot yet say"))
    }

    @Test("for a decrease indicator, a rising trend makes a lower target unlikely and a higher one likely")
    func decreaseDirection() throws {
        let low = try #require(Self.project(Self.target(55), .decrease))
        #expect(low.likelihood == .unlikely)
        let high = try #require(Self.project(Self.target(90), .decrease))
        #expect(high.likelihood == .likely)
        #expect(high.reason.contains("90 or less"))
    }

    @Test("a band target for a neutral indicator is likely only when the interval lies inside it")
    func neutralBand() throws {
        let inside = try #require(Self.project(Self.target(range: 40...100), .neutral))
        #expect(inside.likelihood == .likely)
        #expect(inside.targetValue == nil)
        #expect(inside.targetLow == 40 && inside.targetHigh == 100)
        let above = try #require(Self.project(Self.target(range: 20...30), .neutral))
        #expect(above.likelihood == .unlikely)
    }

    @Test("without a target the forecast projects but does not judge")
    func noTarget() throws {
        let forecast = try #require(Self.project(nil))
        #expect(forecast.likelihood == nil)
        #expect(forecast.targetValue == nil)
        #expect(forecast.reason.contains("No target is set"))
    }

    @Test("x is the day of each period's midpoint, so the slope is per calendar year")
    func slopeIsPerYearOfDays() throws {
        // A value that grows by exactly 0.01 a day, sampled at each month's midpoint.
        let series = (0..<12).map { i -> (Period, Double) in
            let month = Period.month(year: 2021, month: i + 1)
            let midpoint = Double(month.start.daysSinceEpoch + month.end.daysSinceEpoch) / 2
            return (month, 0.01 * midpoint)
        }
        let date = CalendarDate(year: 2022, month: 6, day: 30)
        let forecast = try #require(Forecast.project(series: series, to: date, target: nil, direction: .increase))
        #expect(abs(forecast.slopePerYear - 3.6525) < 1e-9)
        #expect(abs(forecast.projected - 0.01 * Double(date.daysSinceEpoch)) < 1e-9)
        #expect(abs(forecast.high - forecast.low) < 1e-9)
    }

    @Test("the interval holds the projection and widens the further ahead it looks")
    func intervalWidensWithDistance() throws {
        let near = try #require(Self.project(nil, to: CalendarDate(year: 2022, month: 1, day: 31)))
        let far = try #require(Self.project(nil, to: CalendarDate(year: 2025, month: 12, day: 31)))
        #expect(near.low <= near.projected && near.projected <= near.high)
        #expect(far.low <= far.projected && far.projected <= far.high)
        #expect(far.high - far.low > 2 * (near.high - near.low))
        #expect(near.slopeLowPerYear < near.slopePerYear && near.slopePerYear < near.slopeHighPerYear)
    }

    @Test("no forecast from fewer than three values; NaN values are skipped")
    func tooFewPoints() {
        let two = Array(Self.rising.prefix(2))
        #expect(Forecast.project(series: two, to: Self.endOf2022, target: nil, direction: .increase) == nil)
        let withNaN = two + [(Period.month(year: 2020, month: 3), .nan)]
        #expect(Forecast.project(series: withNaN, to: Self.endOf2022, target: nil, direction: .increase) == nil)
    }

    @Test("the JSON output uses the documented camelCase fields")
    func codableFields() throws {
        let forecast = try #require(Self.project(Self.target(60)))
        let data = try JSONEncoder().encode(forecast)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["date", "slopePerYear", "projected", "low", "high", "targetValue", "likelihood", "reason"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["likelihood"] as? String == "likely")
        #expect(object["date"] as? String == "2022-12-31")
        #expect(try JSONDecoder().decode(Forecast.self, from: data) == forecast)
    }
}
