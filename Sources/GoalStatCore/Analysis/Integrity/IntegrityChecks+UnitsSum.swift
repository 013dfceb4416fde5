import Foundation

extension IntegrityChecks {
    /// Check 7: an indicator whose aggregation is `sum`, with both its total and some of its units entered for a
    /// period, where the total differs from the sum of those units by more than `unitsSumTolerance`. One flag per
    /// indicator, on its total, covering every such period; the evidence is the latest one.
    static func totalDisagreesWithUnits(_ context: IntegrityContext, _ thresholds: IntegrityThresholds) -> [IntegrityFlag] {
        var totals: [IntegritySeries] = []
        var units: [String: [IntegritySeries]] = [:]
        // The units of every total asked about, whether or not they are asked about themselves.
        for series in context.series where series.indicator.aggregation == .sum && !series.indicator.isQualitative {
            if series.key.orgUnit != nil {
                units[series.key.indicator, default: []].append(series)
            } else if context.checks(series.key) {
                totals.append(series)
            }
        }
        var flags: [IntegrityFlag] = []
        for total in totals {
            guard let parts = units[total.key.indicator], !parts.isEmpty else { continue }
            var sums: [Period: (sum: Double, count: Int)] = [:]
            for part in parts {
                for (index, period) in part.periods.enumerated() {
                    guard let value = part.values[index] else { continue }
                    sums[period, default: (0, 0)].sum += value
                    sums[period, default: (0, 0)].count += 1
                }
            }
            var disagreeing: [(period: Period, total: Double, sum: Double, units: Int, tolerance: Double)] = []
            for (index, period) in total.periods.enumerated() {
                guard let value = total.values[index], let entered = sums[period] else { continue }
                let tolerance = unitsSumTolerance(
                    total: value, sum: entered.sum, decimals: total.indicator.decimals, relative: thresholds.unitsSumRelativeTolerance
                )
                if abs(value - entered.sum) > tolerance { disagreeing.append((period, value, entered.sum, entered.count, tolerance)) }
            }
            guard let first = disagreeing.first, let last = disagreeing.last else { continue }
            let calendar = context.calendar, w = IntegrityWording.self, indicator = total.indicator
            let difference = last.total - last.sum
            var question = "For \(w.period(last.period, calendar)) the total of \(indicator.name) is \(w.value(last.total, indicator)), "
                + "but the \(last.units) unit\(last.units == 1 ? "" : "s") entered for it add\(last.units == 1 ? "s" : "") up to "
                + "\(w.value(last.sum, indicator)): a difference of \(w.value(abs(difference), indicator)), beyond the tolerance of "
                + "\(w.value(last.tolerance, indicator, extraDecimals: 1)). "
            if disagreeing.count > 1 {
                question += "Total and units disagree in \(disagreeing.count) periods (\(w.periods(first.period, last.period, calendar))). "
            }
            question += "Is a unit missing or counted twice, or does the total count something its units do not?"
            flags.append(IntegrityFlag(
                check: .totalDisagreesWithUnits, indicator: indicator.code, from: first.period, to: last.period,
                evidence: [
                    "periodsDisagreeing": Double(disagreeing.count), "total": last.total, "unitSum": last.sum,
                    "difference": difference, "tolerance": last.tolerance, "units": Double(last.units),
                ],
                question: question
            ))
        }
        return flags
    }

    /// How far a total may be from the sum of its units before the check asks: `relative` of the larger of the two
    /// in size, and never less than one step of the indicator's decimals (rounding each unit may move the sum by that).
    public static func unitsSumTolerance(total: Double, sum: Double, decimals: Int, relative: Double = IntegrityThresholds().unitsSumRelativeTolerance) -> Double {
        max(relative * max(abs(total), abs(sum)), pow(10, -Double(max(0, min(decimals, 9)))))
    }
}
