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

extension ValueFormatting {
    /// A target as an analysis reports it: one value or a band.
    static func text(of target: AnalysedTarget, for indicator: Indicator) -> String? {
        if let min = target.min, let max = target.max {
            return "\(format(min, for: indicator))–\(format(max, for: indicator))"
        }
        return target.value.map { format($0, for: indicator) }
    }
}
