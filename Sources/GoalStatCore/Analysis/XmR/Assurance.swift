/// Whether a process, as it runs now, can be relied on to meet its target (SPEC §4).
public enum Assurance: String, Codable, Sendable, CaseIterable {
    case consistentPass, consistentFail, inconsistent

    /// The assurance of `target` against a group's process limits; nil without a target or for a neutral direction.
    ///
    /// A target exactly on a limit is `inconsistent`: some points can fall on either side of it.
    public init?(target: Double?, direction: ImprovementDirection, lowerLimit: Double, upperLimit: Double) {
        guard let target, direction != .neutral else { return nil }
        let increasing = direction == .increase
        if target > upperLimit {
            self = increasing ? .consistentFail : .consistentPass
        } else if target < lowerLimit {
            self = increasing ? .consistentPass : .consistentFail
        } else {
            self = .inconsistent
        }
    }
}
