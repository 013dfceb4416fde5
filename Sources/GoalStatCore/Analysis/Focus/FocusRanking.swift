import Foundation

/// Ranks performance deficits so the PIO can name the one most consequential deficit (SPEC §4 "Focus";
/// seed 002, practice 2).
public enum FocusRanking {
    /// Scores each deficit as distance × goal weight × stage weight × rank weight and sorts the highest score
    /// first; equal scores fall back to the indicator's then the goal's code, so the order never depends on input
    /// order. Met targets (distance 0) score 0 and come last; inputs with a negative or non-finite distance are
    /// left out.
    public static func rank(_ deficits: [FocusInput], weights: FocusWeights = .standard) -> [FocusRow] {
        let rows = deficits
            .filter { $0.distance.isFinite && $0.distance >= 0 }
            .map { FocusRow(input: $0, weights: weights) }
            .sorted {
                if $0.score != $1.score { return $0.score > $1.score }
                if $0.indicator != $1.indicator { return $0.indicator < $1.indicator }
                return $0.goal < $1.goal
            }
        return rows.enumerated().map { index, row in
            var row = row
            row.position = index + 1
            return row
        }
    }
}

/// One ranked deficit with the arithmetic behind its score.
public struct FocusRow: Sendable, Equatable, Codable {
    /// 1 for the most consequential deficit.
    public var position: Int
    public var indicator: String
    public var goal: String
    public var goalKind: GoalKind
    public var stage: ValueChainStage
    public var rank: IndicatorRank
    public var distance: Double
    public var goalWeight: Double
    public var stageWeight: Double
    public var rankWeight: Double
    /// distance × goalWeight × stageWeight × rankWeight.
    public var score: Double
    /// The product written out: `0.18 × 3 (priority goal) × 2.5 (intermediate outcome) × 1.5 (key) = 2.03`.
    public var formula: String
    public var declaredFocus: Bool

    /// The row for `input` under `weights`, before it is placed (position 0).
    public init(input: FocusInput, weights: FocusWeights) {
        position = 0
        indicator = input.indicator
        goal = input.goal
        goalKind = input.goalKind
        stage = input.stage
        rank = input.rank
        distance = input.distance
        goalWeight = weights.weight(of: input.goalKind)
        stageWeight = weights.weight(of: input.stage)
        rankWeight = weights.weight(of: input.rank)
        score = distance * goalWeight * stageWeight * rankWeight
        declaredFocus = input.declaredFocus
        formula = [
            Self.number(distance),
            "\(Self.weight(goalWeight)) (\(Self.words(input.goalKind)))",
            "\(Self.weight(stageWeight)) (\(Self.words(input.stage)))",
            "\(Self.weight(rankWeight)) (\(input.rank.rawValue))",
        ].joined(separator: " × ") + " = \(Self.number(score))"
    }

    /// Two decimals (`0.20`, `2.03`), or two significant digits for a small non-zero number, so no deficit prints as 0.
    static func number(_ value: Double) -> String {
        if value != 0 && abs(value) < 0.005 { return ReadableNumber.text(value, significant: 2, maxDecimals: 12) }
        return String(format: "%.2f", value)
    }

    /// A weight as short as it reads: `3`, `2.5`, `1.25`.
    static func weight(_ value: Double) -> String {
        ReadableNumber.text(value, significant: 6)
    }

    static func words(_ kind: GoalKind) -> String {
        switch kind {
        case .priorityGoal: "priority goal"
        case .crossAgencyGoal: "cross-agency goal"
        case .strategicGoal: "strategic goal"
        case .strategicObjective: "strategic objective"
        case .performanceGoal: "performance goal"
        }
    }

    static func words(_ stage: ValueChainStage) -> String {
        switch stage {
        case .ultimateOutcome: "ultimate outcome"
        case .intermediateOutcome: "intermediate outcome"
        case .immediateOutcome: "immediate outcome"
        case .output: "output"
        case .activity: "activity"
        case .input: "input"
        }
    }
}
