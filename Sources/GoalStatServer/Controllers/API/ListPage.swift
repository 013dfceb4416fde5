import Vapor

/// A page of a list (SPEC §5a): `{"items", "total", "page", "per"}`.
struct ListPage<Item: Content>: Content {
    var items: [Item]
    var total: Int
    var page: Int
    var per: Int

    init(items: [Item], total: Int, page: Int, per: Int) {
        self.items = items
        self.total = total
        self.page = page
        self.per = per
    }

    /// Slices `all` by the request's `?page=&per=` (per defaults to 100, at most 1000).
    init(_ all: [Item], request: Request) throws {
        let (page, per) = try ListPaging.read(request)
        // A page far past the end is simply empty (and must not overflow).
        let (offset, overflow) = (page - 1).multipliedReportingOverflow(by: per)
        let start = overflow ? all.count : min(offset, all.count)
        items = Array(all[start..<min(start + per, all.count)])
        total = all.count
        self.page = page
        self.per = per
    }
}

/// The `?page=&per=` of a list request, checked: page from 1, per from 1 to 1000 (default 100).
enum ListPaging {
    static func read(_ request: Request, defaultPer: Int = 100) throws -> (page: Int, per: Int) {
        let page = try request.queryInt("page") ?? 1
        let per = try request.queryInt("per") ?? defaultPer
        guard page >= 1 else { throw APIError.invalidQuery("page", "page counts from 1") }
        guard (1...1000).contains(per) else { throw APIError.invalidQuery("per", "per must be from 1 to 1000") }
        return (page, per)
    }

    /// A page number a database offset can hold: any page past the end is empty anyway.
    static func clamped(_ page: Int, per: Int) -> Int {
        min(page, Int(Int32.max) / per)
    }
}

/// The version an `If-Match` header names (`"3"`, `W/"3"` or `3`): the `ETag` of the `GET` the edit started
/// from. Nil without the header or for `*` (any version).
enum IfMatch {
    static func version(_ request: Request) throws -> Int? {
        guard let header = request.headers.first(name: .ifMatch)?.trimmingCharacters(in: .whitespaces), header != "*" else { return nil }
        let bare = header.replacingOccurrences(of: "W/", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard let version = Int(bare) else { throw APIError.malformed("If-Match must be the ETag of a GET, like \"3\"", field: "If-Match") }
        return version
    }
}
