/// The official appraisal period of a program (5 CFR 430.206(a)): one length, generally 12 months.
public struct AppraisalCycle: Codable, Equatable, Sendable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    /// The cycle must end after it starts.
    public func validated() throws(AppraisalRuleViolation) -> AppraisalCycle {
        guard start < end else {
            throw AppraisalRuleViolation(field: "cycleEnd", section: "5 CFR 430.206(a)", reason: "the appraisal period ends after it starts")
        }
        return self
    }

    /// The middle day of the cycle, when a progress review is expected by.
    public var midpoint: CalendarDate { start.adding(days: start.days(to: end) / 2) }

    /// Whether `date` lies in the cycle, both ends included.
    public func contains(_ date: CalendarDate) -> Bool { date >= start && date <= end }
}

/// The timing rules of a program: when plans are due, how long an employee must perform under a plan before a rating
/// of record (the minimum period), and whether it is the SES program (5 CFR 430 subpart C).
public struct AppraisalTiming: Codable, Equatable, Sendable {
    /// Days after the start of the cycle (or of the employee's start under it) by which the plan is given:
    /// "normally within 30 days" (5 CFR 430.206(b)(2)).
    public var planDeadlineDays: Int
    /// Days under a plan before a rating can be given (5 CFR 430.207(a)); 90 is common, and the SES minimum
    /// (5 CFR 430.304(c)(1)(i)).
    public var minimumPeriodDays: Int

    public static let standard = AppraisalTiming(planDeadlineDays: 30, minimumPeriodDays: 90)

    public init(planDeadlineDays: Int, minimumPeriodDays: Int) {
        self.planDeadlineDays = planDeadlineDays
        self.minimumPeriodDays = minimumPeriodDays
    }

    /// Refuses a plan deadline or minimum period outside what the regulation allows: the SES minimum is at least
    /// 90 days, and no program's minimum may exceed a year.
    public func validated(seniorExecutive: Bool) throws(AppraisalRuleViolation) -> AppraisalTiming {
        guard (1...120).contains(planDeadlineDays) else {
            throw AppraisalRuleViolation(field: "planDeadlineDays", section: "5 CFR 430.206(b)(2)", reason: "plans are given at the start of the period, normally within 30 days: choose 1 to 120 days")
        }
        if seniorExecutive, minimumPeriodDays < 90 {
            throw AppraisalRuleViolation(field: "minimumPeriodDays", section: "5 CFR 430.304(c)(1)(i)", reason: "the SES minimum appraisal period is at least 90 days")
        }
        guard (1...365).contains(minimumPeriodDays) else {
            throw AppraisalRuleViolation(field: "minimumPeriodDays", section: "5 CFR 430.207(a)", reason: "the minimum period is from 1 to 365 days")
        }
        return self
    }
}

/// Something due or wrong in one employee's appraisal, shown to the supervisor, the employee and HR.
public enum AppraisalWarning: Equatable, Sendable {
    /// No plan yet and its deadline has passed (5 CFR 430.206(b)(2)).
    case planMissing(deadline: CalendarDate)
    /// The plan was given after its deadline (5 CFR 430.206(b)(2)).
    case planLate(deadline: CalendarDate, givenOn: CalendarDate)
    /// Not yet performed the minimum period under the plan by the end of the cycle: no rating can be given; extend
    /// the period (5 CFR 430.207(a)).
    case underMinimumPeriod(daysUnderPlan: Int, minimumDays: Int)
    /// The midpoint has passed with no progress review (5 CFR 430.207(b)).
    case progressReviewDue(midpoint: CalendarDate)
    /// The cycle ended with no progress review (5 CFR 430.207(b)).
    case noProgressReview
    /// The cycle ended and no rating of record has been given (5 CFR 430.208(a)).
    case ratingDue(end: CalendarDate)

