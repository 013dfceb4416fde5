import Foundation

extension IntegrityChecks {
    /// Check 6, on count indicators with whole-number values: the last digits of values of two or more digits (the
    /// share ending in 0 or 5 against one in five, by the binomial tail, and all ten digits against uniform, by
    /// chi-square), and the first digits against Benford's law (chi-square and Nigrini's MAD) when the values span
    /// two orders of magnitude. Each test needs enough values, and the series must vary enough for honest last
    /// digits to be uniform.
    static func digitPreference(_ context: IntegrityContext, _ thresholds: IntegrityThresholds) -> [IntegrityFlag] {
        var flags: [IntegrityFlag] = []
        for series in context.checked where series.indicator.unit == .count && !series.indicator.isQualitative {
            let indices = series.values.indices.filter { series.values[$0] != nil }
            let values = indices.map { series.values[$0]! }
            guard let first = indices.first, let last = indices.last,
                  values.allSatisfy({ $0 >= 0 && $0 < 1e15 && $0 == $0.rounded() })
            else { continue }
            let from = series.periods[first], to = series.periods[last]
            flags += [
                terminalDigitFlag(series, values, from: from, to: to, thresholds, context.calendar),
                benfordFlag(series, values, from: from, to: to, thresholds, context.calendar),
            ].compactMap { $0 }
        }
        return flags
    }

    private static func terminalDigitFlag(
        _ series: IntegritySeries, _ all: [Double], from: Period, to: Period, _ thresholds: IntegrityThresholds,
        _ calendar: FiscalCalendar
    ) -> IntegrityFlag? {
        let values = all.filter { $0 >= thresholds.digitMinimumValue }
        guard values.count >= thresholds.digitMinimumCount,
              let sigma = IntegrityStatistics.movingRangeSigma(series.values), sigma >= thresholds.digitMinimumSigma
        else { return nil }
        var counts = [Int](repeating: 0, count: 10)
        for value in values { counts[Int(value) % 10] += 1 }
        let n = values.count
        let round = counts[0] + counts[5]
        let share = Double(round) / Double(n)
        let roundP = IntegrityStatistics.binomialUpperTail(successes: round, trials: n, probability: 0.2)
        var evidence = ["values": Double(n), "shareEndingIn0or5": share, "endingIn0or5P": roundP, "sigma": sigma]
        var chiSquareP = 1.0
        if n >= thresholds.digitChiSquareMinimumCount {
            let expected = Double(n) / 10
            let chiSquare = counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
            chiSquareP = IntegrityStatistics.chiSquareSurvival(chiSquare, degreesOfFreedom: 9)
            evidence["lastDigitChiSquare"] = chiSquare
            evidence["lastDigitP"] = chiSquareP
        }
        let roundFlag = share >= thresholds.digitRoundShare && roundP < thresholds.digitSignificance
        guard roundFlag || chiSquareP < thresholds.digitSignificance else { return nil }
        let common = counts.indices.max { counts[$0] < counts[$1] }!
        let w = IntegrityWording.self
        let finding = roundFlag
            ? "\(round) of \(n) values end in 0 or 5 (\(w.number(share * 100, decimals: 0))%, where one in five is expected; "
                + "p = \(String(format: "%.1g", roundP)))"
            : "their last digits are far from even (\(counts[common]) of \(n) end in \(common), where one in ten is "
                + "expected; chi-square p = \(String(format: "%.1g", chiSquareP)))"
        let question = "Of the counts of \(w.series(series)) from \(w.periods(from, to, calendar)), \(finding). Are these "
            + "values counted from records, or estimated and rounded, and could they be counted exactly?"
        return IntegrityFlag(
            check: .digitPreference, indicator: series.indicator.code, orgUnit: series.key.orgUnit, from: from, to: to,
            evidence: evidence, question: question
        )
    }

    private static func benfordFlag(
        _ series: IntegritySeries, _ all: [Double], from: Period, to: Period, _ thresholds: IntegrityThresholds,
        _ calendar: FiscalCalendar
    ) -> IntegrityFlag? {
        let values = all.filter { $0 >= 1 }
        guard values.count >= thresholds.benfordMinimumCount, let low = values.min(), let high = values.max(),
              high / low >= thresholds.benfordMinimumSpan
        else { return nil }
        var counts = [Int](repeating: 0, count: 10)
        for value in values {
            var leading = Int(value)
            while leading >= 10 { leading /= 10 }
            counts[leading] += 1
        }
        let n = Double(values.count)
        var chiSquare = 0.0, deviation = 0.0
        for digit in 1...9 {
            let expected = log10(1 + 1 / Double(digit))
            let observed = Double(counts[digit]) / n
            chiSquare += n * (observed - expected) * (observed - expected) / expected
            deviation += abs(observed - expected)
        }
        let mad = deviation / 9
        let p = IntegrityStatistics.chiSquareSurvival(chiSquare, degreesOfFreedom: 8)
        guard p < thresholds.digitSignificance, mad > thresholds.benfordMeanAbsoluteDeviation else { return nil }
        let w = IntegrityWording.self
        let question = "The first digits of \(values.count) counts of \(w.series(series)) (\(w.periods(from, to, calendar))) "
            + "depart from Benford's law (mean absolute deviation \(w.number(mad, decimals: 3)) against Nigrini's "
            + "\(thresholds.benfordMeanAbsoluteDeviation) for nonconformity; chi-square p = \(String(format: "%.1g", p))). "
            + "Are these values counted from records, or estimated or adjusted?"
        return IntegrityFlag(
            check: .digitPreference, indicator: series.indicator.code, orgUnit: series.key.orgUnit, from: from, to: to,
            evidence: ["values": n, "firstDigitChiSquare": chiSquare, "firstDigitP": p, "firstDigitMAD": mad],
            question: question
        )
    }
}
