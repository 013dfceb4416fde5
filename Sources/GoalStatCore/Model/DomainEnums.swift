/// The level of an org unit in the tree (department → agency/bureau → office → program → team).
public enum OrgUnitKind: String, Codable, Sendable, CaseIterable {
    case department, agency, bureau, office, program, team
}

/// What a goal is in the strategic framework (GPRA terms).
public enum GoalKind: String, Codable, Sendable, CaseIterable {
    case strategicGoal, strategicObjective, performanceGoal, priorityGoal, crossAgencyGoal
}

/// A plan value is either about how the agency works (process) or what it achieves (outcome); seed 002, practice 1.
public enum ValueKind: String, Codable, Sendable, CaseIterable {
    case process, outcome
}

/// Where an indicator sits on the value chain (seed 002, practice 2).
public enum ValueChainStage: String, Codable, Sendable, CaseIterable {
    case input, activity, output, immediateOutcome, intermediateOutcome, ultimateOutcome

    public var title: String {
        switch self {
        case .input: "Inputs"
        case .activity: "Activities"
        case .output: "Outputs"
        case .immediateOutcome: "Immediate outcomes"
        case .intermediateOutcome: "Intermediate outcomes"
        case .ultimateOutcome: "Ultimate outcomes"
        }
    }
}

/// Which way is better for an indicator.
public enum ImprovementDirection: String, Codable, Sendable, CaseIterable {
    case increase, decrease, neutral
}

/// How often an indicator is measured.
public enum Frequency: String, Codable, Sendable, CaseIterable {
    case weekly, monthly, quarterly, annual
}

/// How an indicator rolls up across org units.
public enum Aggregation: String, Codable, Sendable, CaseIterable {
    case sum, mean, last, ratio
}

/// Key indicators lead; supporting ones are secondary (SPEC §2a: fewer, better measures).
public enum IndicatorRank: String, Codable, Sendable, CaseIterable {
    case key, supporting
}

/// The standing of one measured value.
public enum MeasurementStatus: String, Codable, Sendable, CaseIterable {
    /// `missing` records a period known to have no value: it stops reminders and shows as a gap.
    case final, provisional, estimated, missing
}

/// Progress of a milestone.
public enum MilestoneStatus: String, Codable, Sendable, CaseIterable {
    case planned, inProgress, done, missed, cancelled
}

/// The sign a driver → result link is expected to have.
public enum LinkSign: String, Codable, Sendable, CaseIterable {
    case positive, negative
}

/// The kind of comparison a target's benchmark offers.
public enum BenchmarkKind: String, Codable, Sendable, CaseIterable {
    case peer, national, bestInClass
}
