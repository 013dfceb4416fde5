/// One indicator's deficit against its target, under one goal, ready to be ranked for focus.
public struct FocusInput: Sendable, Equatable, Codable {
    /// The indicator's code.
    public var indicator: String
    /// The goal's code.
    public var goal: String
    public var goalKind: GoalKind
    public var stage: ValueChainStage
    public var rank: IndicatorRank
    /// The shortfall as a share of the target's size (0 when the target is met); see `normalisedDistance`.
    public var distance: Double
    /// Whether the plan already names this goal as its focus; it does not change the score.
    public var declaredFocus: Bool

    public init(
        indicator: String, goal: String, goalKind: GoalKind, stage: ValueChainStage, rank: IndicatorRank,
        distance: Double, declaredFocus: Bool = false
    ) {
        self.indicator = indicator
        self.goal = goal
        self.goalKind = goalKind
        self.stage = stage
        self.rank = rank
        self.distance = distance
        self.declaredFocus = declaredFocus
    }

    /// The deficit of `indicator` under `goal` for its latest `value` against `target`; nil when the target has
    /// no value or the distance cannot be normalised (see `normalisedDistance`).
    public init?(indicator: Indicator, goal: Goal, value: Double, target: TargetVersion) {
        guard let band = target.band,
              let distance = Self.normalisedDistance(value: value, target: band, direction: indicator.direction)
        else { return nil }
        self.init(
            indicator: indicator.code, goal: goal.code, goalKind: goal.kind, stage: indicator.stage,
            rank: indicator.rank, distance: distance, declaredFocus: goal.focus
        )
    }

    /// The deficit of `indicator` under `goal` as its stored verdict tells it: the latest value judged against the
    /// target in force for that period, so that focus and status never read different periods.
    public init?(indicator: Indicator, goal: Goal, verdict: IndicatorVerdict) {
        guard let value = verdict.latestValue, let band = verdict.target?.band,
              let distance = Self.normalisedDistance(value: value, target: band, direction: indicator.direction)
        else { return nil }
        self.init(
            indicator: indicator.code, goal: goal.code, goalKind: goal.kind, stage: indicator.stage,
            rank: indicator.rank, distance: distance, declaredFocus: goal.focus
        )
    }

    /// The shortfall from `target` as a share of the target's size, 0 when met; by direction, as status judges it:
    /// `increase` falls short below the band's lower end, `decrease` above its upper end, `neutral` outside the band.
    /// The size is |the end that was missed|. Nil when that end is 0 and the target is missed (no relative
    /// distance from a zero target exists), or when a number is not finite.
    public static func normalisedDistance(
        value: Double, target: ClosedRange<Double>, direction: ImprovementDirection
    ) -> Double? {
        guard value.isFinite, target.lowerBound.isFinite, target.upperBound.isFinite else { return nil }
        let missed: Double
        switch direction {
        case .increase: missed = target.lowerBound
        case .decrease: missed = target.upperBound
        case .neutral: missed = value < target.lowerBound ? target.lowerBound : target.upperBound
        }
        let shortfall = direction == .increase || (direction == .neutral && value < target.lowerBound)
            ? missed - value : value - missed
        guard shortfall > 0 else { return 0 }
        guard missed != 0 else { return nil }
        return shortfall / abs(missed)
    }
}
