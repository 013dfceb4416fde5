import GoalStatCore

/// The identity of a measurement: indicator, org unit ("" for the indicator's own unit) and first day of the period.
struct MeasurementKey: Hashable, Sendable {
    var indicator: String
    var orgUnit: String
    var periodStart: String
}

/// The part of a stored measurement an import compares with a new value.
struct StoredValue: Sendable, Equatable {
    var value: Double?
    var level: String?
    var status: String
    var note: String?
    var revision: Int
}

extension StoredValue {
    /// Whether an incoming row says the same as the stored value, so that storing it would change nothing.
    func isSame(as row: ParsedMeasurement) -> Bool {
        value == row.value && level == row.level && status == row.status.rawValue && note == row.note
    }
}
