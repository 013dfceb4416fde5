import Foundation

/// One stored value of one indicator for one period and org unit, with where it came from.
public struct Measurement: Sendable, Equatable {
    public var indicator: String
    /// Nil for the indicator's own unit (the total).
    public var orgUnit: String?
    public var period: Period
    public var value: Double?
    /// The level of a qualitative indicator.
    public var level: String?
    public var status: MeasurementStatus
    public var note: String?
    /// 0 for the first value; each correction adds one and keeps the old value as a revision.
    public var revision: Int
    public var source: MeasurementSource

    public init(
        indicator: String, orgUnit: String? = nil, period: Period, value: Double?, level: String? = nil,
        status: MeasurementStatus = .final, note: String? = nil, revision: Int = 0, source: MeasurementSource
    ) {
        self.indicator = indicator
        self.orgUnit = orgUnit
        self.period = period
        self.value = value
        self.level = level
        self.status = status
        self.note = note
        self.revision = revision
        self.source = source
    }
}

/// How, when and by whom values were entered.
public struct MeasurementSource: Sendable, Equatable {
    public var kind: EntryKind
    public var label: String
    public var enteredBy: String?
    public var enteredAt: Date

    public init(kind: EntryKind, label: String, enteredBy: String?, enteredAt: Date) {
        self.kind = kind
        self.label = label
        self.enteredBy = enteredBy
        self.enteredAt = enteredAt
    }
}

/// The way values reached GoalStat.
public enum EntryKind: String, Codable, Sendable, CaseIterable {
    case form, api, `import`, demo
}

/// A value a measurement held before it was corrected.
public struct MeasurementRevision: Sendable, Equatable {
    public var revision: Int
    public var value: Double?
    public var level: String?
    public var status: MeasurementStatus
    public var note: String?
    public var source: MeasurementSource
    /// When the correction that replaced this value was made.
    public var supersededAt: Date
    /// Why that correction was made, when it said (issue 10); older corrections have none.
    public var correctionReason: String?

    public init(
        revision: Int, value: Double?, level: String?, status: MeasurementStatus, note: String?, source: MeasurementSource,
        supersededAt: Date, correctionReason: String? = nil
    ) {
        self.revision = revision
        self.value = value
        self.level = level
        self.status = status
        self.note = note
        self.source = source
        self.supersededAt = supersededAt
        self.correctionReason = correctionReason
    }
}
