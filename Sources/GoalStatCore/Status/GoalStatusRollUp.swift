/// A goal's status from its key indicators and milestones, with the rule stated in the reason.
/// Rule: off track if a key indicator is off track or a milestone was missed; at risk if a key indicator
/// is at risk or a milestone is overdue; on track if every key indicator with a target is on track;
/// otherwise the goal has no target or no data. Supporting indicators count only when a goal has no key ones.
public enum GoalStatusRollUp {
    public struct Input: Sendable {
        public var indicator: String
        public var rank: IndicatorRank
        public var status: IndicatorStatus

        public init(indicator: String, rank: IndicatorRank, status: IndicatorStatus) {
            self.indicator = indicator
            self.rank = rank
            self.status = status
        }
    }

    public static func assess(indicators: [Input], milestones: [Milestone], today: CalendarDate) -> StatusAssessment {
        let key = indicators.filter { $0.rank == .key }
        let counted = key.isEmpty ? indicators : key
        let which = key.isEmpty ? "indicator" : "key indicator"
        let missed = milestones.filter { $0.status == .missed }
        let overdue = milestones.filter { milestone in
            guard milestone.status == .planned || milestone.status == .inProgress,
                  let due = try? CalendarDate.parse(milestone.due) else { return false }
            return due < today
        }
        let off = counted.filter { $0.status == .offTrack }
        if !off.isEmpty || !missed.isEmpty {
            var parts: [String] = []
            if !off.isEmpty { parts.append("\(which) off track: \(off.map(\.indicator).joined(separator: ", "))") }
            if !missed.isEmpty { parts.append("milestone missed: \(missed.map(\.code).joined(separator: ", "))") }
            return StatusAssessment(status: .offTrack, reason: sentence(parts))
        }
        let risky = counted.filter { $0.status == .atRisk }
        if !risky.isEmpty || !overdue.isEmpty {
            var parts: [String] = []
            if !risky.isEmpty { parts.append("\(which) at risk: \(risky.map(\.indicator).joined(separator: ", "))") }
            if !overdue.isEmpty { parts.append("milestone overdue: \(overdue.map(\.code).joined(separator: ", "))") }
            return StatusAssessment(status: .atRisk, reason: sentence(parts))
        }
        let onTrack = counted.filter { $0.status == .onTrack }
        if !onTrack.isEmpty {
            return StatusAssessment(status: .onTrack, reason: "Every \(which) with a target is on track (\(onTrack.count) of \(counted.count)).")
        }
        if counted.contains(where: { $0.status == .noTarget }) {
            return StatusAssessment(status: .noTarget, reason: "No \(which) has a target for the latest period.")
        }
        return StatusAssessment(status: .noData, reason: counted.isEmpty ? "The goal has no indicators yet." : "No \(which) has data yet.")
    }

    private static func sentence(_ parts: [String]) -> String {
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}
