@testable import GoalStatCore

/// A small catalog and helpers shared by the measurements CSV tests.
enum MeasurementsCSVFixture {
    static let catalog = MeasurementCatalog(
        indicators: [
            "DMV-WAIT": CatalogIndicator(frequency: .monthly),
            "DMV-ISSUED": CatalogIndicator(frequency: .quarterly),
            "BUDGET": CatalogIndicator(frequency: .annual),
            "CALLS": CatalogIndicator(frequency: .weekly),
            "DMV-STATUS": CatalogIndicator(frequency: .quarterly, levels: ["Red", "Amber, \"rising\"", "Green"]),
        ],
        orgUnits: ["DMV", "DMV-NORTH", "DMV-SOUTH"],
        calendar: FiscalCalendar()
    )

    static func read(_ text: String) -> MeasurementsCSVResult {
        MeasurementsCSV.read(Array(text.utf8), catalog: catalog)
    }

    /// The issues as "line column: reason" strings, for compact expectations.
    static func issueLines(_ result: MeasurementsCSVResult) -> [String] {
        result.issues.map { "\($0.line) \($0.column ?? "-"): \($0.reason)" }
    }
}

import Foundation

/// A JSON encoder with sorted keys, so encoded text can be compared.
enum JSONEncoderForTests {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }
}
