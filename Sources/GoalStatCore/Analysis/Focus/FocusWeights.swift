/// The weights that turn a distance from target into a focus score: goal priority × value-chain stage × rank.
public struct FocusWeights: Sendable, Equatable, Codable {
    public var priorityGoal: Double
    public var crossAgencyGoal: Double
    public var strategicGoal: Double
    public var strategicObjective: Double
    public var performanceGoal: Double
    public var ultimateOutcome: Double
    public var intermediateOutcome: Double
    public var immediateOutcome: Double
    public var output: Double
    public var activity: Double
    public var input: Double
    public var key: Double
    public var supporting: Double

    /// The standard weights: results citizens feel, on the goals leaders named, weigh most (seed 002, practice 2).
    public static let standard = FocusWeights(
        priorityGoal: 3, crossAgencyGoal: 3, strategicGoal: 2, strategicObjective: 1.5, performanceGoal: 1.5,
        ultimateOutcome: 3, intermediateOutcome: 2.5, immediateOutcome: 2, output: 1.5, activity: 1, input: 1,
        key: 1.5, supporting: 1
    )

    public init(
        priorityGoal: Double, crossAgencyGoal: Double, strategicGoal: Double, strategicObjective: Double,
        performanceGoal: Double, ultimateOutcome: Double, intermediateOutcome: Double, immediateOutcome: Double,
        output: Double, activity: Double, input: Double, key: Double, supporting: Double
    ) {
        self.priorityGoal = priorityGoal
        self.crossAgencyGoal = crossAgencyGoal
        self.strategicGoal = strategicGoal
        self.strategicObjective = strategicObjective
        self.performanceGoal = performanceGoal
        self.ultimateOutcome = ultimateOutcome
        self.intermediateOutcome = intermediateOutcome
        self.immediateOutcome = immediateOutcome
        self.output = output
        self.activity = activity
        self.input = input
        self.key = key
        self.supporting = supporting
    }

    /// The weight of a goal of this kind.
    public func weight(of kind: GoalKind) -> Double {
        switch kind {
        case .priorityGoal: priorityGoal
        case .crossAgencyGoal: crossAgencyGoal
        case .strategicGoal: strategicGoal
        case .strategicObjective: strategicObjective
        case .performanceGoal: performanceGoal
        }
    }

    /// The weight of an indicator at this value-chain stage.
    public func weight(of stage: ValueChainStage) -> Double {
        switch stage {
        case .ultimateOutcome: ultimateOutcome
        case .intermediateOutcome: intermediateOutcome
        case .immediateOutcome: immediateOutcome
        case .output: output
        case .activity: activity
        case .input: input
        }
    }

    /// The weight of a key or supporting indicator.
    public func weight(of rank: IndicatorRank) -> Double {
        switch rank {
        case .key: key
        case .supporting: supporting
        }
    }
}
