import GoalStatCore
import GoalStatStore
import Vapor

/// An org unit beside its peers (practice 5; docs/peers.md), for the page and the API alike: which indicators they
/// share (a page of them, found in the database), and for each a league table and, for a ratio of counts, a
/// funnel plot — all from the read model's stored verdicts, so nothing is analysed again per request.
struct PeerReport: Encodable, Sendable {
    var orgUnit: String
    var parent: String?
    /// The other units under the same parent, in org-tree order.
    var peers: [String]
    /// One page of the shared indicators, each compared.
    var items: [PeerIndicatorComparison]
    var total: Int
    var page: Int
    var per: Int
}

enum PeerService {
    /// The most shared indicators one page or answer holds: each brings a league table and a chart.
    static let maximumPer = 50

    /// The report on the unit in the path (`:code` on pages, `:key` in the API), paged by `?page=&per=`.
    static func report(_ request: Request, code: String, defaultPer: Int) async throws -> (PeerReport, FrameworkDocument) {
        let page = try request.queryInt("page") ?? 1
        let per = try request.queryInt("per") ?? defaultPer
        guard page >= 1 else { throw APIError.invalidQuery("page", "page counts from 1") }
        guard (1...maximumPer).contains(per) else { throw APIError.invalidQuery("per", "per must be from 1 to \(maximumPer)") }
        _ = try await request.readState()
        let full = try await request.framework()
        guard let unit = full.orgUnits.first(where: { $0.code == code }), let peers = PeerGroup.peers(of: code, in: full.orgUnits) else {
            throw APIError.notFound("Org unit \(code)")
        }
        let document = full.visible(to: request.principal)
        let scope = request.principal.scope(.readPrivate, tree: OrgTree(full.orgUnits))
        let clamped = ListPaging.clamped(page, per: per)
        let (codes, total) = try await ReadModel.sharedIndicators(
            of: code, peers: peers, readableIn: scope, offset: (clamped - 1) * per, limit: per, on: request.db
        )
        let indicators = Dictionary(document.indicators.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        // A ratio's two counts are read too (when the reader may see them), for its funnel plot.
        let parts = Dictionary(codes.compactMap { code in
            indicators[code]?.formula.flatMap(FunnelPlot.ratioParts(of:)).flatMap { parts in
                indicators[parts.numerator] != nil && indicators[parts.denominator] != nil ? (code, parts) : nil
            }
        }, uniquingKeysWith: { first, _ in first })
        let wanted = Array(Set(codes + parts.values.flatMap { [$0.numerator, $0.denominator] })).sorted()
        let verdicts = try await ReadModel.unitVerdicts(of: wanted, orgUnits: [code] + peers, on: request.db)
        let calendar = Reporting(plan: full.plan).calendar
        let items = codes.compactMap { indicatorCode -> PeerIndicatorComparison? in
            guard let indicator = indicators[indicatorCode] else { return nil }
            let ratio = parts[indicatorCode]
            return PeerComparison.compare(
                indicator: indicator, verdicts: verdicts[indicatorCode] ?? [:],
                numerators: ratio.flatMap { verdicts[$0.numerator] } ?? [:],
                denominators: ratio.flatMap { verdicts[$0.denominator] } ?? [:],
                names: ratio.map { [$0.numerator: indicators[$0.numerator]?.name ?? $0.numerator, $0.denominator: indicators[$0.denominator]?.name ?? $0.denominator] } ?? [:],
                calendar: calendar
            )
        }
        return (PeerReport(orgUnit: unit.code, parent: unit.parent, peers: peers, items: items, total: total, page: page, per: per), document)
    }
}

/// `GET /org-units/{code}/peers` and `GET /api/v1/org-units/{key}/peers`.
struct PeersController {
    /// Ten shared indicators a page; `?page=` goes on.
    static let pagePer = 10

    func page(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("code")
        return try await request.cachedPage {
            let (report, document) = try await PeerService.report(request, code: code, defaultPer: Self.pagePer)
            return PeersPageModel(report: report, document: document).render(request.pageContext)
        }
    }

    func api(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("key")
        return try await request.cached(.json) {
            let (report, _) = try await PeerService.report(request, code: code, defaultPer: 20)
            return String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        }
    }
}
