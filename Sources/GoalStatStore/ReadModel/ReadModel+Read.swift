import FluentKit
import Foundation
import GoalStatCore
import SQLKit

/// Reads of the read model, by key.
extension ReadModel {
    /// The verdicts of these indicators for one unit (nil: their totals), keyed by indicator.
    public static func verdicts(of indicators: [String], orgUnit: String? = nil, on db: any Database) async throws -> [String: IndicatorVerdict] {
        let sql = try sqlDatabase(db)
        let decoder = JSONDecoder()
        var result: [String: IndicatorVerdict] = [:]
        for chunk in indicators.chunked(500) {
            let rows = try await sql.select().columns("indicator_code", "verdict").from(ReadModelTables.verdicts)
                .where("indicator_code", .in, chunk).where("org_unit_code", .equal, orgUnit ?? "").all()
            for row in rows {
                let verdict = try decoder.decode(IndicatorVerdict.self, from: Data(try row.decode(column: "verdict", as: String.self).utf8))
                result[verdict.indicator] = verdict
            }
        }
        return result
    }

    public static func verdict(of indicator: String, orgUnit: String? = nil, on db: any Database) async throws -> IndicatorVerdict? {
        try await verdicts(of: [indicator], orgUnit: orgUnit, on: db)[indicator]
    }

    /// The stored analysis of an indicator's total in the JSON of SPEC §3.3, as worked out for the model's date.
    public static func analysisJSON(of indicator: String, on db: any Database) async throws -> Data? {
        let sql = try sqlDatabase(db)
        let row = try await sql.select().column("analysis").from(ReadModelTables.verdicts)
            .where("indicator_code", .equal, indicator).where("org_unit_code", .equal, "").first()
        return try row?.decode(column: "analysis", as: String?.self).map { Data($0.utf8) }
    }

    /// Every stored analysis of the totals, in indicator code order, handed over one at a time (memory stays
    /// bounded by a page of rows): what `goalstat analyze` writes as it reads.
    public static func eachAnalysisJSON(
        of indicators: [String]? = nil, on db: any Database, _ body: (String, Data) throws -> Void
    ) async throws {
        let sql = try sqlDatabase(db)
        var after = ""
        while true {
            let query = sql.select().columns("indicator_code", "analysis").from(ReadModelTables.verdicts)
                .where("org_unit_code", .equal, "").where("indicator_code", .greaterThan, after)
            if let indicators { query.where("indicator_code", .in, indicators) }
            let rows = try await query.orderBy("indicator_code").limit(200).all()
            guard !rows.isEmpty else { return }
            for row in rows {
                let code = try row.decode(column: "indicator_code", as: String.self)
                if let json = try row.decode(column: "analysis", as: String?.self) { try body(code, Data(json.utf8)) }
                after = code
            }
        }
    }

    /// The rolled-up statuses of these goals (every goal when nil), keyed by goal.
    public static func goalStatuses(_ goals: [String]? = nil, on db: any Database) async throws -> [String: StatusAssessment] {
        let sql = try sqlDatabase(db)
        var result: [String: StatusAssessment] = [:]
        func read(_ query: SQLSelectBuilder) async throws {
            for row in try await query.all() {
                result[try row.decode(column: "goal_code", as: String.self)] = StatusAssessment(
                    status: IndicatorStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .noData,
                    reason: try row.decode(column: "reason", as: String.self)
                )
            }
        }
        let base = { sql.select().columns("goal_code", "status", "reason").from(ReadModelTables.goals) }
        if let goals {
            for chunk in goals.chunked(500) { try await read(base().where("goal_code", .in, chunk)) }
        } else {
            try await read(base())
        }
        return result
    }
}

extension ReadModel {
    /// The stored integrity findings of these indicators (every indicator's when nil), in the order of
    /// `IntegrityChecks.run` (check, indicator, org unit with the total first, period), handed over a page at a
    /// time so that memory stays bounded whatever their number.
    public static func eachIntegrityFinding(
        of indicators: Set<String>? = nil, on db: any Database, _ body: (IntegrityFinding) throws -> Void
    ) async throws {
        let sql = try sqlDatabase(db)
        // The column sorts in byte order on every database (`CreateIntegrityFindings`), so its unique index serves this.
        let key = SQLIdentifier("sort_key")
        let decoder = JSONDecoder()
        var after: String?
        while true {
            let query = sql.select().columns("sort_key", "indicator_code", "finding").from(ReadModelTables.integrity)
            if let after { query.where(SQLBinaryExpression(key, .greaterThan, SQLBind(after))) }
            let rows = try await query.orderBy(key).limit(500).all()
            guard !rows.isEmpty else { return }
            for row in rows {
                after = try row.decode(column: "sort_key", as: String.self)
                if let indicators, !indicators.contains(try row.decode(column: "indicator_code", as: String.self)) { continue }
                try body(try decoder.decode(IntegrityFinding.self, from: Data(try row.decode(column: "finding", as: String.self).utf8)))
            }
        }
    }

