/// One rebase group of a unit's XmR chart: its points, limits, variation icon and (for the last group) assurance.
public struct XmRGroupResult: Sendable, Equatable {
    /// The 0-based group number within the unit.
    public let group: Int
    /// The indices of the group's points in the unit's series.
    public let indices: Range<Int>
    /// How many of the group's first points the limits were computed from (the baseline; all of them by default).
    public let baselineCount: Int
    /// The centre line.
    public let mean: Double
    /// The lower process limit.
    public let lowerLimit: Double
    /// The upper process limit.
    public let upperLimit: Double
    /// The lower near-limit line.
    public let lowerNearLimit: Double
    /// The upper near-limit line.
    public let upperNearLimit: Double
    /// The mean moving range after screening.
    public let movingRangeMean: Double
    /// Whether the group has 12 or fewer points (trial limits).
    public let trialLimits: Bool
    /// The variation icon: the type of the group's last point.
    public let variation: PointType
    /// Assurance against the target; only the unit's last group has one, and only with a target and a direction.
    public let assurance: Assurance?

    /// The number of points in the group.
    public var n: Int { indices.count }
}
