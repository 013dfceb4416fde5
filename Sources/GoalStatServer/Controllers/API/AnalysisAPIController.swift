import GoalStatCore
import GoalStatStore
import Vapor

/// The analysis of SPEC §4 over the API, in the JSON of SPEC §3.3.
struct AnalysisAPIController {
    /// The recalculations of an indicator's process limits, with their reasons.
    func rebases(_ request: Request) async throws -> ListPage<Rebase> {
        let code = try request.parameters.require("key")
        let document = try await request.framework()
        guard document.indicators.contains(where: { $0.code == code }) else { throw APIError.notFound("Indicator \(code)") }
        return try ListPage(document.rebases.filter { $0.indicator == code }, request: request)
    }

    /// Recalculates the limits from a period on; the body says why.
    func addRebase(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("key")
        let rebase = try request.decodeJSONBody(Rebase.self)
        guard rebase.indicator == code else {
            throw APIError.invalid("indicator", "the body's indicator '\(rebase.indicator)' differs from the path's '\(code)'")
        }
        let audit = request.auditContext(.api)
        _ = try await Transactions.run(on: request.db) { tx in
            try await FrameworkStore.importDocument(FrameworkDocument(rebases: [rebase]), audit: audit, on: tx)
        }
        let response = Response(status: .created)
        try response.content.encode(rebase)
        return response
    }

    /// Today's analysis of a total is the read model's, sent as stored; another unit's or another date's is worked
    /// out from that series' own rows.
    func indicator(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("key")
        let asOf = try request.queryDate("asOf")
        let state = try await request.readState()
        if try request.queryText("orgUnit") == nil, asOf == nil || asOf == state.asOf,
           try await request.framework().indicators.contains(where: { $0.code == code }) {
            // Kept by the process until the data changes, as pages are.
            return try await request.cached(.json) {
                if let stored = try await ReadModel.analysisJSON(of: code, on: request.db) { return String(decoding: stored, as: UTF8.self) }
                return String(decoding: try JSONEncoder().encode(try await analyse(request).1), as: UTF8.self)
            }
        }
        let (_, analysis) = try await analyse(request)
        let response = Response(status: .ok)
        try response.content.encode(analysis, using: JSONEncoder())
        return response
    }

    /// The same analysis drawn as the XmR chart of the indicator page, as a standalone SVG.
    func chartSVG(_ request: Request) async throws -> Response {
        let (indicator, analysis) = try await analyse(request)
        guard !indicator.isQualitative else {
            throw APIError.invalid(nil, "\(indicator.code) is a qualitative indicator: it has levels, not numbers to chart; its analysis tells its status")
        }
        let title = "\(indicator.name): process behaviour chart" + (analysis.orgUnit.map { ", \($0)" } ?? "")
        let svg = XmRChartSVG.render(analysis, title: title, unit: indicator.unit.text, decimals: indicator.decimals)
        let response = Response(status: .ok, body: .init(string: svg))
        response.headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        return response
    }

    /// Reads `key`, `orgUnit` and `asOf` and analyses the indicator (a qualitative one by its levels): 404 for an
    /// unknown one, 422 for a bad date.
    private func analyse(_ request: Request) async throws -> (Indicator, IndicatorAnalysis) {
        let code = try request.parameters.require("key")
        let orgUnit = try request.queryText("orgUnit")
        let asOf = try request.queryDate("asOf") ?? request.clock.today
        let analyses: [IndicatorAnalysis]
        do {
            analyses = try await AnalysisService.analyze(indicators: [code], orgUnit: orgUnit, asOf: asOf, on: request.db)
        } catch let error as AnalysisError {
            throw APIError.notFound("Indicator \(code)").with(message: error.message)
        }
        guard let analysis = analyses.first else { throw APIError.notFound("Indicator \(code)") }
        guard let indicator = try await request.framework().indicators.first(where: { $0.code == code }) else {
            throw APIError.notFound("Indicator \(code)")
        }
        return (indicator, analysis)
    }
}

extension APIError {
    func with(message: String) -> APIError {
        var copy = self
        copy.message = message
        return copy
    }
}
