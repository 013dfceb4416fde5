/// The status of a published indicator or goal in words a member of the public reads at a glance ("better than
/// last year and on track for its target"), derived from the read model's verdict: no status names, no slopes,
/// no intervals. The statistics stay on the staff pages and in the open data.
public enum PublicStatusWords {
    /// How the latest value compares with the one a year before, in words, or nil when there is no such value.
    public static func comparedWithLastYear(_ verdict: IndicatorVerdict, indicator: Indicator) -> String? {
        let perYear = switch indicator.frequency {
        case .weekly: 52
        case .monthly: 12
        case .quarterly: 4
        case .annual: 1
        }
        let values = verdict.sparkline
        guard values.count > perYear, let latest = values.last else { return nil }
        let yearBefore = values[values.count - 1 - perYear]
        guard latest.isFinite, yearBefore.isFinite else { return nil }
        // Within half a percent (or an equal value) the public reads "about the same", not a rise or a fall.
        let tolerance = max(abs(yearBefore) * 0.005, 1e-9)
        if abs(latest - yearBefore) <= tolerance { return "about the same as last year" }
        let higher = latest > yearBefore
        switch indicator.direction {
        case .increase: return higher ? "better than last year" : "worse than last year"
        case .decrease: return higher ? "worse than last year" : "better than last year"
        case .neutral: return higher ? "higher than last year" : "lower than last year"
        }
    }

    /// Where the indicator stands against its target, in words.
    public static func againstTarget(_ status: IndicatorStatus) -> String {
        switch status {
        case .onTrack: "on track for its target"
        case .atRisk: "at risk of missing its target"
        case .offTrack: "not on track for its target"
        case .noTarget: "no target has been set"
        case .noData: "no results reported yet"
        }
    }

    /// The headline of a published indicator: one sentence, capitalised, ending with a full stop.
    public static func headline(_ verdict: IndicatorVerdict?, indicator: Indicator) -> String {
        guard let verdict, verdict.status != .noData else { return "No results reported yet." }
        let target = againstTarget(verdict.status)
        if let year = comparedWithLastYear(verdict, indicator: indicator) {
            let joiner = verdict.status == .noTarget ? "; " : " and "
            return sentence(year + joiner + target)
        }
        return sentence(target)
    }

    /// The headline of a published goal, from its rolled-up status.
    public static func goalHeadline(_ status: IndicatorStatus) -> String {
        switch status {
        case .onTrack: "On track for its targets."
        case .atRisk: "At risk of missing some of its targets."
        case .offTrack: "Not on track for some of its targets."
        case .noTarget: "No targets have been set yet."
        case .noData: "No results reported yet."
        }
    }

    /// A short label for a badge, in the same words.
    public static func label(_ status: IndicatorStatus) -> String {
        switch status {
        case .onTrack: "On track"
        case .atRisk: "At risk"
        case .offTrack: "Not on track"
        case .noTarget: "No target yet"
        case .noData: "No results yet"
        }
    }

    private static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst() + "."
    }
}
