import Foundation

/// The kinds of award GoalStat checks (5 U.S.C. chapter 45, 5 CFR part 451, and 5 U.S.C. 5336 for step increases).
public enum AwardKind: String, Codable, Sendable, CaseIterable {
    /// A cash award based on the rating of record (5 U.S.C. 4505a).
    case ratingBased
    /// A cash award for a special act or service (5 U.S.C. 4503; 5 CFR 451.104(a)(1)).
    case specialAct
    /// Time off from duty without charge to leave (5 U.S.C. 4502(e); 5 CFR 451.104(a)(3)).
    case timeOff
    /// A quality step increase (5 U.S.C. 5336; 5 CFR 531 subpart E).
    case qualityStepIncrease

    /// The kind's name on pages.
    public var title: String {
        switch self {
        case .ratingBased: "Rating-based cash award"
        case .specialAct: "Special act award"
        case .timeOff: "Time-off award"
        case .qualityStepIncrease: "Quality step increase"
        }
    }
}

/// A proposed award with the facts the limits need. Fields a kind does not use are ignored.
public struct AwardProposal: Codable, Equatable, Sendable {
    public var kind: AwardKind
    /// The summary level of the latest rating of record, 1–5 (nil when there is none).
    public var ratingOfRecord: Int?
    /// The employee's annual rate of basic pay, in dollars.
    public var basicPay: Double?
    /// The cash amount, in dollars.
    public var amount: Double?
    /// The agency head found that exceptional performance justifies a rating-based award above 10% (up to 20%).
    public var exceptionalDetermination: Bool
    /// Hours of a time-off award.
    public var hours: Double?
    /// Time-off award hours already granted in this leave year.
    public var hoursThisLeaveYear: Double
    /// Asked to pay a time-off award as cash, which is never allowed.
    public var convertToCash: Bool
    /// The employee is an appointee whose discretionary awards are frozen by policy.
    public var awardsFrozen: Bool
    /// The employee is at the top step of the grade (no step increase is possible).
    public var atMaximumStep: Bool
    /// A quality step increase was granted within the last 52 weeks.
    public var qualityStepIncreaseWithin52Weeks: Bool
    /// The highest summary level the employee's program uses (a step increase needs it when the program lacks Level 5).
    public var programHighestLevel: Int
    /// For a program without Level 5: the agency found sustained performance of high quality significantly above
    /// Fully Successful (5 CFR 531.504(b)(2)).
    public var sustainedHighQuality: Bool

    public init(
        kind: AwardKind, ratingOfRecord: Int? = nil, basicPay: Double? = nil, amount: Double? = nil, exceptionalDetermination: Bool = false,
        hours: Double? = nil, hoursThisLeaveYear: Double = 0, convertToCash: Bool = false, awardsFrozen: Bool = false, atMaximumStep: Bool = false,
        qualityStepIncreaseWithin52Weeks: Bool = false, programHighestLevel: Int = 5, sustainedHighQuality: Bool = false
    ) {
        self.kind = kind
        self.ratingOfRecord = ratingOfRecord
        self.basicPay = basicPay
        self.amount = amount
        self.exceptionalDetermination = exceptionalDetermination
        self.hours = hours
        self.hoursThisLeaveYear = hoursThisLeaveYear
        self.convertToCash = convertToCash
        self.awardsFrozen = awardsFrozen
        self.atMaximumStep = atMaximumStep
        self.qualityStepIncreaseWithin52Weeks = qualityStepIncreaseWithin52Weeks
        self.programHighestLevel = programHighestLevel
        self.sustainedHighQuality = sustainedHighQuality
    }
}

/// The agency's own award limits: OPM sets no government-wide cap on time-off awards, agencies do; 40 hours per
/// contribution and 80 per leave year are the common caps and the defaults.
public struct AwardPolicy: Codable, Equatable, Sendable {
    public var timeOffHoursPerContribution: Double
    public var timeOffHoursPerLeaveYear: Double

    public static let standard = AwardPolicy(timeOffHoursPerContribution: 40, timeOffHoursPerLeaveYear: 80)

    public init(timeOffHoursPerContribution: Double, timeOffHoursPerLeaveYear: Double) {
        self.timeOffHoursPerContribution = timeOffHoursPerContribution
        self.timeOffHoursPerLeaveYear = timeOffHoursPerLeaveYear
    }
}

