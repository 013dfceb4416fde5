/// The simple status rule: the latest value against the target in force for its period, by the direction.
/// The full analysis (assurance, special causes) refines this later through the same `StatusAssessment`.
public struct StatusRules: Sendable {
    /// How far short of the target (as a share of the target's size) still counts as at risk rather than off track.
    public var tolerance: Double

    public init(tolerance: Double = 0.05) {
        self.tolerance = tolerance
    }

    public func assess(
        latest: Measurement?, target: TargetVersion?, direction: ImprovementDirection, format: (Double) -> String = { "\($0)" },
        label: (Period) -> String = { $0.description }
    ) -> StatusAssessment {
        guard let latest, let value = latest.value else {
            return StatusAssessment(status: .noData, reason: "No value has been reported yet.")
        }
        // The period as every page labels it (the fiscal form when the plan reports in fiscal years).
        let period = label(latest.period)
        guard let target, let band = target.band else {
            return StatusAssessment(status: .noTarget, reason: "\(format(value)) in \(period); no target is set for this period.")
        }
        let slack = Swift.max(abs(band.upperBound), abs(band.lowerBound), abs(band.upperBound - band.lowerBound)) * tolerance
        let targetText = band.lowerBound == band.upperBound ? format(band.lowerBound) : "\(format(band.lowerBound))–\(format(band.upperBound))"
        let shortfall: Double
        switch direction {
        case .increase:
            shortfall = band.lowerBound - value
        case .decrease:
            shortfall = value - band.upperBound
        case .neutral:
            shortfall = value < band.lowerBound ? band.lowerBound - value : value - band.upperBound
        }
        let facts = "\(format(value)) in \(period) against a target of \(targetText) (\(target.target.period))"
        if shortfall <= 0 {
            return StatusAssessment(status: .onTrack, reason: "\(facts): the target is met.")
        }
        if shortfall <= slack {
            return StatusAssessment(status: .atRisk, reason: "\(facts): short by \(format(shortfall)), within the \(Int(tolerance * 100))% tolerance.")
        }
        return StatusAssessment(status: .offTrack, reason: "\(facts): short by \(format(shortfall)).")
    }
}
