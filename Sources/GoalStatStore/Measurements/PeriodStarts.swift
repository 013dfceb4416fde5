import GoalStatCore

/// The stored start of each period, made once per period: a bulk load's rows share a few hundred periods.
struct PeriodStarts {
    private var known: [Period: String] = [:]

    mutating func of(_ period: Period) -> String {
        if let start = known[period] { return start }
        let start = PeriodStorage.start(period)
        known[period] = start
        return start
    }
}
