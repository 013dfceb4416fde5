import Fluent
import GoalStatCore
import GoalStatStore
import Vapor

/// List, read, create, update and remove a framework record addressed by its key (org units, people, goals,
/// indicators, milestones). Every write is a one-record framework import, so the API and files obey the same rules.
///
/// The route's rule has checked the record in the path; this controller checks the unit a body names too (a new
/// record's, or the unit an update moves a record to), and every other record the body newly names (a goal's
/// parent, an indicator's goals, a leader): see `FrameworkDocument.refusedReference`. Goals and indicators carry a version: `GET` sends it as the
/// `ETag`, and a `PUT` with `If-Match` from a stale version is refused with 409 and the current record.
struct FrameworkResourceController<Record: Content & Equatable & ReferencingRecord>: Sendable {
    var name: String
    var kind: RecordKind
    var key: @Sendable (Record) -> String
    var records: @Sendable (FrameworkDocument) -> [Record]
    var document: @Sendable (Record) -> FrameworkDocument
    /// The unit whose roles govern a record (for an org unit: its parent; nil means every unit).
    var owner: @Sendable (Record, FrameworkDocument) -> String?

    /// Pages in the database for the long lists (goals, indicators); the short ones are sliced from the framework
    /// the process keeps.
    var pageInDatabase: (@Sendable (_ scope: UnitScope, _ offset: Int, _ limit: Int, _ db: any Database) async throws -> (items: [Record], total: Int))?
    /// A record as a visitor who is not signed in reads it (no e-mail addresses: `FrameworkDocument.published()`),
    /// for the lists paged in the database.
    var forVisitors: (@Sendable (Record, FrameworkDocument) -> Record)?

    /// A page of the list, kept by the process until the data changes (`Request.cached`).
    func list(_ request: Request) async throws -> Response {
        try await request.cached(.json) {
            String(decoding: try JSONEncoder().encode(try await listPage(request)), as: UTF8.self)
        }
    }

    private func listPage(_ request: Request) async throws -> ListPage<Record> {
        guard let pageInDatabase else { return try ListPage(records(try await request.visibleFramework()), request: request) }
        let (page, per) = try ListPaging.read(request)
        let scope = request.principal.scope(.readPrivate, tree: try await request.orgTree())
        let (offset, overflow) = (ListPaging.clamped(page, per: per) - 1).multipliedReportingOverflow(by: per)
        let found = try await pageInDatabase(scope, overflow ? Int(Int32.max) : offset, per, request.db)
        if let forVisitors, !request.principal.isSignedIn {
            let document = try await request.framework()
            return ListPage(items: found.items.map { forVisitors($0, document) }, total: found.total, page: page, per: per)
        }
        return ListPage(items: found.items, total: found.total, page: page, per: per)
    }

    func show(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("key")
        guard let record = records(try await request.visibleFramework()).first(where: { key($0) == code }) else {
            throw APIError.notFound("\(name) \(code)")
        }
        let response = try await record.encodeResponse(for: request)
        if let versioned = versionedKind, let version = try await FrameworkStore.version(of: versioned, key: code, on: request.db) {
            response.headers.replaceOrAdd(name: .eTag, value: Self.eTag(version))
        }
        return response
    }

    func create(_ request: Request) async throws -> Response {
        let record = try request.decodeJSONBody(Record.self)
        try await add(record, request: request, source: .api)
        let response = Response(status: .created)
        try response.content.encode(record)
        return response
    }

    func update(_ request: Request) async throws -> Response {
        let code = try request.parameters.require("key")
        let record = try request.decodeJSONBody(Record.self)
        let version = try await replace(code, with: record, expectedVersion: try expectedVersion(request), request: request, source: .api)
        let response = try await record.encodeResponse(for: request)
        if let version { response.headers.replaceOrAdd(name: .eTag, value: Self.eTag(version)) }
        return response
    }

    /// Removes the record; refused with 409 while others refer to it.
    func delete(_ request: Request) async throws -> HTTPStatus {
        try await remove(try request.parameters.require("key"), request: request, source: .api)
        return .noContent
    }

    // MARK: Writes, shared by the API and the pages' forms

    /// Adds a new record after checking where it belongs and what it names; 409 when its key is taken.
    func add(_ record: Record, request: Request, source: AuditSource) async throws {
        try await request.authorize(.editFramework, in: owner(record, try await request.framework()), what: "the new \(name.lowercased())")
        try await checkReferences(of: record, replacing: nil, request: request)
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { [self] tx in
            if try await FrameworkStore.exists(removableKind, key: key(record), on: tx) {
                throw APIError.conflict("\(name) \(key(record)) already exists; update it with PUT", field: "code")
            }
            _ = try await FrameworkStore.importDocument(document(record), audit: audit, on: tx)
        }
    }

