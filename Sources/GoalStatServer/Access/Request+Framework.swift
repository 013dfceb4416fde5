import Fluent
import GoalStatCore
import GoalStatStore
import Vapor

extension Request {
    private struct FrameworkKey: StorageKey {
        typealias Value = FrameworkDocument
    }

    private struct ReadStateKey: StorageKey {
        typealias Value = ReadModel.State
    }

    /// The read model's state for today, read once per request: one indexed query, unless the model was worked
    /// out for another date and is worked out again first (`ReadModel.ensureCurrent`).
    func readState() async throws -> ReadModel.State {
        if let known = storage[ReadStateKey.self] { return known }
        let state = try await ReadModel.ensureCurrent(asOf: clock.today, on: db)
        storage[ReadStateKey.self] = state
        return state
    }

    /// The stored framework as of this request's read (authorization and the handler share it): the process
    /// reads it once per change, whichever process made the change (`ReadCache`). Writes read their own copy
    /// inside their transaction.
    func framework() async throws -> FrameworkDocument {
        if let cached = storage[FrameworkKey.self] { return cached }
        // Kept under the framework's own counter: a saved value does not change it.
        let counter = try await readState().framework
        let document = try await application.readCache.framework(counter: counter) {
            try await FrameworkStore.exportDocument(on: db)
        }
        storage[FrameworkKey.self] = document
        return document
    }

    /// The framework as this request's principal may read it: published records, and private ones of their units.
    /// A visitor who is not signed in reads what the public reads (`published()`): no e-mail addresses, no
    /// unpublished narratives.
    func visibleFramework() async throws -> FrameworkDocument {
        principal.isSignedIn ? try await framework().visible(to: principal) : try await publicFramework()
    }

    /// What the public may read, whoever is asking: what the portal and the open data show.
    func publicFramework() async throws -> FrameworkDocument {
        try await framework().published()
    }

    /// The org tree as of this request's read: the process reads the org units once per change.
    func orgTree() async throws -> OrgTree {
        if let document = storage[FrameworkKey.self] { return OrgTree(document.orgUnits) }
        let counter = try await readState().framework
        return try await application.readCache.orgTree(counter: counter) { try await FrameworkStore.orgUnits(on: db) }
    }

    /// A page as rendered for this reader at this state of the data, kept by the process until the data changes.
    func cachedPage(_ render: () async throws -> String) async throws -> Response {
        try await cached(.html, render)
    }

    /// A document (a page, an API list) made for this reader at this state of the data, kept by the process until
    /// the data changes: the key holds the address, the reader's roles and what the page's layout shows of them.
    func cached(_ type: HTTPMediaType, _ render: () async throws -> String) async throws -> Response {
        let counter = try await readState().counter
        let context = pageContext
        let key = [
            type.description, url.string, principal.actor ?? "", principal.grants.map { "\($0)" }.joined(separator: ","),
            context.userName ?? "", context.csrfToken ?? "", clock.today.description,
        ].joined(separator: "\u{1F}")
        let body = try await application.readCache.page(key, counter: counter, render: render)
        var headers = HTTPHeaders()
        headers.contentType = type
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
