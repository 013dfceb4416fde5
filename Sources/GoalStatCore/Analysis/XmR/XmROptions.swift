/// How to compute an XmR chart: the indicator's improvement direction, its target, a baseline and outlier screening.
public struct XmROptions: Sendable, Equatable {
    /// Which way is better; decides improvement versus concern and the reading of the target.
    public var direction: ImprovementDirection
    /// The target assurance is judged against (nil: no assurance).
    public var target: Double?
    /// Fix each group's limits on its first N points (`--baseline N`); nil, or N at or above a group's size, uses
    /// all of it. Values below 1 are read as 1.
    public var baseline: Int?
    /// Drop moving ranges at or above 3.267 × mR̄ before computing the limits (`--no-screen` turns it off).
    public var screenOutliers: Bool

    public init(
        direction: ImprovementDirection,
        target: Double? = nil,
        baseline: Int? = nil,
        screenOutliers: Bool = true
    ) {
        self.direction = direction
        self.target = target
        self.baseline = baseline
        self.screenOutliers = screenOutliers
    }
}
