import Foundation

/// An appraisal program (5 CFR 430.205): its pattern, derivation, cycle and timing; SES programs follow subpart C.
public struct AppraisalProgram: Codable, Equatable, Sendable {
    public var id: UUID
    public var name: String
    public var rules: DerivationRules
    public var cycle: AppraisalCycle
    public var timing: AppraisalTiming
    public var seniorExecutive: Bool
    public var awardPolicy: AwardPolicy

    public init(
        id: UUID = UUID(), name: String, rules: DerivationRules, cycle: AppraisalCycle, timing: AppraisalTiming = .standard,
        seniorExecutive: Bool = false, awardPolicy: AwardPolicy = .standard
    ) {
        self.id = id
        self.name = name
        self.rules = rules
        self.cycle = cycle
        self.timing = timing
        self.seniorExecutive = seniorExecutive
        self.awardPolicy = awardPolicy
    }

    /// Refuses a program the regulation does not allow: a cycle that ends before it starts, timing out of range, and
    /// for the SES any pattern but five levels (5 CFR 430.304(c)(2)).
    public func validated() throws(AppraisalRuleViolation) -> AppraisalProgram {
        guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw AppraisalRuleViolation(field: "name", section: nil, reason: "a program needs a name")
        }
        _ = try cycle.validated()
        _ = try timing.validated(seniorExecutive: seniorExecutive)
        _ = try rules.pointRanges.validated()
        if seniorExecutive, rules.pattern != SeniorExecutiveRules.pattern {
            throw AppraisalRuleViolation(field: "pattern", section: "5 CFR 430.304(c)(2)", reason: "an SES program uses five summary levels (pattern H)")
        }
        return self
    }
}

/// An employee as HR knows them for appraisals: who rates them (their supervisor, whose own supervisor completes
/// the rating chain), their program, and the facts awards need. Personal: only the rating chain and HR see it.
public struct AppraisalEmployee: Codable, Equatable, Sendable {
    public var email: String
    public var name: String
    public var orgUnit: String
    public var supervisor: String?
    public var program: UUID?
    public var seniorExecutive: Bool
    public var careerAppointee: Bool
    public var awardsFrozen: Bool
    public var basicPay: Double?

    public init(
        email: String, name: String, orgUnit: String, supervisor: String? = nil, program: UUID? = nil, seniorExecutive: Bool = false,
        careerAppointee: Bool = true, awardsFrozen: Bool = false, basicPay: Double? = nil
    ) {
        self.email = email
        self.name = name
        self.orgUnit = orgUnit
        self.supervisor = supervisor
        self.program = program
        self.seniorExecutive = seniorExecutive
        self.careerAppointee = careerAppointee
        self.awardsFrozen = awardsFrozen
        self.basicPay = basicPay
    }
}

/// One element of a performance plan: critical or not, its standard, and the goals it serves (line of sight).
public struct PerformanceElement: Codable, Equatable, Sendable {
    public var title: String
    public var standard: String
    public var critical: Bool
    /// Codes of the agency goals the element is aligned with.
    public var goals: [String]

    public init(title: String, standard: String, critical: Bool, goals: [String] = []) {
        self.title = title
        self.standard = standard
        self.critical = critical
        self.goals = goals
    }
    private enum CodingKeys: String, CodingKey { case title, standard, critical, goals }

    /// `goals` may be left out: an element not yet aligned with any goal.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decode(String.self, forKey: .title)
        standard = try container.decode(String.self, forKey: .standard)
        critical = try container.decode(Bool.self, forKey: .critical)
        goals = try container.decodeIfPresent([String].self, forKey: .goals) ?? []
    }
}

/// One item of an individual development plan, linked to an element when it serves one (seed 003).
public struct DevelopmentItem: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case training, developmental
    }

    public var kind: Kind
    public var text: String
    /// The position (0-based) of the element it supports.
    public var element: Int?
    public var done: Bool

    public init(kind: Kind, text: String, element: Int? = nil, done: Bool = false) {
        self.kind = kind
        self.text = text
        self.element = element
        self.done = done
    }
}

/// An employee's performance plan for one cycle of a program (5 CFR 430.206(b)).
public struct PerformancePlan: Codable, Equatable, Sendable {
    public var id: UUID
    public var employee: String
    /// The rating official when the plan was written.
    public var supervisor: String?
    public var program: UUID
    /// When the employee came under the plan (the cycle start, or later for someone who joined during it).
    public var coveredFrom: CalendarDate
    /// When the plan was given to the employee; nil while it is a draft.
    public var establishedOn: CalendarDate?
    /// When the employee acknowledged it.
    public var acknowledgedOn: CalendarDate?
    public var elements: [PerformanceElement]
    public var development: [DevelopmentItem]

    public init(
        id: UUID = UUID(), employee: String, supervisor: String?, program: UUID, coveredFrom: CalendarDate, establishedOn: CalendarDate? = nil,
        acknowledgedOn: CalendarDate? = nil, elements: [PerformanceElement] = [], development: [DevelopmentItem] = []
    ) {
        self.id = id
        self.employee = employee
        self.supervisor = supervisor
        self.program = program
        self.coveredFrom = coveredFrom
        self.establishedOn = establishedOn
        self.acknowledgedOn = acknowledgedOn
        self.elements = elements
        self.development = development
    }

