import Foundation
import GoalStatCore

/// Values as people read them: the indicator's decimals and unit (`14.2 minutes`, `93.4%`).
enum ValueFormatting {
    static func format(_ value: Double, indicator: Indicator) -> String {
        format(value, decimals: indicator.decimals, unit: indicator.unit, per: indicator.per)
    }

    static func format(_ value: Double, decimals: Int, unit: IndicatorUnit, per: Int? = nil) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        formatter.minimumFractionDigits = decimals
        formatter.maximumFractionDigits = decimals
        let number = formatter.string(from: NSNumber(value: value)) ?? String(value)
        switch unit {
        case .percent: return "\(number)%"
        case .currency: return value < 0 ? "-$\(number.dropFirst())" : "$\(number)"
        case .count: return number
        case .rate: return per.map { "\(number) per \($0)" } ?? number
        case .days, .hours, .other: return "\(number) \(unit.text)"
        }
    }

    static func format(_ measurement: Measurement, indicator: Indicator) -> String {
        if measurement.status == .missing { return "missing" }
        if let level = measurement.level { return level }
        return measurement.value.map { format($0, indicator: indicator) } ?? "—"
    }

    static func format(_ target: TargetVersion, indicator: Indicator) -> String {
        if let range = target.target.range {
            return "\(format(range.min, indicator: indicator))–\(format(range.max, indicator: indicator))"
        }
        return target.target.value.map { format($0, indicator: indicator) } ?? "—"
    }
}
