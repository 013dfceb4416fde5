/// Fewer, better measures (SPEC §2a): a goal should have a few key indicators, the rest supporting. This counts
/// them so that the forms where indicators and goals are chosen can say when a goal has more than the agency's limit.
public enum KeyIndicators {
    /// The default limit, after the "vital few" of the seeds' practice: a handful per goal.
    public static let defaultLimit = 5

    /// The number of key indicators of each goal, as `document` stands.
    public static func counts(in document: FrameworkDocument) -> [String: Int] {
        var counts: [String: Int] = [:]
        for indicator in document.indicators where indicator.rank == .key {
            for goal in Set(indicator.goals) { counts[goal, default: 0] += 1 }
        }
        return counts
    }

    /// The goals among `goals` that would have more than `limit` key indicators if the indicator `code` were
    /// ranked `rank` and measured them, with the count each would have.
    public static func crowded(
        goals: [String], indicator code: String?, rank: IndicatorRank, in document: FrameworkDocument, limit: Int
    ) -> [(goal: String, count: Int)] {
        guard rank == .key else { return [] }
        var others: [String: Int] = [:]
        for indicator in document.indicators where indicator.rank == .key && indicator.code != code {
            for goal in Set(indicator.goals) { others[goal, default: 0] += 1 }
        }
        return Set(goals).sorted().compactMap { goal in
            let count = others[goal, default: 0] + 1
            return count > limit ? (goal, count) : nil
        }
    }
}
