/// A goal's status from its key indicators, its sub-goals and its milestones, with the rule stated in the reason.
/// Rule: off track if a key indicator or a sub-goal is off track or a milestone was missed; at risk if a key
/// indicator or a sub-goal is at risk or a milestone is overdue; on track if every key indicator and sub-goal with a
/// target is on track; otherwise the goal has no target or no data. Supporting indicators count only when a goal has
/// no key ones. A strategic goal with no indicators of its own thus reads its objectives.
public enum GoalStatusRollUp {
    public struct Input: Sendable {
        public var indicator: String
        /// What the reason calls it (names, not codes, on every page); the code when not given.
        public var name: String
        public var rank: IndicatorRank
        public var status: IndicatorStatus

        public init(indicator: String, name: String? = nil, rank: IndicatorRank, status: IndicatorStatus) {
            self.indicator = indicator
            self.name = name ?? indicator
            self.rank = rank
            self.status = status
        }
    }

    /// A sub-goal's status, rolled up first.
    public struct SubGoal: Sendable {
        public var goal: String
        public var name: String
        public var status: IndicatorStatus

        public init(goal: String, name: String? = nil, status: IndicatorStatus) {
            self.goal = goal
            self.name = name ?? goal
            self.status = status
        }
    }

    public static func assess(
        indicators: [Input], subGoals: [SubGoal] = [], milestones: [Milestone], today: CalendarDate
    ) -> StatusAssessment {
        let key = indicators.filter { $0.rank == .key }
        let counted = key.isEmpty ? indicators : key
        let which = key.isEmpty ? "indicator" : "key indicator"
        let missed = milestones.filter { $0.status == .missed }
        let overdue = milestones.filter { milestone in
            guard milestone.status == .planned || milestone.status == .inProgress,
                  let due = try? CalendarDate.parse(milestone.due) else { return false }
            return due < today
        }
        func goals(_ status: IndicatorStatus) -> [String] { subGoals.filter { $0.status == status }.map(\.name) }
        func named(_ milestones: [Milestone]) -> String { milestones.map { $0.name.isEmpty ? $0.code : $0.name }.joined(separator: ", ") }
        let off = counted.filter { $0.status == .offTrack }
        if !off.isEmpty || !missed.isEmpty || !goals(.offTrack).isEmpty {
            var parts: [String] = []
            if !off.isEmpty { parts.append("\(which) off track: \(off.map(\.name).joined(separator: ", "))") }
            if !goals(.offTrack).isEmpty { parts.append("sub-goal off track: \(goals(.offTrack).joined(separator: ", "))") }
            if !missed.isEmpty { parts.append("milestone missed: \(named(missed))") }
            return StatusAssessment(status: .offTrack, reason: sentence(parts))
        }
        let risky = counted.filter { $0.status == .atRisk }
        if !risky.isEmpty || !overdue.isEmpty || !goals(.atRisk).isEmpty {
            var parts: [String] = []
            if !risky.isEmpty { parts.append("\(which) at risk: \(risky.map(\.name).joined(separator: ", "))") }
            if !goals(.atRisk).isEmpty { parts.append("sub-goal at risk: \(goals(.atRisk).joined(separator: ", "))") }
            if !overdue.isEmpty { parts.append("milestone overdue: \(named(overdue))") }
            return StatusAssessment(status: .atRisk, reason: sentence(parts))
        }
        let onTrack = counted.filter { $0.status == .onTrack }
        if !onTrack.isEmpty || !goals(.onTrack).isEmpty {
            var parts: [String] = []
            if !counted.isEmpty { parts.append("\(onTrack.count) of \(counted.count) \(which)s") }
            if !subGoals.isEmpty { parts.append("\(goals(.onTrack).count) of \(subGoals.count) sub-goals") }
            return StatusAssessment(status: .onTrack, reason: "Every \(which) and sub-goal with a target is on track (\(parts.joined(separator: ", "))).")
        }
        if counted.contains(where: { $0.status == .noTarget }) || !goals(.noTarget).isEmpty {
            return StatusAssessment(status: .noTarget, reason: "No \(which) or sub-goal has a target for the latest period.")
        }
        if counted.isEmpty, subGoals.isEmpty {
            return StatusAssessment(status: .noData, reason: "The goal has no indicators or sub-goals yet.")
        }
        return StatusAssessment(status: .noData, reason: "No \(which) or sub-goal has data yet.")
    }

    private static func sentence(_ parts: [String]) -> String {
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}