    /// The stored integrity findings of these indicators, as `eachIntegrityFinding` orders them.
    public static func integrityFindings(of indicators: Set<String>? = nil, on db: any Database) async throws -> [IntegrityFinding] {
        var findings: [IntegrityFinding] = []
        try await eachIntegrityFinding(of: indicators, on: db) { findings.append($0) }
        return findings
    }

    /// How many stored findings each check raised, for these indicators (nil: every indicator).
    public static func integrityCounts(of indicators: Set<String>?, on db: any Database) async throws -> [IntegrityCheck: Int] {
        let sql = try sqlDatabase(db)
        var counts: [IntegrityCheck: Int] = [:]
        let chunks: [[String]?] = indicators.map { Array($0).sorted().chunked(500).map { Optional($0) } } ?? [nil]
        for chunk in chunks {
            if let chunk, chunk.isEmpty { continue }
            let query = sql.select()
                .column(SQLFunction("substr", args: SQLIdentifier("sort_key"), SQLLiteral.numeric("1"), SQLLiteral.numeric("2")), as: "prefix")
                .column(SQLFunction("count", args: SQLLiteral.all), as: "found")
                .from(ReadModelTables.integrity)
            if let chunk { query.where("indicator_code", .in, chunk) }
            for row in try await query.groupBy(SQLFunction("substr", args: SQLIdentifier("sort_key"), SQLLiteral.numeric("1"), SQLLiteral.numeric("2"))).all() {
                let prefix = try row.decode(column: "prefix", as: String.self)
                guard let check = IntegrityCheck.allCases.first(where: { $0.sortPrefix == prefix }) else { continue }
                counts[check, default: 0] += try row.decode(column: "found", as: Int.self)
            }
        }
        return counts
    }

    /// One page of the stored findings of one check (or of all, in check order), for these indicators (nil: every
    /// indicator): read along the sort key's index from the check's first key, so a page costs its own rows.
    public static func integrityFindings(
        of indicators: Set<String>?, check: IntegrityCheck?, offset: Int, limit: Int, on db: any Database
    ) async throws -> [IntegrityFinding] {
        var found: [IntegrityFinding] = []
        var skipped = 0
        let sql = try sqlDatabase(db)
        let key = SQLIdentifier("sort_key")
        let decoder = JSONDecoder()
        var after: String? = check.map { $0.sortPrefix }
        while found.count < limit {
            let query = sql.select().columns("sort_key", "indicator_code", "finding").from(ReadModelTables.integrity)
            // A few indicators (a review's scope, a reader of one unit) are asked for by key, not found by scanning.
            if let indicators, indicators.count <= 500 { query.where("indicator_code", .in, Array(indicators).sorted()) }
            if let after { query.where(SQLBinaryExpression(key, found.isEmpty && skipped == 0 && after == check?.sortPrefix ? .greaterThanOrEqual : .greaterThan, SQLBind(after))) }
            if let check { query.where(SQLBinaryExpression(key, .lessThan, SQLBind(check.sortPrefix + "\u{2}"))) }
            let rows = try await query.orderBy(key).limit(500).all()
            guard !rows.isEmpty else { break }
            for row in rows {
                after = try row.decode(column: "sort_key", as: String.self)
                if let indicators, !indicators.contains(try row.decode(column: "indicator_code", as: String.self)) { continue }
                if skipped < offset {
                    skipped += 1
                    continue
                }
                found.append(try decoder.decode(IntegrityFinding.self, from: Data(try row.decode(column: "finding", as: String.self).utf8)))
                if found.count == limit { break }
            }
        }
        return found
    }
}

extension IntegrityCheck {
    /// The first two characters of a stored finding's sort key: the check's place in the list, so that findings
    /// sort by check and one check's findings form one range of the key.
    var sortPrefix: String {
        let index = IntegrityCheck.allCases.firstIndex(of: self) ?? 0
        return index < 10 ? "0\(index)" : String(index)
    }
}
