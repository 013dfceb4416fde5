extension IntegrityChecks {
    /// Check 2: in the latest window, the share of values that fall in a narrow band just on the passing side of the
    /// target in force for their period (as it was known then), and their variation against the variation before
    /// (the larger sigma of all the periods before the window and of their earlier half).
    /// Honest noise around a target puts at most about one value in five in a band half a sigma wide; a window
    /// that is mostly in it, and far steadier than before, asks how the value is produced.
    static func bunchingAtTarget(_ context: IntegrityContext, _ thresholds: IntegrityThresholds) -> [IntegrityFlag] {
        var flags: [IntegrityFlag] = []
        for series in context.checked where series.isDirectional {
            if let history = context.targetHistory(for: series),
               let flag = bunchingFlag(series, history, thresholds, context.calendar) {
                flags.append(flag)
            }
        }
        return flags
    }

    private static func bunchingFlag(
        _ series: IntegritySeries, _ history: TargetHistory, _ thresholds: IntegrityThresholds, _ calendar: FiscalCalendar
    ) -> IntegrityFlag? {
        let values = series.values, increase = series.indicator.direction == .increase
        guard let last = values.indices.last(where: { values[$0] != nil }) else { return nil }
        let recent = max(0, last - thresholds.bunchingWindow + 1)..<(last + 1)
        let baseline = 0..<recent.lowerBound
        guard let baselineMean = IntegrityStatistics.mean(values, in: baseline),
              baselineMean.count >= thresholds.bunchingMinimumBaseline,
              let wholeSigma = IntegrityStatistics.movingRangeSigma(values, in: baseline)
        else { return nil }
        // Bunching that began before the window would shrink its own baseline: the earlier half counts too.
        let earlier = 0..<(baseline.count / 2)
        let earlierSigma = (IntegrityStatistics.mean(values, in: earlier)?.count ?? 0) >= thresholds.bunchingMinimumBaseline
            ? IntegrityStatistics.movingRangeSigma(values, in: earlier) ?? 0 : 0
        let baselineSigma = max(wholeSigma, earlierSigma)
        guard baselineSigma > 0 else { return nil }
        let width = thresholds.bunchingBandSigmas * baselineSigma
        // The threshold is the target known when the period ended: a value cannot be steered to a target not yet set.
        func threshold(_ i: Int) -> Double? {
            let period = series.periods[i]
            guard let band = knownTarget(history, for: period, asOf: period.end)?.band else { return nil }
            return increase ? band.lowerBound : band.upperBound
        }
        func inBand(_ i: Int) -> Bool {
            guard let value = values[i], let target = threshold(i) else { return false }
            return increase ? (target...(target + width)).contains(value) : ((target - width)...target).contains(value)
        }
        let present = recent.filter { values[$0] != nil }
        guard present.count >= max(3, (thresholds.bunchingWindow + 1) / 2),
              let recentMean = IntegrityStatistics.mean(values, in: recent),
              let recentSigma = IntegrityStatistics.movingRangeSigma(values, in: recent)
        else { return nil }
        let share = Double(present.filter(inBand).count) / Double(present.count)
        guard share >= thresholds.bunchingShare, recentSigma <= thresholds.bunchingVariationRatio * baselineSigma,
              let end = present.last(where: inBand), let target = threshold(end)
        else { return nil }
        // Report the whole run of values in the band that ends with the latest one in it.
        var first = end
        for i in stride(from: end - 1, through: 0, by: -1) where values[i] != nil {
            guard inBand(i) else { break }
            first = i
        }
        let runCount = (first...end).filter { values[$0] != nil }.count
        let indicator = series.indicator
        let low = increase ? target : target - width, high = increase ? target + width : target
        let w = IntegrityWording.self
        let question = "Since \(w.period(series.periods[first], calendar)), \(runCount) values of \(w.series(series)) lie between "
            + "\(w.value(low, indicator, extraDecimals: 1)) and \(w.value(high, indicator, extraDecimals: 1)), just past the target of "
            + "\(w.value(target, indicator)) (\(w.number(share * 100, decimals: 0))% of the last \(present.count)), and vary "
            + "\(w.number(baselineSigma / max(recentSigma, 1e-9), decimals: 0)) times less than before (sigma "
            + "\(w.number(recentSigma, decimals: 2)) against \(w.number(baselineSigma, decimals: 2))). Honest noise rarely hugs a "
            + "target this closely: how is each value recorded, and could anything steer it just past the target?"
        return IntegrityFlag(
            check: .bunchingAtTarget, indicator: indicator.code, orgUnit: series.key.orgUnit,
            from: series.periods[first], to: series.periods[end],
            evidence: [
                "target": target, "bandWidth": width, "shareInBand": share, "windowValues": Double(present.count),
                "runValues": Double(runCount), "recentMean": recentMean.mean, "recentSigma": recentSigma,
                "baselineMean": baselineMean.mean, "baselineSigma": baselineSigma,
            ],
            question: question
        )
    }

    /// The target in force for `period` as known on `date`, as `TargetHistory.applicable(to:asOf:)` gives it, without
    /// building its table on every call: the shortest target period containing `period`, its latest version by `date`.
    static func knownTarget(_ history: TargetHistory, for period: Period, asOf date: CalendarDate) -> TargetVersion? {
        var best: TargetVersion?
        for version in history.versions where version.setOn <= date && version.period.contains(period) {
            if let known = best, version.period.dayCount > known.period.dayCount
                || version.period == known.period && version.setOn < known.setOn {
                continue
            }
            best = version
        }
        return best
    }
}
