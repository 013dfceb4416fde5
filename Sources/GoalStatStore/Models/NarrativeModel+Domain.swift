import GoalStatCore

extension NarrativeModel {
    func domain(calendar: FiscalCalendar, fiscal: Bool) -> Narrative {
        let period = PeriodStorage.period(start: periodStart, end: periodEnd, granularity: "quarter")
        return Narrative(
            goal: goalCode, period: period.map { PeriodStorage.label($0, calendar: calendar, fiscal: fiscal) } ?? periodStart,
            accomplishments: accomplishments, challenges: challenges, nextSteps: nextSteps, author: author,
            state: state.flatMap(NarrativeState.init(rawValue:)) ?? .published
        )
    }

    func apply(_ narrative: Narrative, period: Period) {
        goalCode = narrative.goal
        periodStart = PeriodStorage.start(period)
        periodEnd = PeriodStorage.end(period)
        accomplishments = narrative.accomplishments
        challenges = narrative.challenges
        nextSteps = narrative.nextSteps
        author = narrative.author
        state = narrative.state.rawValue
    }
}
