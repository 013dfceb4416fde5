/// A recalculation of an indicator's process limits from a period on, with the reason (SPEC §4 "rebasing"):
/// a known change to the process — a new queue system, a new definition — starts a new group of the XmR chart.
public struct Rebase: Codable, Sendable, Equatable {
    public var indicator: String
    /// Nil for the indicator's own unit (the total).
    public var orgUnit: String?
    /// The first period of the new group, in a SPEC §3.1 form.
    public var period: String
    public var reason: String
    public var setBy: String?

    public init(indicator: String, orgUnit: String? = nil, period: String, reason: String, setBy: String? = nil) {
        self.indicator = indicator
        self.orgUnit = orgUnit
        self.period = period
        self.reason = reason
        self.setBy = setBy
    }
}