/// An approval an allowed award still needs beyond the agency's.
public struct AwardApproval: Codable, Equatable, Sendable {
    /// Who approves: `OPM` or `President`.
    public var approver: String
    public var section: String
    public var reason: String
}

/// The answer for an allowed award: the approvals it needs (none for most).
public struct AwardDecision: Codable, Equatable, Sendable {
    public var approvals: [AwardApproval]
}

extension AwardPolicy {
    /// The statutory thresholds of 5 U.S.C. 4502 and 5 CFR 451.107.
    public static let opmApprovalAbove = 10_000.0
    public static let presidentialApprovalAbove = 25_000.0

    /// Checks a proposed award against the limits; throws the first rule it breaks, naming the field and section.
    public func check(_ proposal: AwardProposal) throws(AppraisalRuleViolation) -> AwardDecision {
        if proposal.awardsFrozen {
            throw AppraisalRuleViolation(
                field: "awardsFrozen", section: "policy freezing discretionary awards to political appointees (5 U.S.C. 4502)",
                reason: "this employee is an appointee whose discretionary awards are frozen by policy; no award can be proposed"
            )
        }
        switch proposal.kind {
        case .ratingBased:
            let rating = try Self.rating(proposal, section: "5 U.S.C. 4505a(a)(1)")
            guard rating >= 3 else {
                throw AppraisalRuleViolation(
                    field: "ratingOfRecord", section: "5 U.S.C. 4505a(a)(1); 5 CFR 451.104(a)(3)",
                    reason: "a rating-based award needs a latest rating of record of Level 3 (Fully Successful) or higher; this one is Level \(rating)"
                )
            }
            let pay = try Self.positive(proposal.basicPay, field: "basicPay", section: "5 U.S.C. 4505a(a)(2)", what: "the annual rate of basic pay")
            let amount = try Self.positive(proposal.amount, field: "amount", section: "5 U.S.C. 4505a(a)(2)", what: "the amount")
            let share = amount / pay
            let limit = proposal.exceptionalDetermination ? 0.20 : 0.10
            if share > limit + 1e-12 {
                let reason =
                    proposal.exceptionalDetermination
                    ? "a rating-based award may not exceed 20% of annual basic pay even with the agency head's finding of exceptional performance; \(Self.dollars(amount)) is \(Self.percent(share)) of \(Self.dollars(pay)) (at most \(Self.dollars(pay * limit)))"
                    : "a rating-based award may not exceed 10% of annual basic pay unless the agency head finds exceptional performance (then up to 20%); \(Self.dollars(amount)) is \(Self.percent(share)) of \(Self.dollars(pay)) (at most \(Self.dollars(pay * limit)))"
                throw AppraisalRuleViolation(field: "amount", section: "5 U.S.C. 4505a(a)(2)", reason: reason)
            }
            return AwardDecision(approvals: Self.approvals(for: amount))
        case .specialAct:
            let amount = try Self.positive(proposal.amount, field: "amount", section: "5 U.S.C. 4503", what: "the amount")
            return AwardDecision(approvals: Self.approvals(for: amount))
        case .timeOff:
            if proposal.convertToCash {
                throw AppraisalRuleViolation(field: "convertToCash", section: "5 CFR 451.104(f)", reason: "a time-off award may not be converted to a cash payment")
            }
            if proposal.amount != nil {
                throw AppraisalRuleViolation(field: "amount", section: "5 CFR 451.104(f)", reason: "a time-off award is given in hours, never in money")
            }
            let hours = try Self.positive(proposal.hours, field: "hours", section: "5 U.S.C. 4502(e)", what: "the hours")
            guard hours <= timeOffHoursPerContribution else {
                throw AppraisalRuleViolation(
                    field: "hours", section: "agency time-off award policy (5 U.S.C. 4502(e); 5 CFR 451.104(a)(3))",
                    reason: "at most \(Self.number(timeOffHoursPerContribution)) hours of time off may be given for one contribution; \(Self.number(hours)) were proposed"
                )
            }
            guard proposal.hoursThisLeaveYear >= 0, proposal.hoursThisLeaveYear.isFinite else {
                throw AppraisalRuleViolation(field: "hoursThisLeaveYear", section: nil, reason: "must be zero or more hours")
            }
            guard proposal.hoursThisLeaveYear + hours <= timeOffHoursPerLeaveYear else {
                throw AppraisalRuleViolation(
                    field: "hours", section: "agency time-off award policy (5 U.S.C. 4502(e); 5 CFR 451.104(a)(3))",
                    reason: "at most \(Self.number(timeOffHoursPerLeaveYear)) hours of time off may be given in a leave year; \(Self.number(proposal.hoursThisLeaveYear)) already given and \(Self.number(hours)) proposed"
                )
            }
            return AwardDecision(approvals: [])
        case .qualityStepIncrease:
            let rating = try Self.rating(proposal, section: "5 CFR 531.504")
            guard (1...5).contains(proposal.programHighestLevel), proposal.programHighestLevel >= 3 else {
                throw AppraisalRuleViolation(field: "programHighestLevel", section: "5 CFR 430.208(d)", reason: "the highest level of a program is 3, 4 or 5")
            }
            if proposal.programHighestLevel == 5 {
                guard rating == 5 else {
                    throw AppraisalRuleViolation(field: "ratingOfRecord", section: "5 CFR 531.504(a)", reason: "a quality step increase needs a rating of record at Level 5 (Outstanding); this one is Level \(rating)")
                }
            } else {
                guard rating == proposal.programHighestLevel else {
                    throw AppraisalRuleViolation(field: "ratingOfRecord", section: "5 CFR 531.504(b)(1)", reason: "in a program without Level 5, a quality step increase needs a rating of record at the program's highest level (\(proposal.programHighestLevel)); this one is Level \(rating)")
                }
                guard proposal.sustainedHighQuality else {
                    throw AppraisalRuleViolation(field: "sustainedHighQuality", section: "5 CFR 531.504(b)(2)", reason: "in a program without Level 5, a quality step increase also needs the agency's finding of sustained performance of high quality significantly above Fully Successful")
                }
            }
            if proposal.atMaximumStep {
                throw AppraisalRuleViolation(field: "atMaximumStep", section: "5 U.S.C. 5336(a)", reason: "an employee at the top step of the grade cannot receive a step increase")
            }
            if proposal.qualityStepIncreaseWithin52Weeks {
                throw AppraisalRuleViolation(field: "qualityStepIncreaseWithin52Weeks", section: "5 U.S.C. 5336(a)", reason: "no more than one quality step increase within 52 consecutive weeks")
            }
            return AwardDecision(approvals: [])
        }
    }

