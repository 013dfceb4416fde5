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
