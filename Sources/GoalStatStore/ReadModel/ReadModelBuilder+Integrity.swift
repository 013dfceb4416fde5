import FluentKit
import Foundation
import GoalStatCore
import SQLKit

/// The integrity findings of the read model. A finding belongs to one series (an indicator's total or one unit) and
/// reads that series, its targets and, for a guardrail, the series of the indicators it protects (linked either way,
/// else sharing a goal); so a change to a series works out again its own findings and those of the guardrails
/// next to its indicator, not every series.
extension ReadModelBuilder {
    /// The checks' flags for `indicators`, whose every unit's values `series` holds, with the links among them.
    func integrityFlags(
        of indicators: [Indicator], links: [IndicatorLink], series: [String: [String: [Measurement]]], reporting: Reporting,
        only: Set<IntegritySeriesKey>? = nil
    ) async throws -> [IntegrityFlag] {
        guard !indicators.isEmpty else { return [] }
        let targets = try await FrameworkStore.targets(of: indicators.map(\.code), reporting: reporting, on: db)
        return Self.integrityFlags(of: indicators, links: links, series: series, targets: targets, reporting: reporting, asOf: asOf, only: only)
    }

    /// The same from the indicators' targets, read already.
    static func integrityFlags(
        of indicators: [Indicator], links: [IndicatorLink], series: [String: [String: [Measurement]]], targets: [Target],
        reporting: Reporting, asOf: CalendarDate, only: Set<IntegritySeriesKey>? = nil
    ) -> [IntegrityFlag] {
        guard !indicators.isEmpty else { return [] }
        let versions = targets.compactMap { TargetVersion($0, calendar: reporting.calendar) }
        // The series arrays are handed over as they are (shared, not copied): a group's values are held once.
        var measurements: [IntegritySeriesKey: [Measurement]] = [:]
        for (indicator, units) in series {
            for (unit, rows) in units { measurements[IntegritySeriesKey(indicator: indicator, orgUnit: unit.isEmpty ? nil : unit)] = rows }
        }
        var input = IntegrityInput(
            indicators: indicators, links: links,
            targets: Dictionary(grouping: versions) { IntegritySeriesKey(indicator: $0.target.indicator, orgUnit: $0.target.orgUnit) }
                .mapValues { TargetHistory($0) },
            measurements: measurements, today: asOf, calendar: reporting.calendar
        )
        input.only = only
        return IntegrityChecks.run(input)
    }

    /// Works out again the findings of `owners`' series (an indicator's units, nil for every unit) and of the
    /// guardrails next to them (every guardrail when `everyGuardrail`: links or goals changed). `read` holds series
    /// already read in this update, which are not read again.
    func updateIntegrity(
        owners: [String: Set<String>?], everyGuardrail: Bool, reporting: Reporting, read: [String: ReadSeries] = [:]
    ) async throws {
        var owners = owners
        guard !owners.isEmpty || everyGuardrail else { return }
        // The units to read of each indicator (nil: every unit), beside the owners, whose findings are replaced.
        var reads = owners
        // A total that differs from the sum of its units is a finding of the total that reads every unit: a change to
        // any series of an indicator that sums works out its total's findings again, from every unit.
        let partial = Set(owners.compactMap { $0.value == nil ? nil : $0.key })
        for code in try await sumCodes(among: partial, read: read) {
            reads[code] = .some(nil)
            if case .some(.some(let units)) = owners[code] { owners[code] = .some(units.union([""])) }
        }
        let guardrails = everyGuardrail
            ? try await guardrailCodes()
            : try await guardrails(near: Set(owners.keys))
        // A guardrail's unit falls back to its partner's total: a changed total reaches every unit of the guardrail.
        let everyUnitChanged = everyGuardrail || owners.values.contains { units in units.map { $0.contains("") } ?? true }
        let changedUnits = owners.values.reduce(into: Set<String>()) { $0.formUnion($1 ?? []) }
        for guardrail in guardrails {
            switch owners[guardrail] {
            case .some(.none): continue
            case .some(.some(let units)): owners[guardrail] = everyUnitChanged ? .some(nil) : .some(units.union(changedUnits))
            case .none: owners[guardrail] = everyUnitChanged ? .some(nil) : .some(changedUnits)
            }
            if reads[guardrail] != .some(nil) { reads[guardrail] = owners[guardrail] }
        }
        let partners = try await neighbours(of: Set(owners.keys).intersection(guardrails))
        let links = try await FrameworkStore.links(touching: Set(owners.keys).intersection(guardrails), on: db)
        // Each owner's own units; a partner's the same units and its total (every unit when an owner reads every).
        let everyUnit = owners.values.contains { $0 == nil }
        let partnerUnits: Set<String>? = everyUnit ? nil : owners.values.reduce(into: Set<String>([""])) { $0.formUnion($1 ?? []) }
        let codes = Set(owners.keys).union(partners)
        let unread = codes.filter { read[$0] == nil }.sorted()
        let indicators = (codes.compactMap { read[$0]?.indicator } + (try await FrameworkStore.indicators(unread, on: db)))
            .sorted { $0.code < $1.code }
        var series: [String: [String: [Measurement]]] = [:]
        for indicator in indicators {
            let units: Set<String>?
            switch (reads[indicator.code], partners.contains(indicator.code)) {
            case (.some(let own), false): units = own
            case (.some(let own), true): units = own.flatMap { own in partnerUnits.map { own.union($0) } }
            case (.none, _): units = partnerUnits
            }
            if let known = read[indicator.code]?.series(of: units) {
                series[indicator.code] = known
                continue
            }
            let fetched = try await Self.series(of: [indicator], units: units, calendar: reporting.calendar, on: db)
            series[indicator.code] = fetched[indicator.code]
        }
        // Only the owners' series are asked about; the others are what they are compared with.
        var only = Set<IntegritySeriesKey>()
        for (code, units) in owners {
            for unit in units ?? Set(series[code].map { Array($0.keys) } ?? []) {
                only.insert(IntegritySeriesKey(indicator: code, orgUnit: unit.isEmpty ? nil : unit))
            }
        }
        let flags = try await integrityFlags(of: indicators, links: links, series: series, reporting: reporting, only: only)
        for (code, units) in owners.sorted(by: { $0.key < $1.key }) {
            let delete = sql.delete(from: ReadModelTables.integrity).where("indicator_code", .equal, code)
            if let units { delete.where("org_unit_code", .in, Array(units)) }
            try await delete.run()
        }
        try await storeFindings(flags.filter { flag in
            guard let units = owners[flag.indicator] else { return false }
            return units.map { $0.contains(flag.orgUnit ?? "") } ?? true
        }, reporting: reporting)
    }

