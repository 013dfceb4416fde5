import Fluent
import GoalStatCore
import GoalStatStore
import Vapor

/// List, read, create and update for a framework record addressed by its key (org units, people, goals, indicators,
/// milestones). Every write is a one-record framework import, so the API and files obey the same rules.
struct FrameworkResourceController<Record: Content & Equatable>: Sendable {
    var name: String
    var key: @Sendable (Record) -> String
    var records: @Sendable (FrameworkDocument) -> [Record]
    var document: @Sendable (Record) -> FrameworkDocument
    var kind: FrameworkStore.RemovableKind

    func list(_ request: Request) async throws -> ListPage<Record> {
        try ListPage(records(try await FrameworkStore.exportDocument(on: request.db)), request: request)
    }

    func show(_ request: Request) async throws -> Record {
        let code = try request.parameters.require("key")
        guard let record = records(try await FrameworkStore.exportDocument(on: request.db)).first(where: { key($0) == code }) else {
            throw APIError.notFound("\(name) \(code)")
        }
        return record
    }

    func create(_ request: Request) async throws -> Response {
        let record = try request.content.decode(Record.self)
        let audit = request.auditContext(.api)
        try await Transactions.run(on: request.db) { [self] tx in
            if records(try await FrameworkStore.exportDocument(on: tx)).contains(where: { key($0) == key(record) }) {
                throw APIError.conflict("\(name) \(key(record)) already exists; update it with PUT", field: "code")
            }
            _ = try await FrameworkStore.importDocument(document(record), audit: audit, on: tx)
        }
        let response = Response(status: .created)
        try response.content.encode(record)
        return response
    }

    func update(_ request: Request) async throws -> Record {
        let code = try request.parameters.require("key")
        let record = try request.content.decode(Record.self)
        guard key(record) == code else {
            throw APIError.invalid("code", "the body's key '\(key(record))' differs from the path's '\(code)'; keys cannot be renamed")
        }
        let audit = request.auditContext(.api)
        try await Transactions.run(on: request.db) { [self] tx in
            guard records(try await FrameworkStore.exportDocument(on: tx)).contains(where: { key($0) == code }) else {
                throw APIError.notFound("\(name) \(code)")
            }
            _ = try await FrameworkStore.importDocument(document(record), audit: audit, on: tx)
        }
        return record
    }

    /// Removes the record; refused with 409 while others refer to it.
    func delete(_ request: Request) async throws -> HTTPStatus {
        let code = try request.parameters.require("key")
        let audit = request.auditContext(.api)
        try await Transactions.run(on: request.db) { [self] tx in
            guard records(try await FrameworkStore.exportDocument(on: tx)).contains(where: { key($0) == code }) else {
                throw APIError.notFound("\(name) \(code)")
            }
            do {
                try await FrameworkStore.remove(kind, key: code, audit: audit, on: tx)
            } catch let error as FrameworkRemovalError {
                throw APIError(
                    status: .conflict, code: "stillReferenced", message: error.message, field: nil,
                    details: error.referencedBy.map { APIErrorDetail(reason: "referred to by \($0)") }
                )
            }
        }
        return .noContent
    }
}