    /// The goals the plan's elements serve, each once, in the order they first appear.
    public var alignedGoals: [String] {
        var seen = Set<String>()
        return elements.flatMap(\.goals).filter { seen.insert($0).inserted }
    }

    /// Checks the plan against 5 CFR 430.206(b) for its program's pattern before it is given: at least one critical
    /// element, no non-critical elements under pattern A, every element with a title and a standard.
    public func validated(pattern: SummaryLevelPattern) throws(AppraisalRuleViolation) -> PerformancePlan {
        for (index, element) in elements.enumerated() {
            if element.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw AppraisalRuleViolation(field: "elements[\(index)].title", section: nil, reason: "an element needs a title")
            }
            if element.standard.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw AppraisalRuleViolation(field: "elements[\(index)].standard", section: "5 CFR 430.206(b)(8)", reason: "an element needs a written standard")
            }
        }
        if establishedOn != nil, !elements.contains(where: \.critical) {
            throw AppraisalRuleViolation(field: "elements", section: "5 CFR 430.206(b)(4)", reason: "a performance plan has at least one critical element")
        }
        if !pattern.allowsNonCriticalElements, let index = elements.firstIndex(where: { !$0.critical }) {
            throw AppraisalRuleViolation(field: "elements[\(index)].critical", section: "5 CFR 430.206(b)(6)", reason: "a plan under pattern A (two summary levels) may not include non-critical elements")
        }
        for (index, item) in development.enumerated() {
            if let element = item.element, !elements.indices.contains(element) {
                throw AppraisalRuleViolation(field: "development[\(index)].element", section: nil, reason: "the plan has no element \(element + 1)")
            }
        }
        return self
    }
}

/// A progress review (5 CFR 430.207(b)), with the checklist of seed 001's supervisor toolkit.
public struct ProgressReview: Codable, Equatable, Sendable {
    public var id: UUID
    public var plan: UUID
    public var date: CalendarDate
    public var notes: String
    /// The checklist items the supervisor ticked (`ProgressReviewChecklist.items` keys).
    public var checklist: [String]
    public var by: String?

    public init(id: UUID = UUID(), plan: UUID, date: CalendarDate, notes: String, checklist: [String] = [], by: String? = nil) {
        self.id = id
        self.plan = plan
        self.date = date
        self.notes = notes
        self.checklist = checklist
        self.by = by
    }
}

/// The rating of record of one plan (5 CFR 430.208(a)), with its derivation kept as it was shown.
public struct RatingOfRecord: Codable, Equatable, Sendable {
    public var plan: UUID
    /// One level per element, in the plan's order.
    public var elementLevels: [Int]
    public var summaryLevel: SummaryLevel
    public var derivation: [String]
    public var ratedOn: CalendarDate
    public var ratedBy: String?
    /// Who did the higher-level review a Level 1 rating needs.
    public var reviewedBy: String?
    public var acknowledgedOn: CalendarDate?
    /// The employee's note asking for reconsideration, and its answer.
    public var reconsideration: String?
    public var reconsiderationAnswer: String?

    public init(
        plan: UUID, elementLevels: [Int], summaryLevel: SummaryLevel, derivation: [String], ratedOn: CalendarDate, ratedBy: String?,
        reviewedBy: String? = nil, acknowledgedOn: CalendarDate? = nil, reconsideration: String? = nil, reconsiderationAnswer: String? = nil
    ) {
        self.plan = plan
        self.elementLevels = elementLevels
        self.summaryLevel = summaryLevel
        self.derivation = derivation
        self.ratedOn = ratedOn
        self.ratedBy = ratedBy
        self.reviewedBy = reviewedBy
        self.acknowledgedOn = acknowledgedOn
        self.reconsideration = reconsideration
        self.reconsiderationAnswer = reconsiderationAnswer
    }
}

/// A dated feedback note between supervisor and employee, or from a peer (continuous feedback).
public struct FeedbackNote: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case supervisor, employee, peer
    }

    public var id: UUID
    public var employee: String
    public var author: String
    public var kind: Kind
    public var date: CalendarDate
    public var text: String

    public init(id: UUID = UUID(), employee: String, author: String, kind: Kind, date: CalendarDate, text: String) {
        self.id = id
        self.employee = employee
        self.author = author
        self.kind = kind
        self.date = date
        self.text = text
    }
}

/// A proposed award, as checked and stored.
public struct AwardRecord: Codable, Equatable, Sendable {
    public var id: UUID
    public var employee: String
    public var proposal: AwardProposal
    public var approvals: [AwardApproval]
    public var justification: String
    public var proposedBy: String?
    public var proposedOn: CalendarDate

    public init(
        id: UUID = UUID(), employee: String, proposal: AwardProposal, approvals: [AwardApproval], justification: String, proposedBy: String?,
        proposedOn: CalendarDate
    ) {
        self.id = id
        self.employee = employee
        self.proposal = proposal
        self.approvals = approvals
        self.justification = justification
        self.proposedBy = proposedBy
        self.proposedOn = proposedOn
    }
}