    /// The approvals beyond the agency's that a cash award needs (5 U.S.C. 4502(b); 5 CFR 451.107).
    public static func approvals(for amount: Double) -> [AwardApproval] {
        var approvals: [AwardApproval] = []
        if amount > opmApprovalAbove {
            approvals.append(AwardApproval(approver: "OPM", section: "5 U.S.C. 4502(b); 5 CFR 451.107(a)", reason: "a cash award above $10,000 needs the approval of the Office of Personnel Management"))
        }
        if amount > presidentialApprovalAbove {
            approvals.append(AwardApproval(approver: "President", section: "5 CFR 451.107(b)", reason: "a cash award above $25,000 goes through OPM to the President for final approval"))
        }
        return approvals
    }

    private static func rating(_ proposal: AwardProposal, section: String) throws(AppraisalRuleViolation) -> Int {
        guard let rating = proposal.ratingOfRecord else {
            throw AppraisalRuleViolation(field: "ratingOfRecord", section: section, reason: "this award needs the employee's latest rating of record")
        }
        guard (1...5).contains(rating) else {
            throw AppraisalRuleViolation(field: "ratingOfRecord", section: "5 CFR 430.208(d)", reason: "a rating of record is a level from 1 to 5, not \(rating)")
        }
        return rating
    }

    private static func positive(_ value: Double?, field: String, section: String, what: String) throws(AppraisalRuleViolation) -> Double {
        guard let value else { throw AppraisalRuleViolation(field: field, section: section, reason: "\(what) is required") }
        guard value.isFinite, value > 0 else { throw AppraisalRuleViolation(field: field, section: nil, reason: "\(what) must be a number above zero") }
        return value
    }

    public static func dollars(_ value: Double) -> String {
        let cents = (value * 100).rounded() / 100
        let whole = Int(cents)
        let grouped = String(whole).reversed().enumerated().map { String($0.element) + ($0.offset > 0 && $0.offset % 3 == 0 ? "," : "") }.reversed().joined()
        let fraction = Int(((cents - Double(whole)) * 100).rounded())
        return "$" + grouped + (fraction == 0 ? "" : String(format: ".%02d", fraction))
    }

    public static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return (value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)) + "%"
    }

    public static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
