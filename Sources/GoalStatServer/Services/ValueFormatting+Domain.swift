import GoalStatCore

extension ValueFormatting {
    /// A stored value as read: its level, "missing", or the number with unit.
    static func text(of measurement: GoalStatCore.Measurement, for indicator: Indicator) -> String {
        if measurement.status == .missing { return "missing" }
        if let level = measurement.level { return level }
        return measurement.value.map { format($0, for: indicator) } ?? "—"
    }

    /// A target as read: one value or a band.
    static func text(of target: TargetVersion, for indicator: Indicator) -> String {
        if let range = target.target.range {
            return "\(format(range.min, for: indicator))–\(format(range.max, for: indicator))"
        }
        return target.target.value.map { format($0, for: indicator) } ?? "—"
    }
}