    /// Replaces the stored record `code` (keys cannot be renamed); with `expectedVersion`, a goal or indicator
    /// changed meanwhile is refused with `StaleVersion`. Returns the new version of a versioned record.
    func replace(_ code: String, with record: Record, expectedVersion: Int?, request: Request, source: AuditSource) async throws -> Int? {
        guard key(record) == code else {
            throw APIError.invalid("code", "the body's key '\(key(record))' differs from the path's '\(code)'; keys cannot be renamed")
        }
        let stored = try await request.framework()
        try await request.authorize(.editFramework, in: owner(record, stored), what: "where the \(name.lowercased()) would belong")
        try await checkReferences(of: record, replacing: records(stored).first { key($0) == code }, request: request)
        let audit = request.auditContext(source)
        return try await Transactions.run(on: request.db) { [self] tx -> Int? in
            guard try await FrameworkStore.exists(removableKind, key: code, on: tx) else { throw APIError.notFound("\(name) \(code)") }
            if let versioned = versionedKind, let expectedVersion,
               let stored = try await FrameworkStore.version(of: versioned, key: code, on: tx), stored != expectedVersion {
                // Rare: only then is the whole framework read, for the current record the answer carries.
                guard let current = records(try await FrameworkStore.exportDocument(on: tx)).first(where: { key($0) == code }) else {
                    throw APIError.notFound("\(name) \(code)")
                }
                throw try StaleVersion(current: current, version: stored, name: name)
            }
            _ = try await FrameworkStore.importDocument(document(record), audit: audit, on: tx)
            guard let versioned = versionedKind else { return nil }
            return try await FrameworkStore.version(of: versioned, key: code, on: tx)
        }
    }

    /// Removes the record `code`; refused with 409 and what refers to it while others do.
    func remove(_ code: String, request: Request, source: AuditSource) async throws {
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { [self] tx in
            guard try await FrameworkStore.exists(removableKind, key: code, on: tx) else { throw APIError.notFound("\(name) \(code)") }
            do {
                try await FrameworkStore.remove(removableKind, key: code, audit: audit, on: tx)
            } catch let error as FrameworkRemovalError {
                throw APIError(
                    status: .conflict, code: "stillReferenced", message: error.message, field: nil,
                    details: error.referencedBy.map { APIErrorDetail(reason: "referred to by \($0)") }
                )
            }
        }
    }

    /// Refuses a record that names one the caller may not name; an unknown record gets the same answer, so the
    /// answer never tells which private records exist.
    private func checkReferences(of record: Record, replacing current: Record?, request: Request) async throws {
        guard let refused = try await request.framework().refusedReference(in: record, replacing: current, by: request.principal) else {
            return
        }
        let what = refused.changesTarget ? "that you may add to" : "that you may name"
        throw APIError(
            status: .unprocessableEntity, code: "unknownReference",
            message: "There is no \(refused.kind.plainWords) '\(refused.key)' \(what) in \(refused.field).", field: refused.field
        )
    }

    var versionedKind: FrameworkStore.VersionedKind? { FrameworkStore.VersionedKind(rawValue: kind.rawValue) }

    var removableKind: FrameworkStore.RemovableKind {
        switch kind {
        case .orgUnit: .orgUnit
        case .person: .person
        case .goal: .goal
        case .indicator: .indicator
        case .milestone: .milestone
        }
    }

    private func expectedVersion(_ request: Request) throws -> Int? {
        versionedKind == nil ? nil : try IfMatch.version(request)
    }

    static func eTag(_ version: Int) -> String { "\"\(version)\"" }
}

extension FrameworkResourceController {
    init(
        name: String, kind: RecordKind, key: @escaping @Sendable (Record) -> String,
        records: @escaping @Sendable (FrameworkDocument) -> [Record], document: @escaping @Sendable (Record) -> FrameworkDocument,
        owner: @escaping @Sendable (Record) -> String?
    ) {
        self.init(name: name, kind: kind, key: key, records: records, document: document, owner: { record, _ in owner(record) })
    }

    init(
        name: String, kind: RecordKind, key: @escaping @Sendable (Record) -> String,
        records: @escaping @Sendable (FrameworkDocument) -> [Record], document: @escaping @Sendable (Record) -> FrameworkDocument,
        ownerIn: @escaping @Sendable (Record, FrameworkDocument) -> String?
    ) {
        self.init(name: name, kind: kind, key: key, records: records, document: document, owner: ownerIn)
    }
}

/// An edit made from a version that is no longer the stored one: 409 with the current record and its version.
struct StaleVersion: Error {
    var apiError: APIError

    init<Record: Encodable>(current: Record, version: Int, name: String) throws {
        let value = try JSONValue(encoding: current)
        apiError = APIError(
            status: .conflict, code: "staleVersion",
            message: "\(name) was changed by someone else since you read it (now version \(version)); merge your change into the current values and send it again with If-Match: \"\(version)\".",
            field: "If-Match",
            details: [APIErrorDetail(field: "current", reason: "the record as it is stored now", current: value)]
        )
    }
}
