/// Table names of the measurement store, which is written through SQLKit (bulk paths) rather than Fluent models.
enum MeasurementTable {
    static let name = "measurements"
    static let revisions = "measurement_revisions"
}
