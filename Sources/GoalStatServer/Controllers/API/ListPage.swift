import Vapor

/// A page of a list (SPEC §5a): `{"items", "total", "page", "per"}`.
struct ListPage<Item: Content>: Content {
    var items: [Item]
    var total: Int
    var page: Int
    var per: Int

    /// Slices `all` by the request's `?page=&per=` (per defaults to 100, at most 1000).
    init(_ all: [Item], request: Request) throws {
        let page = try request.query.get(Int?.self, at: "page") ?? 1
        let per = try request.query.get(Int?.self, at: "per") ?? 100
        guard page >= 1 else { throw APIError.invalid("page", "page counts from 1") }
        guard (1...1000).contains(per) else { throw APIError.invalid("per", "per must be from 1 to 1000") }
        // A page far past the end is simply empty (and must not overflow).
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: per)
        let start = overflow ? all.count : min(offset, all.count)
        items = Array(all[start..<min(start + per, all.count)])
        total = all.count
        self.page = page
        self.per = per
    }
}
