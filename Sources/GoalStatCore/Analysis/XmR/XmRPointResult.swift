/// One point of an XmR chart: its value, the limits of its group, and its signal.
public struct XmRPointResult: Sendable, Equatable {
    /// The measured value.
    public let value: Double
    /// The 0-based rebase group within the unit.
    public let group: Int
    /// The centre line of the group.
    public let mean: Double
    /// The lower process limit (centre − 2.66 mR̄).
    public let lowerLimit: Double
    /// The upper process limit (centre + 2.66 mR̄).
    public let upperLimit: Double
    /// The lower near-limit ("2-sigma") line.
    public let lowerNearLimit: Double
    /// The upper near-limit ("2-sigma") line.
    public let upperNearLimit: Double
    /// The first special-cause rule the point matches, or nil for common-cause variation.
    public let specialCause: SpecialCause?
    /// The signal read through the improvement direction.
    public let pointType: PointType
    /// Whether the group has 12 or fewer points, so its limits are trial limits.
    public let trialLimits: Bool
}
