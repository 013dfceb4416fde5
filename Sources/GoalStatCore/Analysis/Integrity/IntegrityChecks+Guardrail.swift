extension IntegrityChecks {
    /// The two windows compared for a guardrail and one indicator it protects, on a common grid.
    struct GuardrailComparison {
        let grid: [Period]
        let before: Range<Int>
        let after: Range<Int>
        let guardrail: (before: Double, after: Double, sigma: Double)
        let partner: (before: Double, after: Double, sigma: Double)
        /// The smaller of the two changes, in sigmas of its own series: how clearly both moved.
        let score: Double
    }

    /// Check 1: for each guardrail series, the indicators it protects (linked either way, else sharing a goal) are
    /// compared over the latest window and the same periods a whole number of years earlier (so that seasons cancel);
    /// the question is raised when the partner improves and the guardrail worsens, each by more than the noise allows.
    static func guardrailWorsens(_ context: IntegrityContext, _ thresholds: IntegrityThresholds) -> [IntegrityFlag] {
        var goalMembers: [String: [String]] = [:]
        for indicator in context.indicators.values {
            for goal in indicator.goals { goalMembers[goal, default: []].append(indicator.code) }
        }
        var flags: [IntegrityFlag] = []
        for guardrail in context.checked where guardrail.indicator.guardrail && guardrail.isDirectional {
            let code = guardrail.indicator.code
            let linked = Set(context.links.compactMap { link in
                link.driver == code ? link.result : link.result == code ? link.driver : nil
            })
            let sharingGoal = Set(guardrail.indicator.goals.flatMap { goalMembers[$0] ?? [] }).subtracting(linked)
            var best: (comparison: GuardrailComparison, partner: IntegritySeries, linked: Bool)?
            for (partnerCode, isLinked) in linked.sorted().map({ ($0, true) }) + sharingGoal.sorted().map({ ($0, false) }) {
                // The partner's series for the same org unit, else its total.
                let sameUnit = IntegritySeriesKey(indicator: partnerCode, orgUnit: guardrail.key.orgUnit)
                guard partnerCode != code, let indicator = context.indicators[partnerCode], !indicator.guardrail,
                      let partner = context.series(sameUnit) ?? context.series(IntegritySeriesKey(indicator: partnerCode)),
                      partner.isDirectional,
                      let comparison = compareGuardrail(guardrail, with: partner, thresholds)
                else { continue }
                // A linked partner comes before one that only shares a goal; among equals, the clearer comparison.
                if let known = best, (known.linked ? 1 : 0, known.comparison.score) >= (isLinked ? 1 : 0, comparison.score) {
                    continue
                }
                best = (comparison, partner, isLinked)
            }
            if let best { flags.append(guardrailFlag(guardrail, best.partner, best.comparison, context.calendar)) }
        }
        return flags
    }

    /// The comparison when the partner improved and the guardrail worsened beyond the noise; nil otherwise.
    static func compareGuardrail(
        _ guardrail: IntegritySeries, with partner: IntegritySeries, _ thresholds: IntegrityThresholds
    ) -> GuardrailComparison? {
        // Both series go onto the coarser grid: a quarterly guardrail is compared with quarterly means of a monthly partner.
        let partnerIsCoarser = IntegrityStatistics.isCoarser(
            partner.indicator.frequency.granularity, than: guardrail.indicator.frequency.granularity
        )
        let grid = partnerIsCoarser ? partner.periods : guardrail.periods
        let g = partnerIsCoarser ? guardrail.values(on: grid) : guardrail.values
        let p = partnerIsCoarser ? partner.values : partner.values(on: grid)
        guard let end = grid.indices.last(where: { g[$0] != nil && p[$0] != nil }) else { return nil }
        let window = max(2, thresholds.guardrailWindow)
        let perYear = IntegrityStatistics.periodsPerYear(grid[end].granularity)
        let lag = (window + perYear - 1) / perYear * perYear
        let after = (end - window + 1)..<(end + 1)
        let before = (after.lowerBound - lag)..<(after.upperBound - lag)
        let needed = (window + 1) / 2
        guard before.lowerBound >= 0,
              let gBefore = IntegrityStatistics.mean(g, in: before), gBefore.count >= needed,
              let gAfter = IntegrityStatistics.mean(g, in: after), gAfter.count >= needed,
              let pBefore = IntegrityStatistics.mean(p, in: before), pBefore.count >= needed,
              let pAfter = IntegrityStatistics.mean(p, in: after), pAfter.count >= needed,
              let gSigma = IntegrityStatistics.noiseSigma(g, unit: guardrail.indicator.unit, in: 0..<(end + 1)),
              let pSigma = IntegrityStatistics.noiseSigma(p, unit: partner.indicator.unit, in: 0..<(end + 1))
        else { return nil }
        let guardrailGain = improvement(gAfter.mean - gBefore.mean, guardrail.indicator.direction)
        let partnerGain = improvement(pAfter.mean - pBefore.mean, partner.indicator.direction)
        let k = thresholds.guardrailSigmas
        guard -guardrailGain > k * gSigma, partnerGain > k * pSigma else { return nil }
        return GuardrailComparison(
            grid: grid, before: before, after: after,
            guardrail: (gBefore.mean, gAfter.mean, gSigma), partner: (pBefore.mean, pAfter.mean, pSigma),
            score: min(inSigmas(-guardrailGain, gSigma), inSigmas(partnerGain, pSigma))
        )
    }

    private static func guardrailFlag(
        _ guardrail: IntegritySeries, _ partner: IntegritySeries, _ c: GuardrailComparison, _ calendar: FiscalCalendar
    ) -> IntegrityFlag {
        let g = guardrail.indicator, p = partner.indicator, w = IntegrityWording.self
        let moved = c.guardrail.after > c.guardrail.before ? "rose" : "fell"
        let windows = "\(w.periods(c.grid[c.after.lowerBound], c.grid[c.after.upperBound - 1], calendar)) against "
            + w.periods(c.grid[c.before.lowerBound], c.grid[c.before.upperBound - 1], calendar)
        let question = "\(w.series(guardrail)) \(moved) from \(w.value(c.guardrail.before, g)) to \(w.value(c.guardrail.after, g)) "
            + "while \(w.series(partner)) improved from \(w.value(c.partner.before, p)) to \(w.value(c.partner.after, p)) "
            + "(\(windows)). \(g.name) is a guardrail: is the gain in \(p.name) being bought at the cost of what it protects?"
        return IntegrityFlag(
            check: .guardrailWorsens, indicator: g.code, orgUnit: guardrail.key.orgUnit, relatedIndicator: p.code,
            from: c.grid[c.before.lowerBound], to: c.grid[c.after.upperBound - 1],
            evidence: [
                "guardrailBefore": c.guardrail.before, "guardrailAfter": c.guardrail.after,
                "guardrailSigma": c.guardrail.sigma,
                "targetBefore": c.partner.before, "targetAfter": c.partner.after, "targetSigma": c.partner.sigma,
                "windowPeriods": Double(c.after.count), "lagPeriods": Double(c.after.lowerBound - c.before.lowerBound),
            ],
            question: question
        )
    }

    /// A change read as a gain: positive when it is better by the direction (zero for neutral).
    static func improvement(_ change: Double, _ direction: ImprovementDirection) -> Double {
        switch direction {
        case .increase: change
        case .decrease: -change
        case .neutral: 0
        }
    }

    /// A change in sigmas; a change over a noiseless series counts as infinitely clear.
    static func inSigmas(_ change: Double, _ sigma: Double) -> Double {
        sigma > 0 ? change / sigma : (change > 0 ? .infinity : 0)
    }
}
