extension IntegrityChecks {
    /// The most overdue periods one late flag lists (a series abandoned years ago is one flag, not thousands).
    static let maximumLatePeriods = 1_000

    /// Check 5: each run of periods with no value between a series' first and last rows (absent, or recorded
    /// `missing`), and the periods after its last row whose due date has passed by "today".
    static func missingData(_ context: IntegrityContext, _ thresholds: IntegrityThresholds) -> [IntegrityFlag] {
        var flags: [IntegrityFlag] = []
        let calendar = context.calendar
        for series in context.checked {
            var i = 0
            while i < series.periods.count {
                guard !series.reported[i] else { i += 1; continue }
                var j = i
                while j + 1 < series.periods.count && !series.reported[j + 1] { j += 1 }
                flags.append(gapFlag(series, i...j, calendar))
                i = j + 1
            }
            guard var period = series.periods.last?.next() else { continue }
            var late: [Period] = []
            while period.end.adding(days: thresholds.dataDueDays) < context.today && late.count < maximumLatePeriods {
                late.append(period)
                period = period.next()
            }
            if let first = late.first, let last = late.last {
                let due = first.end.adding(days: thresholds.dataDueDays)
                let overdue = due.days(to: context.today)
                let question = "\(IntegrityWording.series(series)) has no value yet for "
                    + IntegrityWording.periods(first, last, calendar) + (late.count > 1 ? " (\(late.count) periods)" : "")
                    + "; the first was due on \(due), \(overdue) days ago. Is something holding the data up, and who can help?"
                flags.append(IntegrityFlag(
                    check: .missingData, indicator: series.indicator.code, orgUnit: series.key.orgUnit, from: first, to: last,
                    evidence: [
                        "latePeriods": Double(late.count), "daysOverdue": Double(overdue),
                        "dueDays": Double(thresholds.dataDueDays),
                    ],
                    question: question
                ))
            }
        }
        return flags
    }

    private static func gapFlag(
        _ series: IntegritySeries, _ run: ClosedRange<Int>, _ calendar: FiscalCalendar
    ) -> IntegrityFlag {
        let recorded = run.filter { series.recordedMissing[$0] }.count
        let absent = run.count - recorded
        let from = series.periods[run.lowerBound], to = series.periods[run.upperBound]
        var parts: [String] = []
        if recorded > 0 { parts.append("\(recorded) recorded as missing") }
        if absent > 0 { parts.append("\(absent) never entered") }
        let count = run.count == 1 ? "1 period" : "\(run.count) periods"
        let question = "\(IntegrityWording.series(series)) has no value for \(IntegrityWording.periods(from, to, calendar)) "
            + "(\(count): \(parts.joined(separator: ", "))). What happened to the data for "
            + (run.count == 1 ? "that period" : "those periods") + ", and can it still be recovered?"
        return IntegrityFlag(
            check: .missingData, indicator: series.indicator.code, orgUnit: series.key.orgUnit, from: from, to: to,
            evidence: [
                "missingPeriods": Double(run.count), "recordedMissing": Double(recorded), "absentPeriods": Double(absent),
            ],
            question: question
        )
    }
}
