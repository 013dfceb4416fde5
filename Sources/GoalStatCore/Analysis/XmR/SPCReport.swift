/// The JSON document `goalstat spc` prints (SPEC §5): every group and every point, ordered by unit then period.
public struct SPCReport: Encodable, Sendable, Equatable {
    /// One unit's chart as `make` takes it: the org unit code (nil when the input has no `org_unit` column), the
    /// period labels as they were read, in the order of the series, and the computed chart.
    public typealias Unit = (orgUnit: String?, periods: [String], result: XmRUnitResult)

    /// Every rebase group of every unit.
    public var groups: [Group]
    /// Every point of every unit.
    public var points: [Point]

    public init(groups: [Group], points: [Point]) {
        self.groups = groups
        self.points = points
    }

    /// The report for `units`, in the order given (the caller sorts them by org unit); each unit needs one period
    /// label per point.
    public static func make(units: [Unit]) -> SPCReport {
        var report = SPCReport(groups: [], points: [])
        report.points.reserveCapacity(units.reduce(0) { $0 + $1.result.points.count })
        for unit in units {
            precondition(unit.periods.count == unit.result.points.count, "one period label per point")
            for (period, point) in zip(unit.periods, unit.result.points) {
                report.points.append(Point(period: period, orgUnit: unit.orgUnit, point))
            }
            for group in unit.result.groups {
                report.groups.append(Group(
                    orgUnit: unit.orgUnit,
                    from: unit.periods[group.indices.lowerBound],
                    to: unit.periods[group.indices.upperBound - 1],
                    group
                ))
            }
        }
        return report
    }
}
