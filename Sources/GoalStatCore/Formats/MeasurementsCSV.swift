import Foundation

/// The measurements CSV format of SPEC §3.1: reading (checked against a catalog) and writing.
public enum MeasurementsCSV {
    /// At most this many issues are kept in a result (SPEC §3.1: "at most the first 1,000"); all are counted.
    public static let maximumIssues = 1_000

    /// A column of the format, in the order export writes them (`reason`, why a value is corrected, is read only).
    public enum Column: String, CaseIterable, Sendable {
        case indicator, period, value
        case orgUnit = "org_unit"
        case status, note, reason

        /// Whether every file must have this column.
        public var isRequired: Bool {
            switch self {
            case .indicator, .period, .value: true
            case .orgUnit, .status, .note, .reason: false
            }
        }

        /// The columns an export writes.
        public static let exported: [Column] = [.indicator, .period, .value, .orgUnit, .status, .note]
    }

    /// Reads a measurements file (UTF-8 bytes) and checks every row against `catalog`.
    public static func read(_ bytes: [UInt8], catalog: MeasurementCatalog) -> MeasurementsCSVResult {
        bytes.withUnsafeBufferPointer { read(buffer: $0, catalog: catalog) }
    }

    /// Reads a measurements file (UTF-8 bytes) and checks every row against `catalog`.
    public static func read(_ data: Data, catalog: MeasurementCatalog) -> MeasurementsCSVResult {
        data.withUnsafeBytes { read(buffer: $0.bindMemory(to: UInt8.self), catalog: catalog) }
    }

    /// Reads a measurements file held as text and checks every row against `catalog`.
    public static func read(_ text: String, catalog: MeasurementCatalog) -> MeasurementsCSVResult {
        var copy = text
        return copy.withUTF8 { read(buffer: $0, catalog: catalog) }
    }

    static func read(buffer: UnsafeBufferPointer<UInt8>, catalog: MeasurementCatalog) -> MeasurementsCSVResult {
        var reader = MeasurementsCSVReader(bytes: buffer, catalog: catalog)
        return reader.read()
    }
}
