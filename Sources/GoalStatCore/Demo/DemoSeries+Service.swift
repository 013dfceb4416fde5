// Goal G1, faster and simpler service: field offices (G1.1, the focus goal), online services (G1.2) and
// the contact center (G1.3). Levels are as of January 2024; trends are per year.
extension DemoSeries {
    static let service: [DemoSeries] = [
        DemoSeries("DMV-CUSTOMER-MINUTES", .quarterly, .amount, decimals: 1,
                   .shape(Shape(level: 38, trend: -4, noise: 0.8, floor: 10)),
                   quirks: Quirks(provisionalRecent: 1)),

        // G1.1 Cut office wait times.
        DemoSeries("FO-STAFF-HOURS", .monthly, .amount, .regions(.sum, [
            Region(orgUnit: "DMV-FO-NORTH", shape: Shape(level: 34_000, trend: -900, season: .holidays, seasonality: 0.05, noise: 600)),
            Region(orgUnit: "DMV-FO-SOUTH", shape: Shape(level: 28_000, trend: -700, season: .holidays, seasonality: 0.05, noise: 550)),
        ])),
        // The queue and appointment system went live in the north in February 2025: a genuine shift.
        DemoSeries("FO-APPOINTMENTS", .monthly, .percent, decimals: 1,
                   .shape(Shape(level: 22, trend: 3, noise: 1.2, changes: [.step(2025, 2, by: 15, ramp: 3)]))),
        // The REAL ID rush of January–May 2025 brought extra visitors.
        DemoSeries("FO-SERVED", .monthly, .count, .regions(.sum, [
            Region(orgUnit: "DMV-FO-NORTH", shape: Shape(
                level: 172_000, trend: -7_000, season: .summer, seasonality: 0.07, noise: 2_800,
                changes: [.step(2025, 1, by: 14_000), .step(2025, 6, by: -14_000)])),
            Region(orgUnit: "DMV-FO-SOUTH", shape: Shape(
                level: 140_000, trend: -5_500, season: .summer, seasonality: 0.07, noise: 2_500,
                changes: [.step(2025, 1, by: 11_000), .step(2025, 6, by: -11_000)])),
        ])),
        DemoSeries("FO-SERVED-PER-HOUR", .monthly, .amount, decimals: 2,
                   .ratio(numerator: "FO-SERVED", denominator: "FO-STAFF-HOURS", scale: 1)),
        // Genuine shifts when the queue system went live (north 2025-02, south 2025-05). Planted case (a):
        // from July 2025 the southern median keeps falling while its walk-outs rise (check-in deferred);
        // the story has the check-in audit end it in January 2027, so later clocks stay plausible.
        DemoSeries("FO-WAIT-MEDIAN", .monthly, .amount, decimals: 1, .regions(.mean, [
            Region(orgUnit: "DMV-FO-NORTH", shape: Shape(
                level: 32, trend: -0.5, season: .summer, seasonality: 0.04, noise: 1.2,
                changes: [.step(2025, 2, by: -8, ramp: 2)], floor: 5)),
            Region(orgUnit: "DMV-FO-SOUTH", shape: Shape(
                level: 33.5, trend: -0.5, season: .summer, seasonality: 0.04, noise: 1.3,
                changes: [.step(2025, 5, by: -7, ramp: 2), .slope(2025, 7, perYear: -5),
                          .step(2027, 1, by: 3, ramp: 3), .slope(2027, 1, perYear: 5)], floor: 5)),
        ])),
        DemoSeries("FO-WALKOUTS", .monthly, .percent, decimals: 1, .regions(.mean, [
            Region(orgUnit: "DMV-FO-NORTH", shape: Shape(
                level: 3.2, trend: -0.15, season: .summer, seasonality: 0.1, noise: 0.25,
                changes: [.step(2025, 2, by: -0.8, ramp: 2)])),
            Region(orgUnit: "DMV-FO-SOUTH", shape: Shape(
                level: 3.4, trend: -0.15, season: .summer, seasonality: 0.1, noise: 0.28,
                changes: [.step(2025, 5, by: -0.8, ramp: 2), .slope(2025, 7, perYear: 3.2),
                          .step(2027, 1, by: -2.5, ramp: 3), .slope(2027, 1, perYear: -3.2)])),
        ])),
        DemoSeries("FO-SATISFACTION", .monthly, .percent, decimals: 1,
                   .shape(Shape(level: 78, trend: 1.5, noise: 1.0, changes: [.step(2025, 3, by: 3, ramp: 3)], ceiling: 99)),
                   quirks: Quirks(provisionalRecent: 1)),

        // G1.2 Move routine transactions online.
        DemoSeries("DS-DIGITAL-SPEND", .quarterly, .amount,
                   .shape(Shape(level: 3_200_000, trend: 250_000, season: .fiscalYearEnd, seasonality: 0.45, noise: 110_000))),
        DemoSeries("DS-RELEASES", .monthly, .count, .shape(Shape(level: 4, trend: 0.5, noise: 1.6))),
        DemoSeries("DS-RENEWALS-ALL", .monthly, .count,
                   .shape(Shape(level: 190_000, trend: 1_900, season: .summer, seasonality: 0.06, noise: 2_600))),
        // Online renewal opened to drivers 65 and over in July 2024: a genuine shift.
        DemoSeries("DS-ONLINE-RENEWALS", .monthly, .count, .portion(of: "DS-RENEWALS-ALL", percent: Shape(
            level: 44, trend: 4, noise: 0.9, changes: [.step(2024, 7, by: 3, ramp: 2)], ceiling: 95))),
        DemoSeries("DS-ONLINE-SHARE", .monthly, .percent, decimals: 1,
                   .ratio(numerator: "DS-ONLINE-RENEWALS", denominator: "DS-RENEWALS-ALL", scale: 100)),
        DemoSeries("DS-PORTAL-UPTIME", .monthly, .percent, decimals: 2,
                   .shape(Shape(level: 99.62, trend: 0.04, noise: 0.14, ceiling: 99.99))),
        DemoSeries("DS-ONLINE-ERRORS", .monthly, .percent, decimals: 1, .shape(Shape(level: 2.1, trend: -0.1, noise: 0.2))),
        DemoSeries("DS-DIGITAL-CSAT", .quarterly, .percent, decimals: 1, .shape(Shape(level: 81, trend: 1, noise: 0.8))),

        // G1.3 Answer the phone: the overflow vendor's contract ended in December 2025; new hires from April 2026.
        DemoSeries("CC-AGENTS", .monthly, .amount, decimals: 1, .shape(Shape(
            level: 118, trend: 3, noise: 2.2, changes: [.step(2025, 12, by: -12), .step(2026, 4, by: 7, ramp: 2)]))),
        DemoSeries("CC-CALLS-ANSWERED", .monthly, .count, .shape(Shape(
            level: 205_000, trend: -3_500, season: .summer, seasonality: 0.07, noise: 3_000,
            changes: [.step(2025, 12, by: -16_000), .step(2026, 4, by: 9_000, ramp: 2)]))),
        DemoSeries("CC-ASA", .monthly, .amount, decimals: 1, .shape(Shape(
            level: 6.5, trend: -0.7, season: .summer, seasonality: 0.15, noise: 0.45,
            changes: [.step(2025, 12, by: 4), .step(2026, 4, by: -2.5, ramp: 2)], floor: 0.5))),
        DemoSeries("CC-ABANDON", .monthly, .percent, decimals: 1, .shape(Shape(
            level: 9, trend: -0.8, season: .summer, seasonality: 0.12, noise: 0.55,
            changes: [.step(2025, 12, by: 4.5), .step(2026, 4, by: -2.5, ramp: 2)]))),
        DemoSeries("CC-FIRST-CONTACT", .monthly, .percent, decimals: 1,
                   .shape(Shape(level: 71, trend: 1.2, noise: 1.0)), quirks: Quirks(provisionalRecent: 1)),
    ]
}
