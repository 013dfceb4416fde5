import Fluent
import GoalStatCore
import GoalStatStore
import Vapor

/// An indicator's values, their corrections, and its targets over the API.
struct MeasurementsAPIController {
    /// A stored value as JSON.
    struct MeasurementBody: Content {
        var indicator: String
        var period: String
        var orgUnit: String?
        var value: Double?
        var level: String?
        var status: MeasurementStatus
        var note: String?
        var revision: Int
        var source: String
        var enteredBy: String?
        var enteredAt: Date
    }

    /// A superseded value as JSON.
    struct RevisionBody: Content {
        var period: String
        var revision: Int
        var value: Double?
        var level: String?
        var status: MeasurementStatus
        var note: String?
        var source: String
        var supersededAt: Date
        /// Why the correction that replaced this value was made.
        var correctionReason: String?
    }

    func list(_ request: Request) async throws -> ListPage<MeasurementBody> {
        let code = try request.parameters.require("key")
        let orgUnit = try request.queryText("orgUnit")
        try await requireIndicator(code, on: request.db)
        let reporting = try await FrameworkStore.reporting(on: request.db)
        let series = try await MeasurementStore.series(indicator: code, orgUnit: orgUnit, on: request.db)
        return try ListPage(series.map { measurement in
            MeasurementBody(
                indicator: code, period: reporting.label(measurement.period), orgUnit: measurement.orgUnit,
                value: measurement.value, level: measurement.level, status: measurement.status, note: measurement.note,
                revision: measurement.revision, source: measurement.source.kind.rawValue,
                enteredBy: measurement.source.enteredBy, enteredAt: measurement.source.enteredAt
            )
        }, request: request)
    }

    /// Records one value (an object) or several (an array); all are stored or none.
    func record(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("key")
        try await requireIndicator(code, on: request.db)
        let entries: [MeasurementEntry]
        // The first byte decides the shape, so that a bad item of a list is reported as that item's problem.
        if request.jsonBodyIsArray {
            entries = try request.decodeJSONBody([MeasurementEntry].self)
        } else {
            entries = [try request.decodeJSONBody(MeasurementEntry.self)]
        }
        guard !entries.isEmpty else { throw APIError.invalid(nil, "send at least one value") }
        let catalog = try await MeasurementStore.catalog(indicators: [code], today: request.clock.today, on: request.db)
        var parsed: [ParsedMeasurement] = []
        var issues: [ImportIssue] = []
        var seen: [Period: Int] = [:]
        for (index, entry) in entries.enumerated() {
            switch entry.validate(indicator: code, catalog: catalog, line: index + 1) {
            case .success(let row):
                if let first = seen[row.period], parsed[first].orgUnit == row.orgUnit {
                    issues.append(ImportIssue(line: index + 1, column: "period", reason: "the same period is already item \(first + 1)"))
                } else {
                    seen[row.period] = parsed.count
                    parsed.append(row)
                }
            case .failure(let failure):
                issues += failure.issues
            }
        }
        guard issues.isEmpty else { throw EntryIssues(issues: issues) }
        let indicatorUnit = try await indicatorUnit(code, request: request)
        for unit in Set(parsed.compactMap(\.orgUnit)).sorted() {
            try await request.authorizeValues(.enterData, of: code, ownedBy: indicatorUnit, about: unit)
        }
        let audit = request.auditContext(.api)
        let summary: MeasurementImportSummary
        let timing = ReadModelTiming()
        do {
            summary = try await ReadModelTiming.$current.withValue(timing) {
                try await Transactions.run(on: request.db) { [parsed] tx in
                    try await MeasurementStore.store(parsed, kind: .api, label: "API", audit: audit, on: tx)
                }
            }
        } catch let refused as CorrectionsNeedReasons {
            throw EntryIssues(issues: refused.issues)
        }
        let response = Response(status: summary.added > 0 ? .created : .ok)
        try response.content.encode(summary)
        // How long the read model's update took within the request (W3C Server-Timing), in milliseconds.
        let milliseconds = Double(timing.duration.components.attoseconds) / 1e15 + Double(timing.duration.components.seconds) * 1000
        response.headers.add(name: "Server-Timing", value: "read-model;dur=\((milliseconds * 1000).rounded() / 1000)")
        return response
    }

