/// A 5 × 5 heat map of risks: how many fall in each cell of likelihood × impact. Closed risks are left out.
public struct RiskHeatMap: Sendable, Equatable {
    /// `counts[likelihood - 1][impact - 1]`.
    public private(set) var counts: [[Int]]
    public private(set) var total: Int

    public init(_ risks: [Risk]) {
        var counts = Array(repeating: Array(repeating: 0, count: 5), count: 5)
        var total = 0
        for risk in risks where risk.status != .closed && RiskRules.scale.contains(risk.likelihood) && RiskRules.scale.contains(risk.impact) {
            counts[risk.likelihood - 1][risk.impact - 1] += 1
            total += 1
        }
        self.counts = counts
        self.total = total
    }

    public func count(likelihood: Int, impact: Int) -> Int { counts[likelihood - 1][impact - 1] }
}
