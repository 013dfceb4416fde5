/// The special-cause rule that labels a point of an XmR chart (SPEC §4), listed in the order the rules are tried.
public enum SpecialCause: String, Codable, Sendable, CaseIterable {
    case aboveUpperLimit, belowLowerLimit
    case trendIncreasing, trendDecreasing
    case twoInThreeAbove, twoInThreeBelow
    case shiftAbove, shiftBelow

    /// Whether the label says "above" or "increasing" (a high signal) rather than "below" or "decreasing".
    public var isHigh: Bool {
        switch self {
        case .aboveUpperLimit, .trendIncreasing, .twoInThreeAbove, .shiftAbove: true
        case .belowLowerLimit, .trendDecreasing, .twoInThreeBelow, .shiftBelow: false
        }
    }
}
