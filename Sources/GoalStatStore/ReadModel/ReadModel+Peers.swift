import FluentKit
import Foundation
import GoalStatCore
import SQLKit

/// The reads of the peers page (practice 5, docs/peers.md): which indicators a unit shares with its peers, a page at a
/// time, and their stored verdicts by key. Nothing is analysed again: the verdicts are the read model's.
extension ReadModel {
    /// One page of the indicators `unit` shares with `peers` — numeric (not qualitative) indicators the reader may see
    /// (published, or owned by a unit in `scope`) with a value of the unit's own and of at least one peer — in
    /// framework order, and how many there are in all. The database pages: one query over the verdicts' keys
    /// (the `org_unit_code, status` index) with the indicators' order, and one count.
    public static func sharedIndicators(
        of unit: String, peers: [String], readableIn scope: UnitScope, offset: Int, limit: Int, on db: any Database
    ) async throws -> (codes: [String], total: Int) {
        guard !peers.isEmpty else { return ([], 0) }
        let sql = try sqlDatabase(db)
        func filtered(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            query.from(SQLAlias(SQLIdentifier(IndicatorModel.schema), as: SQLIdentifier("i")))
                .join(SQLAlias(SQLIdentifier(ReadModelTables.verdicts), as: SQLIdentifier("v")), method: SQLJoinMethod.inner, on: SQLBinaryExpression(
                    SQLColumn("indicator_code", table: "v"), .equal, SQLColumn("code", table: "i")
                ))
                .where(SQLColumn("org_unit_code", table: "v"), .equal, SQLBind(unit))
                .where(SQLColumn("status", table: "v"), .notEqual, SQLBind(IndicatorStatus.noData.rawValue))
                .where(SQLColumn("levels_json", table: "i"), .is, SQLLiteral.null)
                .where(SQLQueryString("EXISTS (SELECT 1 FROM \(unsafeRaw: ReadModelTables.verdicts) p WHERE p.indicator_code = i.code AND p.status <> \(bind: IndicatorStatus.noData.rawValue) AND p.org_unit_code IN (\(binds: peers)))"))
            if case .units(let units) = scope {
                query.where(group: { group in
                    group.where(SQLColumn("is_public", table: "i"), .equal, SQLBind(true))
                    if !units.isEmpty { group.orWhere(SQLColumn("org_unit_code", table: "i"), .in, SQLBind.group(Array(units).sorted())) }
                    return group
                })
            }
            return query
        }
        let total = try await filtered(sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "found"))
            .first()?.decode(column: "found", as: Int.self) ?? 0
        let rows = try await filtered(sql.select().column(SQLColumn("code", table: "i")))
            .orderBy(SQLColumn("position", table: "i")).orderBy(SQLColumn("code", table: "i"))
            .limit(limit).offset(offset).all()
        return (try rows.map { try $0.decode(column: "code", as: String.self) }, total)
    }

    /// The stored verdicts of these indicators for these units, by indicator and then unit: one query by key.
    public static func unitVerdicts(
        of indicators: [String], orgUnits: [String], on db: any Database
    ) async throws -> [String: [String: IndicatorVerdict]] {
        guard !indicators.isEmpty, !orgUnits.isEmpty else { return [:] }
        let sql = try sqlDatabase(db)
        let decoder = JSONDecoder()
        var result: [String: [String: IndicatorVerdict]] = [:]
        for chunk in indicators.chunked(200) {
            let rows = try await sql.select().columns("indicator_code", "org_unit_code", "verdict").from(ReadModelTables.verdicts)
                .where("indicator_code", .in, chunk).where("org_unit_code", .in, orgUnits).all()
            for row in rows {
                let verdict = try decoder.decode(IndicatorVerdict.self, from: Data(try row.decode(column: "verdict", as: String.self).utf8))
                result[verdict.indicator, default: [:]][try row.decode(column: "org_unit_code", as: String.self)] = verdict
            }
        }
        return result
    }
}