    /// The section each warning comes from.
    public var section: String {
        switch self {
        case .planMissing, .planLate: "5 CFR 430.206(b)(2)"
        case .underMinimumPeriod: "5 CFR 430.207(a)"
        case .progressReviewDue, .noProgressReview: "5 CFR 430.207(b)"
        case .ratingDue: "5 CFR 430.208(a)"
        }
    }

    /// The warning in plain words.
    public var message: String {
        switch self {
        case .planMissing(let deadline): "No performance plan yet; it was due by \(deadline.description)."
        case .planLate(let deadline, let given): "The plan was given on \(given.description), after it was due (\(deadline.description))."
        case .underMinimumPeriod(let days, let minimum): "Only \(days) days under the plan by the end of the period; a rating needs at least \(minimum). Extend the appraisal period."
        case .progressReviewDue(let midpoint): "No progress review yet, and the middle of the period (\(midpoint.description)) has passed."
        case .noProgressReview: "The period ended without a progress review; at least one is required."
        case .ratingDue(let end): "The period ended on \(end.description) and the rating of record is due."
        }
    }
}

/// The facts about one employee's appraisal that the warnings are drawn from.
public struct AppraisalStatus: Equatable, Sendable {
    /// When the employee started under this cycle: the cycle start, or later for someone who joined during it.
    public var coveredFrom: CalendarDate
    /// When the plan was given (established), if it has been.
    public var planEstablished: CalendarDate?
    public var progressReviews: Int
    public var rated: Bool

    public init(coveredFrom: CalendarDate, planEstablished: CalendarDate?, progressReviews: Int, rated: Bool) {
        self.coveredFrom = coveredFrom
        self.planEstablished = planEstablished
        self.progressReviews = progressReviews
        self.rated = rated
    }
}

extension AppraisalTiming {
    /// The day the plan is due: the deadline counted from the later of the cycle start and the employee's start.
    public func planDeadline(cycle: AppraisalCycle, coveredFrom: CalendarDate) -> CalendarDate {
        max(cycle.start, coveredFrom).adding(days: planDeadlineDays)
    }

    /// Days under the plan by the end of the cycle (0 without a plan).
    public func daysUnderPlan(cycle: AppraisalCycle, planEstablished: CalendarDate?) -> Int {
        guard let planEstablished else { return 0 }
        return max(0, planEstablished.days(to: cycle.end) + 1)
    }

    /// Whether a rating of record may be given: a plan, the minimum period under it, and the cycle over.
    public func mayRate(cycle: AppraisalCycle, planEstablished: CalendarDate?, on day: CalendarDate) -> Bool {
        planEstablished != nil && day >= cycle.end
            && daysUnderPlan(cycle: cycle, planEstablished: planEstablished) >= minimumPeriodDays
    }

    /// What is due or wrong on `today`, oldest first.
    public func warnings(cycle: AppraisalCycle, status: AppraisalStatus, today: CalendarDate) -> [AppraisalWarning] {
        var warnings: [AppraisalWarning] = []
        let deadline = planDeadline(cycle: cycle, coveredFrom: status.coveredFrom)
        if let established = status.planEstablished {
            if established > deadline { warnings.append(.planLate(deadline: deadline, givenOn: established)) }
        } else if today > deadline {
            warnings.append(.planMissing(deadline: deadline))
        }
        // Without a plan, the best case is one given today: warn as soon as even that cannot reach the minimum.
        let days = daysUnderPlan(cycle: cycle, planEstablished: status.planEstablished ?? max(today, status.coveredFrom))
        if days < minimumPeriodDays {
            warnings.append(.underMinimumPeriod(daysUnderPlan: days, minimumDays: minimumPeriodDays))
        }
        if status.progressReviews == 0 {
            if today > cycle.end {
                warnings.append(.noProgressReview)
            } else if today > cycle.midpoint {
                warnings.append(.progressReviewDue(midpoint: cycle.midpoint))
            }
        }
        if today > cycle.end, !status.rated { warnings.append(.ratingDue(end: cycle.end)) }
        return warnings
    }
}