    /// Stores flags as findings, each under a key that sorts them as `IntegrityChecks.run` does: by check, indicator,
    /// org unit (the total first) and period.
    func storeFindings(_ flags: [IntegrityFlag], reporting: Reporting) async throws {
        guard !flags.isEmpty else { return }
        let encoder = JSONEncoder()
        var seen: [String: Int] = [:]
        var rows: [[any SQLExpression]] = []
        for flag in flags {
            let series = "\(flag.indicator)\u{1}\(flag.orgUnit ?? "")"
            let base = "\(flag.check.sortPrefix)\u{1}\(series)\u{1}\(flag.from.start)\u{1}\(flag.to.start)"
            let n = seen[base, default: 0]
            seen[base] = n + 1
            let finding = IntegrityFinding(flag, reporting: reporting)
            rows.append([
                SQLBind(flag.indicator), SQLBind(flag.orgUnit ?? ""), SQLBind("\(base)\u{1}\(n)"),
                SQLBind(String(decoding: try encoder.encode(finding), as: UTF8.self)),
            ])
        }
        for chunk in rows.chunked(200) {
            let insert = sql.insert(into: ReadModelTables.integrity).columns("indicator_code", "org_unit_code", "sort_key", "finding")
            for row in chunk { insert.values(row) }
            try await insert.run()
        }
    }

    /// The indicators linked to any of `codes` either way or sharing a goal with one of them.
    private func neighbours(of codes: Set<String>) async throws -> Set<String> {
        guard !codes.isEmpty else { return [] }
        var result = Set<String>()
        for chunk in Array(codes).sorted().chunked(500) {
            for row in try await sql.select().columns("driver_code", "result_code").from(IndicatorLinkModel.schema)
                .where("driver_code", .in, chunk).orWhere("result_code", .in, chunk).all() {
                result.insert(try row.decode(column: "driver_code", as: String.self))
                result.insert(try row.decode(column: "result_code", as: String.self))
            }
            let goals = try await sql.select().distinct().column("goal_code").from(IndicatorGoalModel.schema)
                .where("indicator_code", .in, chunk).all().map { try $0.decode(column: "goal_code", as: String.self) }
            for goalChunk in goals.chunked(500) {
                for row in try await sql.select().column("indicator_code").from(IndicatorGoalModel.schema)
                    .where("goal_code", .in, goalChunk).all() {
                    result.insert(try row.decode(column: "indicator_code", as: String.self))
                }
            }
        }
        return result.subtracting(codes)
    }

    /// The indicators among `codes` whose aggregation is `sum`, those already read taken as read.
    private func sumCodes(among codes: Set<String>, read: [String: ReadSeries]) async throws -> Set<String> {
        var result = Set(codes.compactMap { read[$0].flatMap { $0.indicator.aggregation == .sum ? $0.indicator.code : nil } })
        for chunk in codes.filter({ read[$0] == nil }).sorted().chunked(500) {
            for row in try await sql.select().column("code").from(IndicatorModel.schema)
                .where("aggregation", .equal, Aggregation.sum.rawValue).where("code", .in, chunk).all() {
                result.insert(try row.decode(column: "code", as: String.self))
            }
        }
        return result
    }

    /// The guardrail indicators among `codes` and the indicators next to them (linked either way or sharing a goal),
    /// in one query: a guardrail's question reads the indicators it protects, so a change to either asks it again.
    private func guardrails(near codes: Set<String>) async throws -> Set<String> {
        var result = Set<String>()
        for chunk in Array(codes).sorted().chunked(250) {
            let binds = chunk.map { $0 as any Encodable & Sendable }
            let query: SQLQueryString = """
                SELECT code FROM \(ident: IndicatorModel.schema) WHERE guardrail = \(SQLLiteral.boolean(true)) AND (code IN (\(binds: binds))
                OR code IN (SELECT driver_code FROM \(ident: IndicatorLinkModel.schema) WHERE result_code IN (\(binds: binds)))
                OR code IN (SELECT result_code FROM \(ident: IndicatorLinkModel.schema) WHERE driver_code IN (\(binds: binds)))
                OR code IN (SELECT indicator_code FROM \(ident: IndicatorGoalModel.schema) WHERE goal_code IN
                    (SELECT goal_code FROM \(ident: IndicatorGoalModel.schema) WHERE indicator_code IN (\(binds: binds)))))
                """
            for row in try await sql.raw(query).all() { result.insert(try row.decode(column: "code", as: String.self)) }
        }
        return result
    }

    /// Every guardrail indicator.
    private func guardrailCodes() async throws -> Set<String> {
        let query = sql.select().column("code").from(IndicatorModel.schema).where("guardrail", .equal, SQLLiteral.boolean(true))
        return Set(try await query.all().map { try $0.decode(column: "code", as: String.self) })
    }
}
