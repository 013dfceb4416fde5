import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// The signed-in principal, API tokens, users and the audit log over the API.
struct AccountAPIController {
    struct Me: Content {
        var email: String
        var name: String
        var grants: [String]
        /// How this request signed in: `session` or `token`.
        var via: String
    }

    struct TokenBody: Content {
        var id: UUID
        var name: String
        var grants: [String]
        var createdAt: Date
        var expiresAt: Date?
        var revokedAt: Date?
        var lastUsedAt: Date?

        init(_ record: APITokenRecord) {
            id = record.id
            name = record.name
            grants = record.grants.map(\.description)
            createdAt = record.createdAt
            expiresAt = record.expiresAt
            revokedAt = record.revokedAt
            lastUsedAt = record.lastUsedAt
        }
    }

    struct NewTokenRequest: Content {
        var name: String
        var grants: [String]
        var expiresInDays: Int?
    }

    struct NewTokenBody: Content {
        /// The token itself: shown in this answer only.
        var token: String
        var record: TokenBody
    }

    struct UserBody: Content {
        var id: UUID
        var email: String
        var name: String
        var isActive: Bool
        var grants: [String]

        init(_ user: UserAccount) {
            id = user.id.rawValue
            email = user.email
            name = user.name
            isActive = user.isActive
            grants = user.grants.map(\.description)
        }
    }

    struct NewUserRequest: Content {
        var email: String
        var name: String
        var password: String
        var grants: [String]?
    }

    func me(_ request: Request) async throws -> Me {
        guard let user = request.caller.user else { throw AccessDenied.notSignedIn }
        return Me(
            email: user.email, name: user.name, grants: request.principal.grants.map(\.description),
            via: request.caller.token == nil ? "session" : "token"
        )
    }

    func tokens(_ request: Request) async throws -> ListPage<TokenBody> {
        guard let user = request.caller.user else { throw AccessDenied.notSignedIn }
        return try ListPage(try await APITokenStore.list(owner: user.id, on: request.db).map(TokenBody.init), request: request)
    }

    func createToken(_ request: Request) async throws -> Response {
        guard let user = request.caller.user else { throw AccessDenied.notSignedIn }
        let body = try request.decodeJSONBody(NewTokenRequest.self)
        let created = try await AccountTokens.create(
            name: body.name, grants: body.grants, days: body.expiresInDays.map(String.init), for: user, request: request, source: .api
        )
        let response = Response(status: .created)
        try response.content.encode(NewTokenBody(token: created.token, record: TokenBody(created.record)))
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func revokeToken(_ request: Request) async throws -> HTTPStatus {
        try await AccountTokens.revoke(try request.parameters.require("id"), request: request, source: .api)
        return .noContent
    }

    func users(_ request: Request) async throws -> ListPage<UserBody> {
        try ListPage(try await UserStore.all(on: request.db).map(UserBody.init), request: request)
    }

    func createUser(_ request: Request) async throws -> Response {
        let body = try request.decodeJSONBody(NewUserRequest.self)
        let user = try await UserAdministration.create(
            email: body.email, name: body.name, password: body.password, grants: body.grants ?? [], request: request, source: .api
        )
        let response = Response(status: .created)
        try response.content.encode(UserBody(user))
        return response
    }

    func audit(_ request: Request) async throws -> ListPage<AuditEntry> {
        let filter = try AuditPageController.filter(request)
        let (page, per) = try ListPaging.read(request)
        let result = try await AuditLog.search(filter, page: ListPaging.clamped(page, per: per), per: per, on: request.db)
        var list = try ListPage<AuditEntry>([], request: request)
        list.items = result.items
        list.total = result.total
        return list
    }
}


