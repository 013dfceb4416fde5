/// Every goal's status at once, rolled up the goal tree (`GoalStatusRollUp`): each goal from its indicators, its
/// milestones and its sub-goals, the sub-goals first, so that a strategic goal reads its objectives.
public enum GoalTreeStatus {
    /// `indicators`: each goal's indicators with their statuses; goals missing from it have none.
    public static func assess(
        goals: [Goal], indicators: [String: [GoalStatusRollUp.Input]], milestones: [Milestone], today: CalendarDate
    ) -> [String: StatusAssessment] {
        assess(
            tree: goals.map { ($0.code, $0.parent) }, indicators: indicators, milestones: milestones, today: today,
            names: Dictionary(goals.map { ($0.code, $0.name) }) { first, _ in first }
        )
    }

    /// The same from the tree alone: each goal's code and parent (`names`: what the reasons call the sub-goals). `known` holds statuses already worked out (goals
    /// whose inputs did not change): they are taken as they are, not worked out again, so that a change rolls up
    /// only the goals above it.
    public static func assess(
        tree goals: [(code: String, parent: String?)], indicators: [String: [GoalStatusRollUp.Input]], milestones: [Milestone],
        today: CalendarDate, known: [String: StatusAssessment] = [:], names: [String: String] = [:]
    ) -> [String: StatusAssessment] {
        var children: [String: [String]] = [:]
        for goal in goals {
            if let parent = goal.parent { children[parent, default: []].append(goal.code) }
        }
        let milestonesByGoal = Dictionary(grouping: milestones, by: \.goal)
        var result = known
        // `path`: the goals on the way down, so that a cycle in bad data ends instead of recursing for ever.
        func assess(_ code: String, path: Set<String>) -> StatusAssessment {
            if let known = result[code] { return known }
            let below = path.union([code])
            let subGoals = (children[code] ?? []).filter { !below.contains($0) }.map {
                GoalStatusRollUp.SubGoal(goal: $0, name: names[$0], status: assess($0, path: below).status)
            }
            let assessment = GoalStatusRollUp.assess(
                indicators: indicators[code] ?? [], subGoals: subGoals, milestones: milestonesByGoal[code] ?? [], today: today
            )
            result[code] = assessment
            return assessment
        }
        for goal in goals { _ = assess(goal.code, path: []) }
        return result
    }
}
