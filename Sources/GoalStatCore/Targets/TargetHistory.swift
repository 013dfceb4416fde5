/// All versions of the targets of one indicator and org unit. A revision never overwrites: it adds a version,
/// and every view can ask for the targets as they were known on any date (seed 002, practice 11).
public struct TargetHistory: Sendable, Equatable {
    public private(set) var versions: [TargetVersion]

    public init(_ versions: [TargetVersion]) {
        self.versions = versions.sorted { ($0.period, $0.setOn) < ($1.period, $1.setOn) }
    }

    /// The version in force for each period on `date`: the latest set on or before it. Nil date: today's knowledge (all versions).
    public func asOf(_ date: CalendarDate?) -> [TargetVersion] {
        var latest: [Period: TargetVersion] = [:]
        for version in versions where date.map({ version.setOn <= $0 }) ?? true {
            if let current = latest[version.period], current.setOn > version.setOn { continue }
            latest[version.period] = version
        }
        return latest.values.sorted { $0.period < $1.period }
    }

    /// The target that applies to a measurement period: the shortest target period containing it, as known on `date`.
    public func applicable(to period: Period, asOf date: CalendarDate? = nil) -> TargetVersion? {
        asOf(date)
            .filter { $0.period.contains(period) }
            .min { $0.period.dayCount < $1.period.dayCount }
    }

    /// Earlier versions that a later one replaced, newest first: the revision trail of each target.
    public var revisions: [TargetVersion] {
        let current = Set(asOf(nil).map { "\($0.period.start)|\($0.setOn)" })
        return versions.filter { !current.contains("\($0.period.start)|\($0.setOn)") }.sorted { $0.setOn > $1.setOn }
    }
}
