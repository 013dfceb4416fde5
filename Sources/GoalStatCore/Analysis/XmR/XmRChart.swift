/// The XmR process behaviour chart of NHS England's "Making Data Count" (SPEC §4), matching NHSRplotthedots 0.2.2.
public enum XmRChart {
    /// Groups of this many points or fewer have trial limits.
    public static let trialLimitMaxPoints = 12

    /// The chart of one unit's series, already sorted by period.
    ///
    /// - Parameters:
    ///   - values: the unit's values in period order; finite (the CSV format admits no NaN or infinity).
    ///   - rebaseStarts: indices where a new group starts; indices outside `1..<values.count` and repeats are ignored.
    ///   - options: direction, target, baseline and screening.
    public static func compute(values: [Double], rebaseStarts: [Int], options: XmROptions) -> XmRUnitResult {
        let ranges = groupRanges(count: values.count, rebaseStarts: rebaseStarts)
        var scratch = XmRRuleScratch(count: values.count)
        var points: [XmRPointResult] = []
        points.reserveCapacity(values.count)
        var groups: [XmRGroupResult] = []
        groups.reserveCapacity(ranges.count)

        for (group, range) in ranges.enumerated() {
            let baselineCount = min(range.count, max(1, options.baseline ?? range.count))
            let baseline = range.lowerBound..<(range.lowerBound + baselineCount)
            let limits = XmRLimits(values: values, baseline: baseline, screenOutliers: options.screenOutliers)
            let trial = range.count <= trialLimitMaxPoints
            scratch.label(values, in: range, limits: limits)
            for i in range {
                let cause = scratch.causes[i]
                points.append(XmRPointResult(
                    value: values[i], group: group, mean: limits.mean,
                    lowerLimit: limits.lower, upperLimit: limits.upper,
                    lowerNearLimit: limits.lowerNear, upperNearLimit: limits.upperNear,
                    specialCause: cause, pointType: PointType(cause: cause, direction: options.direction),
                    trialLimits: trial
                ))
            }
            let isLast = group == ranges.count - 1
            groups.append(XmRGroupResult(
                group: group, indices: range, baselineCount: baselineCount, mean: limits.mean,
                lowerLimit: limits.lower, upperLimit: limits.upper,
                lowerNearLimit: limits.lowerNear, upperNearLimit: limits.upperNear,
                movingRangeMean: limits.movingRangeMean, trialLimits: trial,
                variation: points[range.upperBound - 1].pointType,
                assurance: isLast
                    ? Assurance(target: options.target, direction: options.direction,
                                lowerLimit: limits.lower, upperLimit: limits.upper)
                    : nil
            ))
        }
        return XmRUnitResult(groups: groups, points: points)
    }

    /// The indices of `periods` at which a new group starts: those equal to one of `rebaseAt`. As in the reference,
    /// a rebase period that is not in the series, or is its first period, starts no group.
    public static func rebaseStarts<Period: Equatable>(periods: [Period], rebaseAt: [Period]) -> [Int] {
        guard !rebaseAt.isEmpty else { return [] }
        return periods.indices.filter { $0 > 0 && rebaseAt.contains(periods[$0]) }
    }

    /// The index ranges of the groups of a series of `count` points split at `rebaseStarts`.
    static func groupRanges(count: Int, rebaseStarts: [Int]) -> [Range<Int>] {
        guard count > 0 else { return [] }
        var ranges: [Range<Int>] = []
        var start = 0
        for boundary in rebaseStarts.sorted() where boundary > start && boundary < count {
            ranges.append(start..<boundary)
            start = boundary
        }
        ranges.append(start..<count)
        return ranges
    }
}
