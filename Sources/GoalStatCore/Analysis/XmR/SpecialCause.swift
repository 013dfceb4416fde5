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

    /// The rule in words, as pages and status reasons name it: "Shift below the centre" (the raw value stays in the
    /// JSON of the API and `goalstat spc`).
    public var title: String {
        switch self {
        case .aboveUpperLimit: "Above the upper limit"
        case .belowLowerLimit: "Below the lower limit"
        case .trendIncreasing: "Rising trend"
        case .trendDecreasing: "Falling trend"
        case .twoInThreeAbove: "Two of three near the upper limit"
        case .twoInThreeBelow: "Two of three near the lower limit"
        case .shiftAbove: "Shift above the centre"
        case .shiftBelow: "Shift below the centre"
        }
    }

    /// The rule in running text: "shift below the centre".
    public var phrase: String {
        let title = title
        return title.prefix(1).lowercased() + title.dropFirst()
    }
}
