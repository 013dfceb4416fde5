extension IntegrityChecks {
    /// A level shift found right after a target version was set.
    struct StepCandidate {
        let index: Int
        /// The last index of the window averaged after the step.
        let lastIndex: Int
        let version: TargetVersion
        let threshold: Double
        let before: Double
        let after: Double
        /// The smallest reading of the shift (raw, less the usual shifts, less the same shift in earlier years), in sigmas.
        let sigmas: Double
        let seasonalReferences: Int
    }

    /// Check 3: for each target version, a step starting in one of the first periods after its `setOn`, in the
    /// direction that meets the target, from a level that did not meet it. The shift (mean of the periods after
    /// minus mean of the periods before) must exceed the threshold in sigmas as it is; less the series' usual
    /// shift between neighbouring windows, over the whole series and just before and after the candidate (a steady
    /// trend is not a step, and without the windows before it a step cannot be told from one); and less the same
    /// shift one and two years earlier (nor is a season that always turns in that month). For counts, sigma is at
    /// least √mean, the Poisson noise of honest counting.
    static func stepAfterTarget(_ context: IntegrityContext, _ thresholds: IntegrityThresholds) -> [IntegrityFlag] {
        var flags: [IntegrityFlag] = []
        let window = max(2, thresholds.stepWindow)
        for series in context.checked where series.isDirectional {
            guard let history = context.targetHistory(for: series),
                  let sigma = IntegrityStatistics.noiseSigma(series.values, unit: series.indicator.unit), sigma > 0
            else { continue }
            let shifts = neighbouringShifts(series.values, window: window)
            let drift = median(shifts.compactMap { $0 })
            var steps: [StepCandidate] = []
            for version in history.versions {
                guard let band = version.band, let first = series.firstIndex(startingAfter: version.setOn) else { continue }
                let starts = first..<min(first + thresholds.stepPeriodsAfterSetting, series.periods.count)
                let found = starts.compactMap {
                    stepCandidate(
                        series, at: $0, version: version, band: band, sigma: sigma, shifts: shifts, drift: drift, thresholds
                    )
                }
                if let best = found.max(by: { $0.sigmas < $1.sigmas }) { steps.append(best) }
            }
            // Targets set days apart can point at the same step: keep the clearest reading of each.
            var kept: [StepCandidate] = []
            for step in steps.sorted(by: { $0.sigmas > $1.sigmas })
            where !kept.contains(where: { abs($0.index - step.index) < max(1, thresholds.stepPeriodsAfterSetting) }) {
                kept.append(step)
            }
            flags += kept.sorted { $0.index < $1.index }.map { stepFlag(series, $0, sigma: sigma, context.calendar) }
        }
        return flags
    }

    static func stepCandidate(
        _ series: IntegritySeries, at index: Int, version: TargetVersion, band: ClosedRange<Double>, sigma: Double,
        shifts: [Double?], drift: Double?, _ thresholds: IntegrityThresholds
    ) -> StepCandidate? {
        let values = series.values, direction = series.indicator.direction
        let window = max(2, thresholds.stepWindow)
        let afterCount = min(window, values.count - index)
        func shift(at start: Int) -> (before: Double, after: Double)? {
            levelShift(values, at: start, window: window, afterCount: afterCount, minimumAfter: thresholds.stepMinimumAfter)
        }
        guard let step = shift(at: index) else { return nil }
        let threshold = direction == .increase ? band.lowerBound : band.upperBound
        let alreadyMet = direction == .increase ? step.before >= threshold : step.before <= threshold
        let gain = improvement(step.after - step.before, direction)
        guard !alreadyMet, gain > 0 else { return nil }
        // A larger shift one period later means the step starts later than this candidate.
        let laterCount = min(window, values.count - index - 1)
        if let later = levelShift(
            values, at: index + 1, window: window, afterCount: laterCount, minimumAfter: thresholds.stepMinimumAfter
        ), improvement(later.after - later.before, direction) > gain {
            return nil
        }
        // What was already happening: a step cannot be told from a trend without the windows before it.
        func typical(_ positions: ClosedRange<Int>) -> Double? {
            median(positions.compactMap { shifts.indices.contains($0) ? shifts[$0] : nil })
        }
        guard let before = typical((index - 2 * window)...(index - window)) else { return nil }
        var readings = [gain]
        for usual in [drift, before, typical((index + window)...(index + 2 * window))] {
            if let usual { readings.append(gain - improvement(usual, direction)) }
        }
        let perYear = IntegrityStatistics.periodsPerYear(series.periods[index].granularity)
        var seasonal = 0
        if perYear > 1 {
            for years in 1...2 {
                guard let earlier = shift(at: index - years * perYear) else { continue }
                readings.append(gain - improvement(earlier.after - earlier.before, direction))
                seasonal += 1
            }
        }
        let sigmas = readings.min()! / sigma
        guard sigmas >= thresholds.stepSigmas else { return nil }
        return StepCandidate(
            index: index, lastIndex: index + afterCount - 1, version: version, threshold: threshold,
            before: step.before, after: step.after, sigmas: sigmas, seasonalReferences: seasonal
        )
    }

    /// The means of the `window` values before `start` and of the `afterCount` values from it; nil when fewer than
    /// half the window before, or fewer than `minimumAfter` after, are present.
    static func levelShift(
        _ values: [Double?], at start: Int, window: Int, afterCount: Int, minimumAfter: Int
    ) -> (before: Double, after: Double)? {
        guard start - window >= 0, start + afterCount <= values.count,
              let before = IntegrityStatistics.mean(values, in: (start - window)..<start), before.count >= (window + 1) / 2,
              let after = IntegrityStatistics.mean(values, in: start..<(start + afterCount)), after.count >= minimumAfter
        else { return nil }
        return (before.mean, after.mean)
    }

    /// The shift between the full windows either side of each index (nil where they do not fit or lack values).
    static func neighbouringShifts(_ values: [Double?], window: Int) -> [Double?] {
        values.indices.map { start in
            levelShift(values, at: start, window: window, afterCount: window, minimumAfter: (window + 1) / 2)
                .map { $0.after - $0.before }
        }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private static func stepFlag(
        _ series: IntegritySeries, _ step: StepCandidate, sigma: Double, _ calendar: FiscalCalendar
    ) -> IntegrityFlag {
        let indicator = series.indicator
        let start = series.periods[step.index]
        let meets = indicator.direction == .increase ? step.after >= step.threshold : step.after <= step.threshold
        let moved = step.after > step.before ? "rose" : "fell"
        let w = IntegrityWording.self
        let question = "The \(step.version.target.period) target of \(w.value(step.threshold, indicator)) was set on "
            + "\(step.version.setOn); from \(w.period(start, calendar)), \(w.series(series)) \(moved) from "
            + "\(w.value(step.before, indicator, extraDecimals: 1)) to \(w.value(step.after, indicator, extraDecimals: 1)), "
            + "a step of at least \(w.number(step.sigmas)) sigma beyond its usual drift "
            + (meets ? "that meets the target at once" : "toward the target")
            + (step.seasonalReferences > 0 ? ", which the same months of earlier years do not show" : "")
            + ". Did the work change, or did the way the value is counted or recorded change when the target was set?"
        let evidence = [
            "target": step.threshold, "before": step.before, "after": step.after, "sigma": sigma, "shiftSigmas": step.sigmas,
            "daysAfterTargetSet": Double(step.version.setOn.days(to: start.start)),
            "seasonalReferences": Double(step.seasonalReferences),
        ]
        return IntegrityFlag(
            check: .stepAfterTarget, indicator: indicator.code, orgUnit: series.key.orgUnit,
            from: start, to: series.periods[step.lastIndex], evidence: evidence, question: question
        )
    }
}
