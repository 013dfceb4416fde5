import FluentKit
import Foundation
import GoalStatCore

/// `goalstat analyze` over a whole database, a piece at a time: analyses are handed over one by one and the
/// integrity checks run on groups of indicators, so that memory stays bounded by a group whatever the data set.
public enum AnalysisStream {
    /// Each indicator's analysis as compact JSON (SPEC §3.3), in framework order. Today's totals are the read
    /// model's, as stored; another unit or another date is worked out a chunk of indicators at a time.
    public static func analyses(
        indicators codes: [String], orgUnit: String?, asOf: CalendarDate, on db: any Database, _ body: (Data) throws -> Void
    ) async throws {
        let wanted = try await indicatorCodes(codes, on: db)
        if orgUnit == nil, try await ReadModel.state(on: db).asOf == asOf {
            for chunk in wanted.chunked(200) {
                var stored: [String: Data] = [:]
                try await ReadModel.eachAnalysisJSON(of: chunk, on: db) { code, json in stored[code] = json }
                for code in chunk { if let json = stored[code] { try body(json) } }
            }
            return
        }
        let encoder = JSONEncoder()
        for chunk in wanted.chunked(ReadModelBuilder.chunkSize) {
            for analysis in try await AnalysisService.analyze(indicators: chunk, orgUnit: orgUnit, asOf: asOf, on: db) {
                try body(try encoder.encode(analysis))
            }
        }
    }

    /// Each indicator's verdict (status, latest, target, assurance, forecast), in framework order.
    public static func verdicts(
        indicators codes: [String], orgUnit: String?, asOf: CalendarDate, on db: any Database, _ body: (IndicatorVerdict) throws -> Void
    ) async throws {
        let wanted = try await indicatorCodes(codes, on: db)
        let stored = try await ReadModel.state(on: db).asOf == asOf
        for chunk in wanted.chunked(ReadModelBuilder.chunkSize) {
            if stored {
                let verdicts = try await ReadModel.verdicts(of: chunk, orgUnit: orgUnit, on: db)
                for code in chunk { if let verdict = verdicts[code] { try body(verdict) } }
            } else {
                for analysis in try await AnalysisService.analyze(indicators: chunk, orgUnit: orgUnit, asOf: asOf, on: db) {
                    try body(IndicatorVerdict(analysis))
                }
            }
        }
    }

    /// The integrity findings (SPEC §4) of these indicators (every one when empty): today's as the read model
    /// keeps them; another date's worked out a group at a time.
    public static func integrity(
        indicators codes: [String], asOf: CalendarDate, on db: any Database, _ body: (IntegrityFinding) throws -> Void
    ) async throws {
        if try await ReadModel.state(on: db).asOf == asOf {
            try await ReadModel.eachIntegrityFinding(of: codes.isEmpty ? nil : Set(codes), on: db, body)
            return
        }
        let reporting = try await FrameworkStore.reporting(on: db)
        let all = try await FrameworkStore.indicators(on: db)
        let links = try await FrameworkStore.links(on: db)
        let only = codes.isEmpty ? nil : Set(codes)
        for chunk in IntegrityChunks.split(all, links: links, size: 20) {
            let members = chunk.map(\.code)
            if let only, only.isDisjoint(with: members) { continue }
            let inChunk = Set(members)
            let series = try await MeasurementStore.measurementsOfEveryUnit(indicators: members, on: db)
            let input = IntegrityInput(
                indicators: chunk, links: links.filter { inChunk.contains($0.driver) && inChunk.contains($0.result) },
                targets: try await FrameworkStore.targets(of: members, on: db),
                measurements: series.values.flatMap { $0 }, today: asOf, calendar: reporting.calendar
            )
            for flag in IntegrityChecks.run(input) where only?.contains(flag.indicator) ?? true {
                try body(IntegrityFinding(flag, reporting: reporting))
            }
        }
    }

    /// The codes asked for, checked, or every indicator's in framework order.
    private static func indicatorCodes(_ codes: [String], on db: any Database) async throws -> [String] {
        guard codes.isEmpty else {
            let known = Set(try await FrameworkStore.indicators(codes, on: db).map(\.code))
            if let unknown = codes.first(where: { !known.contains($0) }) { throw AnalysisError.unknownIndicator(unknown) }
            return codes
        }
        return try await IndicatorModel.query(on: db).sort(\.$position).sort(\.$code).all(\.$code)
    }
}
