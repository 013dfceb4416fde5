/// Status of a qualitative indicator: its levels are ordered worst first; the best level is on track,
/// the worst off track, anything between at risk.
public enum QualitativeStatus {
    public static func assess(level: String, levels: [String], period: String) -> StatusAssessment {
        guard let index = levels.firstIndex(of: level) else {
            return StatusAssessment(status: .noData, reason: "'\(level)' in \(period) is not one of the declared levels.")
        }
        let scale = "levels, worst first: \(levels.joined(separator: ", "))"
        if index == levels.count - 1 {
            return StatusAssessment(status: .onTrack, reason: "\(level) in \(period), the best level (\(scale)).")
        }
        if index == 0 {
            return StatusAssessment(status: .offTrack, reason: "\(level) in \(period), the worst level (\(scale)).")
        }
        return StatusAssessment(status: .atRisk, reason: "\(level) in \(period), between the worst and best (\(scale)).")
    }
}
