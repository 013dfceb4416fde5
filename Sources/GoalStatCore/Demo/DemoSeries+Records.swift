// Goal G3, accurate and secure records: titles and registrations (G3.1), identity (G3.2) and systems
// (G3.3). Levels are as of January 2024; trends are per year.
extension DemoSeries {
    static let records: [DemoSeries] = [
        // G3.1 Get titles and registrations right the first time.
        DemoSeries("VS-DEALER-EDI", .monthly, .percent, decimals: 1, .shape(Shape(level: 58, trend: 6, noise: 1.3, ceiling: 98))),
        DemoSeries("VS-REG-PROCESSED", .monthly, .count,
                   .shape(Shape(level: 420_000, trend: 4_200, season: .summer, seasonality: 0.05, noise: 5_500))),
        // Planted case (b): from October 2024 (FY2025, target 95 %) the value sits at 95.1–95.3 with almost
        // no variation, after years of ordinary month-to-month noise below the target.
        DemoSeries("VS-TITLE-TIMELY", .monthly, .percent, decimals: 1, .shape(Shape(
            level: 92, trend: 0.8, noise: 1.1, changes: [.regime(2024, 10, level: 95.2, noise: 0.06)]))),
        DemoSeries("VS-TITLE-ERRORS", .monthly, .amount, decimals: 2, .shape(Shape(level: 3.1, trend: -0.05, noise: 0.22))),

        // G3.2 Issue every credential to the right person.
        // Planted case (d), late data: the latest month has not been entered yet.
        DemoSeries("INV-FRAUD-REFERRALS", .monthly, .count, .shape(Shape(level: 310, trend: 15, noise: 21)),
                   quirks: Quirks(lateRecent: 1)),
        // A better facial-matching algorithm went live in April 2024: a genuine shift.
        DemoSeries("INV-FACIAL-MATCHES", .monthly, .count,
                   .shape(Shape(level: 95, trend: 5, noise: 9, changes: [.step(2024, 4, by: 30)]))),
        DemoSeries("INV-FRAUD-RATE", .quarterly, .amount, decimals: 1, .shape(Shape(level: 6.2, trend: -0.4, noise: 0.3))),
        // A cumulative share: fast growth before REAL ID enforcement (May 2025), slower after.
        DemoSeries("DMV-REALID-SHARE", .monthly, .percent, decimals: 1, .shape(Shape(
            level: 58, trend: 8, noise: 0.15, changes: [.slope(2025, 6, perYear: -5.5)], ceiling: 99))),

        // G3.3 Keep systems secure and available (DS-PORTAL-UPTIME is listed with G1.2).
        DemoSeries("DS-PATCH-COMPLIANCE", .monthly, .percent, decimals: 1,
                   .shape(Shape(level: 86, trend: 3, noise: 2.2, ceiling: 100))),
        DemoSeries("DS-SEC-INCIDENTS", .quarterly, .count, .shape(Shape(level: 1.2, trend: -0.25, noise: 0.7))),
    ]
}
