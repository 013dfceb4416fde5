extension IntegrityChecks {
    /// Check 4: current values that are corrections (revision > 0) entered after the reporting deadline closed their
    /// period. One flag per series names how many there are, their periods and the one furthest past the deadline.
    static func lateRevisions(_ context: IntegrityContext, _ thresholds: IntegrityThresholds) -> [IntegrityFlag] {
        var flags: [IntegrityFlag] = []
        for series in context.checked {
            // (row, days past the deadline) for each late correction, in period order.
            let late: [(row: IntegritySeries.Row, daysLate: Int)] = series.rows.compactMap { row in
                guard row.revision > 0 else { return nil }
                let deadline = row.period.end.adding(days: thresholds.revisionDeadlineDays)
                let days = deadline.days(to: CalendarDate(utc: row.enteredAt))
                return days > 0 ? (row, days) : nil
            }
            guard let first = late.first, let last = late.last,
                  let worst = late.max(by: { $0.daysLate < $1.daysLate })
            else { continue }
            let calendar = context.calendar, w = IntegrityWording.self
            let what = late.count == 1
                ? "The value of \(w.series(series)) for \(w.period(first.row.period, calendar)) was"
                : "\(late.count) values of \(w.series(series)) (\(w.periods(first.row.period, last.row.period, calendar))) were"
            let furthest = late.count == 1 ? "" : "the furthest, for \(w.period(worst.row.period, calendar)), "
            let question = "\(what) corrected after the \(thresholds.revisionDeadlineDays)-day reporting deadline, \(furthest)"
                + "\(worst.daysLate) days after it (revision \(worst.row.revision), entered "
                + "\(CalendarDate(utc: worst.row.enteredAt))). What changed, and was the correction reviewed before it "
                + "replaced a figure already reported?"
            flags.append(IntegrityFlag(
                check: .lateRevision, indicator: series.indicator.code, orgUnit: series.key.orgUnit,
                from: first.row.period, to: last.row.period,
                evidence: [
                    "lateRevisions": Double(late.count), "deadlineDays": Double(thresholds.revisionDeadlineDays),
                    "maximumDaysLate": Double(worst.daysLate), "highestRevision": Double(late.map(\.row.revision).max() ?? 0),
                ],
                question: question
            ))
        }
        return flags
    }
}
