import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// The audit log page and its CSV export, filtered by `?entity=&key=&actor=&source=&origin=&from=&to=&batch=`.
struct AuditPageController {
    func show(_ request: Request) async throws -> Response {
        let filter = try Self.filter(request)
        let (page, per) = try ListPaging.read(request)
        let result = try await AuditLog.search(filter, page: ListPaging.clamped(page, per: per), per: per, on: request.db)
        let view = AuditPage(filter: filter, entries: .init(items: result.items, total: result.total, page: result.page, per: result.per))
        return view.render(request.pageContext).htmlResponse()
    }

    func csv(_ request: Request) async throws -> Response {
        let filter = try Self.filter(request)
        let text = try await AuditLog.csv(filter: filter, on: request.db)
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"goalstat-audit.csv\"")
        return response
    }

    /// The filter of the query string; empty values mean "any". Shared with `GET /api/v1/audit`.
    static func filter(_ request: Request) throws -> AuditFilter {
        var filter = AuditFilter()
        // Entity kinds are open (a new kind of record needs no schema change): an unknown one matches nothing.
        filter.entity = try request.queryText("entity").map(AuditEntityKind.init(rawValue:))
        filter.key = try request.queryText("key")
        filter.actor = try request.queryText("actor")
        filter.source = try request.queryChoice("source", AuditSource.self)
        filter.batch = try request.queryUUID("batch")
        filter.origin = try request.queryChoice("origin", AuditOrigin.self)
        filter.from = try request.queryDate("from")
        filter.to = try request.queryDate("to")
        if let from = filter.from, let to = filter.to, to < from {
            throw APIError.invalidQuery("to", "the range ends (\(to)) before it starts (\(from))")
        }
        return filter
    }
}
