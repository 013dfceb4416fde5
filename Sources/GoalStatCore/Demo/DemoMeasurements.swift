/// The demo agency's measurements: five years of realistic, deterministic data for every indicator of
/// `demo-framework.yaml`, ending at the last complete month before "today" (SPEC §6), so they never go stale.
///
/// Each series is level + trend, times seasonality, plus genuine step changes, plus noise drawn from a
/// `SeededGenerator` seeded by the indicator code, org unit and period; see `docs/demo.md`.
public enum DemoMeasurements: Sendable {
    /// How many months the data spans.
    public static let monthCount = 60

    /// Measurements for the 60 months ending at `lastCompleteMonth`: monthly values for each month, quarterly
    /// values for the 20 quarters and annual values for the 5 calendar years that end in that window.
    /// Rows are sorted by indicator, org unit (the total first) and period, like a measurements export.
    public static func generate(through lastCompleteMonth: (year: Int, month: Int)) -> [DemoMeasurement] {
        var engine = DemoEngine(
            last: DemoMonth(lastCompleteMonth.year, lastCompleteMonth.month), months: monthCount, catalog: DemoSeries.catalog
        )
        return DemoSeries.catalog
            .flatMap { engine.measurements(for: $0) }
            .sorted { a, b in
                if a.indicator != b.indicator { return a.indicator < b.indicator }
                if a.orgUnit != b.orgUnit { return (a.orgUnit ?? "") < (b.orgUnit ?? "") }
                return a.period < b.period
            }
    }

    /// The codes of the indicators the generator knows, in the order of the framework file's goals.
    public static var indicatorCodes: [String] { DemoSeries.catalog.map(\.code) }
}
