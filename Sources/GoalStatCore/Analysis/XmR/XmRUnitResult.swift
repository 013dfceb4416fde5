/// The XmR chart of one unit's series: its rebase groups and, in series order, its points.
public struct XmRUnitResult: Sendable, Equatable {
    /// The rebase groups, in order.
    public let groups: [XmRGroupResult]
    /// One result per input value, in input order.
    public let points: [XmRPointResult]
}
