import Foundation

/// How the checks write numbers, periods and series in their questions.
enum IntegrityWording {
    /// A value with the indicator's decimals and unit: `5.8%`, `19.4 minutes`, `60 days`.
    static func value(_ value: Double, _ indicator: Indicator, extraDecimals: Int = 0) -> String {
        let number = String(format: "%.\(max(0, min(indicator.decimals + extraDecimals, 6)))f", value)
        switch indicator.unit {
        case .percent: return number + "%"
        case .count: return number
        case .currency: return "$" + number
        case .rate: return indicator.per.map { "\(number) per \($0)" } ?? number
        case .days, .hours, .other: return "\(number) \(indicator.unit.text)"
        }
    }

    /// A period as SPEC §3.1 writes it.
    static func period(_ period: Period, _ calendar: FiscalCalendar) -> String {
        period.label(calendar: calendar, fiscal: false)
    }

    /// `2025-04` for one period, `2025-04 to 2025-06` for several.
    static func periods(_ from: Period, _ to: Period, _ calendar: FiscalCalendar) -> String {
        from == to ? period(from, calendar) : "\(period(from, calendar)) to \(period(to, calendar))"
    }

    /// The indicator's name, and the org unit when the series is one unit's: `Median in-office wait in DMV-FO-SOUTH`.
    static func series(_ series: IntegritySeries) -> String {
        series.key.orgUnit.map { "\(series.indicator.name) in \($0)" } ?? series.indicator.name
    }

    /// A number in plain form: at most `decimals` decimals, no trailing zeros.
    static func number(_ value: Double, decimals: Int = 1) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
