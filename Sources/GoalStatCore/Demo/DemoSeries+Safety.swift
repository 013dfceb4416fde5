// Goal G2, safer drivers and safer roads: young drivers (G2.1, a priority goal), unsafe drivers (G2.2)
// and driver testing (G2.3). Levels are as of January 2024; trends are per year.
extension DemoSeries {
    static let safety: [DemoSeries] = [
        // Calendar-year data from the state crash file; the latest year stays provisional until it closes.
        DemoSeries("SAFE-FATAL-RATE", .annual, .amount, decimals: 2,
                   .shape(Shape(level: 1.28, trend: -0.025, noise: 0.035)), quirks: Quirks(provisionalRecent: 1)),

        // G2.1 Reduce crashes involving young drivers; a new grant program started in July 2024.
        DemoSeries("SAFE-EDU-FUNDING", .quarterly, .amount, .shape(Shape(
            level: 850_000, trend: 20_000, noise: 35_000, changes: [.step(2024, 7, by: 300_000)]))),
        // Planted case (e): presenters estimate the room, so most counts end in 0 or 5.
        DemoSeries("SAFE-OUTREACH-STUDENTS", .monthly, .count,
                   .shape(Shape(level: 2_400, trend: 180, season: .schoolYear, seasonality: 1, noise: 20, relativeNoise: 0.07)),
                   quirks: Quirks(roundToTen: 0.55, roundToFive: 0.3)),
        DemoSeries("SAFE-GDL-LICENSES", .monthly, .count,
                   .shape(Shape(level: 9_800, trend: 100, season: .summer, seasonality: 0.18, noise: 320))),
        DemoSeries("SAFE-TEEN-CRASH-RATE", .quarterly, .amount, decimals: 2,
                   .shape(Shape(level: 4.1, trend: -0.15, season: .winter, seasonality: 0.08, noise: 0.09)),
                   quirks: Quirks(provisionalRecent: 1)),
        DemoSeries("SAFE-FATALITIES-YOUNG", .quarterly, .count,
                   .shape(Shape(level: 24, trend: -1.2, season: .driving, seasonality: 0.2, noise: 4.5)),
                   quirks: Quirks(provisionalRecent: 1)),

        // G2.2 Keep unsafe drivers off the road.
        DemoSeries("SAFE-MED-REVIEWS", .monthly, .count, .shape(Shape(level: 1_450, trend: 60, noise: 65))),
        // Planted case (d): the case system moved in April–June 2025; May is recorded as missing, the
        // other two months were never entered.
        DemoSeries("SAFE-MED-BACKLOG", .monthly, .count, .shape(Shape(level: 640, trend: -60, noise: 22)),
                   quirks: Quirks(gaps: [(DemoMonth(2025, 4), false), (DemoMonth(2025, 5), true), (DemoMonth(2025, 6), false)])),
        DemoSeries("SAFE-SUSP-TIMELY", .monthly, .percent, decimals: 1,
                   .shape(Shape(level: 88, trend: 2, noise: 1.2, ceiling: 99.5))),
        DemoSeries("SAFE-REPEAT-DUI", .quarterly, .percent, decimals: 1, .shape(Shape(level: 11.5, trend: -0.3, noise: 0.3))),

        // G2.3 Fair, rigorous and timely driver testing: the north is short of examiners until spring 2027.
        DemoSeries("SAFE-EXAMINERS", .monthly, .amount, decimals: 1, .regions(.sum, [
            Region(orgUnit: "DMV-FO-NORTH", shape: Shape(level: 52, trend: 0.8, noise: 0.9)),
            Region(orgUnit: "DMV-FO-SOUTH", shape: Shape(level: 60, trend: 1.2, noise: 0.9)),
        ])),
        DemoSeries("SAFE-ROAD-TESTS", .monthly, .count, .regions(.sum, [
            Region(orgUnit: "DMV-FO-NORTH", shape: Shape(level: 13_600, trend: 150, season: .summer, seasonality: 0.14, noise: 380)),
            Region(orgUnit: "DMV-FO-SOUTH", shape: Shape(level: 15_400, trend: 250, season: .summer, seasonality: 0.14, noise: 400)),
        ])),
        DemoSeries("SAFE-TEST-WAIT", .monthly, .amount, .regions(.mean, [
            Region(orgUnit: "DMV-FO-NORTH", shape: Shape(
                level: 31, trend: 3, season: .summer, seasonality: 0.1, noise: 1.8,
                changes: [.step(2027, 3, by: -10, ramp: 4), .slope(2027, 3, perYear: -3)])),
            Region(orgUnit: "DMV-FO-SOUTH", shape: Shape(level: 19, trend: -1, season: .summer, seasonality: 0.08, noise: 1.4)),
        ])),
        DemoSeries("SAFE-PASS-RATE", .monthly, .percent, decimals: 1, .shape(Shape(level: 61, noise: 1.3))),
        DemoSeries("SAFE-AUDIT-EXCEPTIONS", .quarterly, .percent, decimals: 1,
                   .shape(Shape(level: 4.2, trend: -0.2, noise: 0.35))),
    ]
}
