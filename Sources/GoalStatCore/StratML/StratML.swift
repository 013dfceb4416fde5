import Foundation

/// StratML (ISO 17469): the standard XML for strategic plans (Part 1, `StrategicPlan`) and for performance plans and
/// reports (Part 2, `PerformancePlanOrReport`), which adds performance indicators with target and actual results.
///
/// GoalStat's goal tree is deeper than StratML's Goal → Objective: each top goal becomes a `Goal` and every goal
/// below it an `Objective` of that Goal. What StratML has no element for (a goal's kind and parent, an indicator's
/// direction and frequency) is kept on the last line of `OtherInformation` as `GoalStat: key=value; …`, which
/// other tools show as text and GoalStat's import reads back.
public enum StratML {
    public static let part1Namespace = "urn:ISO:std:iso:17469:tech:xsd:stratml_core"
    public static let part2Namespace = "urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport"

    /// Part 2's required `Type`.
    public enum DocumentType: String, Sendable, CaseIterable {
        case strategicPlan = "Strategic_Plan"
        case performancePlan = "Performance_Plan"
        case performanceReport = "Performance_Report"
    }

    /// The prefix of the line that carries what StratML has no element for.
    static let markerPrefix = "GoalStat:"

    /// `GoalStat: kind=priorityGoal; parent=G1` from ordered pairs; values lose any `;` and line breaks.
    static func marker(_ pairs: [(String, String?)]) -> String {
        markerPrefix + " " + pairs.compactMap { key, value in
            value.map { "\(key)=" + $0.replacingOccurrences(of: ";", with: ",").replacingOccurrences(of: "\n", with: " ") }
        }.joined(separator: "; ")
    }

    /// The pairs of a `GoalStat:` line in `text` (its last such line), and the text without it.
    static func readMarker(_ text: String?) -> (pairs: [String: String], rest: String?) {
        guard let text else { return ([:], nil) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.lastIndex(where: { $0.trimmed.hasPrefix(markerPrefix) }) else { return ([:], text.trimmed.isEmpty ? nil : text.trimmed) }
        let line = lines.remove(at: index).trimmed.dropFirst(markerPrefix.count)
        var pairs: [String: String] = [:]
        for part in line.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            if pair.count == 2, !pair[0].isEmpty { pairs[pair[0]] = pair[1] }
        }
        let rest = lines.joined(separator: "\n").trimmed
        return (pairs, rest.isEmpty ? nil : rest)
    }

    /// An `xsd:ID` for a record: a prefix and the code, whose characters (letters, digits, `.`, `_`, `-`) are all
    /// allowed in an XML name.
    static func identifier(_ prefix: String, _ code: String) -> String { prefix + "_" + code }
}
