import FluentKit
import SQLKit

/// Goals and indicators carry a version that every stored change increments, so that an edit made from a stale
/// copy can be refused (409) instead of silently overwriting someone else's change.
extension FrameworkStore {
    public enum VersionedKind: String, Sendable {
        case goal, indicator

        var table: String {
            switch self {
            case .goal: GoalModel.schema
            case .indicator: IndicatorModel.schema
            }
        }
    }

    /// The stored version of a goal or indicator, or nil when there is none. Inside a transaction on PostgreSQL the
    /// row stays locked until the transaction ends, so that two concurrent edits of one version cannot both pass
    /// (SQLite lets one writer at a time through anyway).
    public static func version(of kind: VersionedKind, key: String, on db: any Database) async throws -> Int? {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        let row = try await sql.raw("SELECT version FROM \(ident: kind.table) WHERE code = \(bind: key)\(lock)").first()
        return try row?.decode(column: "version", as: Int.self)
    }
}