    func revisions(_ request: Request) async throws -> ListPage<RevisionBody> {
        let code = try request.parameters.require("key")
        let orgUnit = try request.queryText("orgUnit")
        try await requireIndicator(code, on: request.db)
        let reporting = try await FrameworkStore.reporting(on: request.db)
        return try ListPage(try await MeasurementStore.revisions(indicator: code, orgUnit: orgUnit, on: request.db).map { item in
            RevisionBody(
                period: reporting.label(item.period), revision: item.revision.revision, value: item.revision.value,
                level: item.revision.level, status: item.revision.status, note: item.revision.note,
                source: item.revision.source.kind.rawValue, supersededAt: item.revision.supersededAt,
                correctionReason: item.revision.correctionReason
            )
        }, request: request)
    }

    /// Every target version of the indicator; with `?asOf=DATE`, only those in force on that date.
    func targets(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("key")
        try await requireIndicator(code, on: request.db)
        let reporting = try await FrameworkStore.reporting(on: request.db)
        let all = try await request.framework().targets.filter { $0.indicator == code }
        guard let asOf = try request.queryDate("asOf") else {
            return try await Self.tagged(ListPage(all, request: request), version: all.count, for: request)
        }
        let byUnit = Dictionary(grouping: all) { $0.orgUnit ?? "" }
        let inForce = byUnit.values.flatMap { versions in
            TargetHistory(versions.compactMap { TargetVersion($0, calendar: reporting.calendar) }).asOf(asOf).map(\.target)
        }
        let page = try ListPage(inForce.sorted { ($0.orgUnit ?? "", $0.period) < ($1.orgUnit ?? "", $1.period) }, request: request)
        return try await Self.tagged(page, version: all.count, for: request)
    }

    /// The list with the targets' version as its `ETag`, for `If-Match` on the next revision.
    private static func tagged(_ page: ListPage<Target>, version: Int, for request: Request) async throws -> Response {
        let response = try await page.encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(version)\"")
        return response
    }

    /// Adds a target version (a revision never overwrites).
    func addTarget(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("key")
        try await requireIndicator(code, on: request.db)
        var target = try request.decodeJSONBody(Target.self)
        guard target.indicator == code else {
            throw APIError.invalid("indicator", "the body's indicator '\(target.indicator)' differs from the path's '\(code)'")
        }
        target.rationale = target.rationale?.trimmingCharacters(in: .whitespacesAndNewlines)
        if target.rationale?.isEmpty ?? true { throw APIError.invalid("rationale", "say why the target is set or revised") }
        // The day a version became known is the day the server records it, by whoever sends it (issue 10): what the
        // body says of either is replaced; a decision taken earlier goes in `decidedOn`.
        let today = request.clock.today
        target.setOn = today.description
        target.setBy = request.principal.actor
        if let decided = target.decidedOn {
            guard let day = try? CalendarDate.parse(decided) else {
                throw APIError.invalid("decidedOn", "'\(decided)' is not a date in the form YYYY-MM-DD")
            }
            if day > today { throw APIError.invalid("decidedOn", "the decision date cannot be in the future") }
        }
        try await request.authorizeValues(.reviseTarget, of: code, ownedBy: try await indicatorUnit(code, request: request), about: target.orgUnit)
        let basedOn = try IfMatch.version(request)
        do {
            try await TargetService.addVersion(target, basedOn: basedOn, audit: request.auditContext(.api), on: request.db)
        } catch let error as TargetInputError {
            let field = error.fields.keys.sorted().first.map { $0 == "rangeMin" ? "range.min" : $0 == "rangeMax" ? "range.max" : $0 }
            throw APIError(
                status: .unprocessableEntity, code: "invalidValue",
                message: error.fields.sorted { $0.key < $1.key }.first?.value ?? "invalid target", field: field,
                details: error.fields.sorted { $0.key < $1.key }.map { APIErrorDetail(field: $0.key, reason: $0.value) }
            )
        }
        let response = Response(status: .created)
        try response.content.encode(target)
        return response
    }

    private func indicatorUnit(_ code: String, request: Request) async throws -> String {
        guard let unit = try await MeasurementStore.ownUnits(of: [code], on: request.db)[code] else {
            throw APIError.notFound("Indicator \(code)")
        }
        return unit
    }

    private func requireIndicator(_ code: String, on db: any Database) async throws {
        guard try await FrameworkStore.indicatorExists(code, on: db) else { throw APIError.notFound("Indicator \(code)") }
    }
}
