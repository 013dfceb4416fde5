/// The rules of 5 CFR 430 subpart C for senior executives that differ from the General Schedule's.
public enum SeniorExecutiveRules {
    /// The SES uses five summary levels (5 CFR 430.304(c)(2)): pattern H with the SES names.
    public static let pattern = SummaryLevelPattern.H

    /// The SES minimum appraisal period, in days (5 CFR 430.304(c)(1)(i)).
    public static let minimumPeriodDays = 90

    /// The days after the start of a new President's term during which a career appointee may not be appraised and
    /// rated (5 CFR 430.304(c)(1)(iii)).
    public static let transitionDays = 120

    /// The days new Presidents' terms began, for the 120-day rule: agency configuration, since only a new President
    /// (not a second term of the same one) starts the period. These are the recent ones.
    public static let recentNewPresidentTerms: [CalendarDate] = [
        CalendarDate(year: 2009, month: 1, day: 20), CalendarDate(year: 2017, month: 1, day: 20),
        CalendarDate(year: 2021, month: 1, day: 20), CalendarDate(year: 2025, month: 1, day: 20),
    ]

    /// Refuses to rate a career appointee on `day` when it falls within 120 days after the start of a new President's
    /// term (the start day counts as day 0; day 120 is the first day a rating may be given).
    public static func checkRatingDate(
        _ day: CalendarDate, careerAppointee: Bool, newPresidentTerms: [CalendarDate] = recentNewPresidentTerms
    ) throws(AppraisalRuleViolation) {
        guard careerAppointee else { return }
        for start in newPresidentTerms where start <= day && start.days(to: day) < transitionDays {
            let first = start.adding(days: transitionDays)
            throw AppraisalRuleViolation(
                field: "ratedOn", section: "5 CFR 430.304(c)(1)(iii)",
                reason: "a career appointee may not be appraised and rated within 120 days after a new President's term began on \(start); the first day a rating may be given is \(first)"
            )
        }
    }
}

/// One goal an executive leads, with its result as of the end of the appraisal period, read from the read model:
/// the organizational performance an SES rating weighs (5 CFR 430.304(b)(4), 430.307).
public struct OrganizationalResult: Equatable, Sendable {
    public var goalCode: String
    public var goalName: String
    /// The goal's status in plain words ("On track", "At risk", "Off track", "No data").
    public var status: String
    /// Whether the goal met or is on track to meet its target.
    public var onTrack: Bool?

    public init(goalCode: String, goalName: String, status: String, onTrack: Bool?) {
        self.goalCode = goalCode
        self.goalName = goalName
        self.status = status
        self.onTrack = onTrack
    }
}

extension [OrganizationalResult] {
    /// A one-line summary for beside the rating: how many of the goals led were on track, and how many had no data.
    public var organizationalSummary: String {
        if isEmpty { return "The executive leads no goals in this plan: no organizational results to weigh." }
        let onTrack = filter { $0.onTrack == true }.count
        let unknown = filter { $0.onTrack == nil }.count
        var text = "\(onTrack) of \(count) goal\(count == 1 ? "" : "s") led on track at the end of the period"
        if unknown > 0 { text += "; \(unknown) without data" }
        return text + "."
    }
}
