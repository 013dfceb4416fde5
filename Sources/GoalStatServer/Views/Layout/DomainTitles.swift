import GoalStatCore

// The words the pages use for the domain's enumerations. They live with the views rather than in GoalStatCore
// because they are presentation: the API and the files keep the raw values.

extension GoalKind {
    var title: String {
        switch self {
        case .strategicGoal: "Strategic goal"
        case .strategicObjective: "Strategic objective"
        case .performanceGoal: "Performance goal"
        case .priorityGoal: "Agency priority goal"
        case .crossAgencyGoal: "Cross-agency priority goal"
        }
    }
}

extension ImprovementDirection {
    var title: String {
        switch self {
        case .increase: "Higher is better"
        case .decrease: "Lower is better"
        case .neutral: "Neither direction is better (watched, not judged)"
        }
    }
}

extension Frequency {
    var title: String {
        switch self {
        case .weekly: "Weekly"
        case .monthly: "Monthly"
        case .quarterly: "Quarterly"
        case .annual: "Annual"
        }
    }
}

extension IndicatorRank {
    var title: String {
        switch self {
        case .key: "Key indicator"
        case .supporting: "Supporting indicator"
        }
    }
}

extension MeasurementStatus {
    var title: String {
        switch self {
        case .final: "Final"
        case .provisional: "Provisional"
        case .estimated: "Estimated"
        case .missing: "Missing (no value for this period)"
        }
    }

    /// The short form for a select or a narrow table cell.
    var shortTitle: String {
        switch self {
        case .missing: "Missing"
        default: title
        }
    }
}

extension MilestoneStatus {
    var title: String {
        switch self {
        case .planned: "Planned"
        case .inProgress: "In progress"
        case .done: "Done"
        case .missed: "Missed"
        case .cancelled: "Cancelled"
        }
    }
}

extension ValueKind {
    var title: String {
        switch self {
        case .process: "How we work (process values)"
        case .outcome: "What we achieve (outcome values)"
        }
    }
}

extension IndicatorUnit {
    /// `percent`, `per 1,000`, `minutes`: the unit as a reader would say it.
    func title(per: Int?) -> String {
        switch self {
        case .count: "Count"
        case .percent: "Percent"
        case .currency: "Currency (US dollars)"
        case .days: "Days"
        case .hours: "Hours"
        case .rate: per.map { "Rate per \(ValueFormatting.grouped(Double($0), decimals: 0))" } ?? "Rate"
        case .other(let text): text
        }
    }
}

extension BenchmarkKind {
    var title: String {
        switch self {
        case .peer: "Peer"
        case .national: "National"
        case .bestInClass: "Best in class"
        }
    }
}

extension AuditEntityKind {
    /// The kind of record as the audit page names it.
    var title: String {
        switch self {
        case .orgUnit: "Org unit"
        case .person: "Person"
        case .plan: "Plan"
        case .goal: "Goal"
        case .indicator: "Indicator"
        case .indicatorLink: "Link"
        case .target: "Target"
        case .measurement: "Value"
        case .milestone: "Milestone"
        case .narrative: "Narrative"
        case .rebase: "Rebase"
        case .review: "Review"
        case .goalAssessment: "Goal at a review"
        case .reviewDecision: "Decision"
        case .actionItem: "Action"
        case .risk: "Risk"
        case .capacityRequest: "Capacity request"
        case .win: "Small win"
        case .citizenFeedback: "Citizen feedback"
        case .user: "User"
        case .roleGrant: "Role"
        case .apiToken: "API token"
        case .importBatch: "File import"
        default: rawValue
        }
    }
}

extension AuditSource {
    /// Where a change came from, in plain words.
    var title: String {
        switch self {
        case .form: "Web form"
        case .api: "API"
        case .import: "File import"
        case .cli: "Command line"
        case .system: "System"
        }
    }
}

extension OrgUnitKind {
    var title: String {
        switch self {
        case .department: "Department"
        case .agency: "Agency"
        case .bureau: "Bureau"
        case .office: "Office"
        case .program: "Program"
        case .team: "Team"
        }
    }
}

extension Aggregation {
    var title: String {
        switch self {
        case .sum: "Sum of the units' values"
        case .mean: "Mean of the units' values"
        case .last: "The latest value"
        case .ratio: "Ratio of two indicators (by formula)"
        }
    }
}

extension ValueChainStage {
    /// One stage, as a form offers it ("Immediate outcome").
    var singularTitle: String {
        switch self {
        case .input: "Input"
        case .activity: "Activity"
        case .output: "Output"
        case .immediateOutcome: "Immediate outcome"
        case .intermediateOutcome: "Intermediate outcome"
        case .ultimateOutcome: "Ultimate outcome"
        }
    }
}

extension LinkSign {
    var title: String {
        switch self {
        case .positive: "Moves the same way (more drives more)"
        case .negative: "Moves the opposite way (more drives less)"
        }
    }
}

extension ReviewKind {
    var title: String {
        switch self {
        case .quarterly: "Quarterly review of priority goals"
        case .strategic: "Annual strategic review"
        case .other: "Other review"
        }
    }
}

extension GoalCategory {
    var title: String {
        switch self {
        case .onTrack: "On track to reach its planned level"
        case .someRisk: "Some risk of missing its planned level"
        case .atRisk: "At risk of missing its planned level"
        case .noteworthyProgress: "Noteworthy progress"
        case .focusAreaForImprovement: "Focus area for improvement"
        }
    }
}

extension DecisionKind {
    var title: String {
        switch self {
        case .reviseTarget: "Revise a target"
        case .reassignLeader: "Reassign a goal leader"
        case .openRisk: "Open a risk"
        case .changeFocus: "Change the focus"
        case .other: "Other decision or course correction"
        }
    }
}

extension ActionStatus {
    var title: String {
        switch self {
        case .open: "Open"
        case .done: "Done"
        case .dropped: "Dropped"
        }
    }
}

extension AuditOrigin {
    /// Who made a change, in plain words, for the audit filter.
    var title: String {
        switch self {
        case .people: "People (forms and the API)"
        case .imports: "Imports and the command line"
        case .system: "The system (set-up and the demo)"
        }
    }
}

extension RiskStatus {
    var title: String {
        switch self {
        case .open: "Open"
        case .mitigating: "Being mitigated"
        case .accepted: "Accepted and watched"
        case .closed: "Closed"
        }
    }
}

extension RiskLevel {
    var title: String {
        switch self {
        case .low: "Low"
        case .medium: "Medium"
        case .high: "High"
        case .veryHigh: "Very high"
        }
    }

    /// The CSS class that colours a heat map's cell and a score's badge.
    var cssClass: String {
        switch self {
        case .low: "risk-low"
        case .medium: "risk-medium"
        case .high: "risk-high"
        case .veryHigh: "risk-very-high"
        }
    }
}

enum RiskScale {
    static let likelihood = ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]
    static let impact = ["Minimal", "Minor", "Moderate", "Major", "Severe"]
}

extension CapacityKind {
    var title: String {
        switch self {
        case .staff: "Staff"
        case .skills: "Skills or training"
        case .tools: "Tools or systems"
        case .data: "Data"
        case .funding: "Funding"
        case .other: "Something else"
        }
    }
}

extension CapacityStatus {
    var title: String {
        switch self {
        case .open: "Waiting for a decision"
        case .granted: "Granted"
        case .partlyGranted: "Partly granted"
        case .declined: "Declined"
        case .delivered: "Delivered"
        }
    }
}
