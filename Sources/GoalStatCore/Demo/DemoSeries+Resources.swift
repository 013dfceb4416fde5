// Goals G4 (stewardship of public funds) and G5 (a skilled, engaged workforce). Levels are as of
// January 2024; trends are per year.
extension DemoSeries {
    static let stewardship: [DemoSeries] = [
        // G4.1 Collect every dollar owed, at a lower cost.
        DemoSeries("FIN-OPEX", .monthly, .amount, .shape(Shape(
            level: 21_500_000, trend: 650_000, season: .fiscalYearEnd, seasonality: 0.12, noise: 380_000))),
        DemoSeries("FIN-REVENUE", .monthly, .amount, .shape(Shape(
            level: 118_000_000, trend: 3_000_000, season: .summer, seasonality: 0.05, noise: 1_900_000)),
                   quirks: Quirks(provisionalRecent: 1)),
        DemoSeries("FIN-COST-PER-TXN", .quarterly, .amount, decimals: 2, .shape(Shape(level: 9.4, trend: -0.35, noise: 0.12))),
        DemoSeries("FIN-RECON-CLEAN", .quarterly, .percent, decimals: 1,
                   .shape(Shape(level: 97.2, trend: 0.3, noise: 0.3, ceiling: 99.9))),

        // G4.2 Deliver the licensing system modernization: the vendor's failed data migration in 2024.
        DemoSeries("IT-MOD-HEALTH", .monthly, .qualitative, .levels(LevelSchedule(changes: [
            (DemoMonth(2021, 1), "green"), (DemoMonth(2023, 6), "amber"), (DemoMonth(2023, 9), "green"),
            (DemoMonth(2024, 2), "amber"), (DemoMonth(2024, 5), "red"), (DemoMonth(2024, 11), "amber"),
            (DemoMonth(2025, 7), "green"), (DemoMonth(2026, 3), "amber"), (DemoMonth(2026, 6), "green"),
        ]))),
        DemoSeries("IT-MOD-COST-VARIANCE", .quarterly, .percent, decimals: 1,
                   .shape(Shape(level: 4, trend: 1.5, noise: 0.9, changes: [.step(2024, 7, by: 6)]))),
    ]

    static let workforce: [DemoSeries] = [
        // G5.1 Hire and keep frontline staff.
        DemoSeries("HR-VACANCY", .monthly, .percent, decimals: 1, .regions(.mean, [
            Region(orgUnit: "DMV-FO-NORTH", shape: Shape(level: 11.5, trend: -0.6, noise: 0.6)),
            Region(orgUnit: "DMV-FO-SOUTH", shape: Shape(level: 8.5, trend: -0.8, noise: 0.55)),
        ])),
        // Planted case (c): the FY2025 target of 60 days was set on 2024-09-16 and the very next month the
        // measure drops by 29 days (the clock now starts at the certificate of eligibles, not the posting).
        DemoSeries("HR-TIME-TO-HIRE", .monthly, .amount,
                   .shape(Shape(level: 88, trend: -1, noise: 3.2, changes: [.step(2024, 10, by: -29)]))),
        DemoSeries("HR-ATTRITION", .quarterly, .percent, decimals: 1, .shape(Shape(level: 14.5, trend: -0.6, noise: 0.5))),

        // G5.2 Build skills and engagement.
        DemoSeries("HR-TRAINING-HOURS", .quarterly, .amount, decimals: 1,
                   .shape(Shape(level: 7.5, trend: 0.6, season: .holidays, seasonality: 0.15, noise: 0.45))),
        DemoSeries("HR-ENGAGEMENT", .annual, .percent, .shape(Shape(level: 63, trend: 2, noise: 0.8))),
    ]
}
