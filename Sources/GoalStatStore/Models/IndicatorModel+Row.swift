import FluentKit
import SQLKit

extension IndicatorModel {
    /// The columns `init(row:)` reads: every field but the id.
    static let rowColumns = [
        "code", "name", "definition", "methodology", "source", "unit", "per", "decimals", "direction", "frequency",
        "aggregation", "stage", "org_unit_code", "steward_email", "rank", "guardrail", "is_public", "formula", "levels_json",
        "data_quality_json", "valid_range_json", "position", "version",
    ]

    /// An indicator's row as SQLKit reads it: a saved value's read model and every page of one indicator read it by
    /// key, and Fluent builds its query and reads its rows by reflection over the model's 24 properties.
    convenience init(row: any SQLRow) throws {
        self.init()
        code = try row.decode(column: "code", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        definition = try row.decode(column: "definition", as: String?.self)
        methodology = try row.decode(column: "methodology", as: String?.self)
        source = try row.decode(column: "source", as: String?.self)
        unit = try row.decode(column: "unit", as: String.self)
        per = try row.decode(column: "per", as: Int?.self)
        decimals = try row.decode(column: "decimals", as: Int.self)
        direction = try row.decode(column: "direction", as: String.self)
        frequency = try row.decode(column: "frequency", as: String.self)
        aggregation = try row.decode(column: "aggregation", as: String.self)
        stage = try row.decode(column: "stage", as: String.self)
        orgUnitCode = try row.decode(column: "org_unit_code", as: String.self)
        stewardEmail = try row.decode(column: "steward_email", as: String?.self)
        rank = try row.decode(column: "rank", as: String.self)
        guardrail = try row.decode(column: "guardrail", as: Bool.self)
        isPublic = try row.decode(column: "is_public", as: Bool.self)
        formula = try row.decode(column: "formula", as: String?.self)
        levelsJSON = try row.decode(column: "levels_json", as: String?.self)
        dataQualityJSON = try row.decode(column: "data_quality_json", as: String?.self)
        validRangeJSON = try row.decode(column: "valid_range_json", as: String?.self)
        position = try row.decode(column: "position", as: Int.self)
        version = try row.decode(column: "version", as: Int.self)
    }
}
