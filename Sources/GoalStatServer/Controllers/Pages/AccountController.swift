import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// A signed-in person's own account: password change and their API tokens.
struct AccountController {
    struct PasswordChange: Content {
        var current: String?
        var password: String?
        var confirm: String?
    }

    struct NewToken: Content {
        var name: String?
        var grants: [String]?
        var days: String?
    }

    func show(_ request: Request) async throws -> Response {
        try await page(request, status: .ok)
    }

    func changePassword(_ request: Request) async throws -> Response {
        let user = try requireUser(request)
        let change = try request.content.decode(PasswordChange.self)
        let hasher = request.application.passwordHasher
        guard let current = change.current, try await UserStore.authenticate(email: user.email, password: current, hasher: hasher, on: request.db) != nil else {
            return try await page(request, errors: ["current": "The current password is not right."], status: .unprocessableEntity)
        }
        guard let password = change.password, password == change.confirm else {
            return try await page(request, errors: ["confirm": "The two new passwords differ."], status: .unprocessableEntity)
        }
        do {
            try await UserStore.changePassword(of: user.id, to: password, hasher: hasher, context: request.auditContext(.form), on: request.db)
        } catch let error as AccessError {
            return try await page(request, errors: [error.field: error.message], status: .unprocessableEntity)
        }
        // Every session ended with the change; this browser gets a new one.
        let session = try await SessionStore.create(for: user.id, now: request.clock.now(), on: request.db)
        request.caller.session = session.session
        let response = try await page(request, notice: "Your password was changed. You were signed out everywhere else.", status: .ok)
        response.cookies[SessionCookie.name] = SessionCookie.make(session, secure: request.application.serverSettings.tlsProxy)
        return response
    }

    func createToken(_ request: Request) async throws -> Response {
        let user = try requireUser(request)
        let form = try request.content.decode(NewToken.self)
        do {
            let created = try await AccountTokens.create(
                name: form.name ?? "", grants: form.grants ?? [], days: form.days, for: user, request: request, source: .form
            )
            return try await page(request, newToken: created.token, status: .created)
        } catch let error as APIError {
            return try await page(request, errors: [error.field ?? "name": error.message], status: error.status)
        }
    }

    func revokeToken(_ request: Request) async throws -> Response {
        try await AccountTokens.revoke(try request.parameters.require("id"), request: request, source: .form)
        return request.redirect(to: SiteURL.account.path, redirectType: .normal)
    }

    private func page(
        _ request: Request, newToken: String? = nil, notice: String? = nil, errors: [String: String] = [:], status: HTTPResponseStatus
    ) async throws -> Response {
        let user = try requireUser(request)
        let tokens = try await APITokenStore.list(owner: user.id, on: request.db)
        let page = AccountPage(user: user, tokens: tokens, newToken: newToken, notice: notice, errors: errors)
        let response = page.render(request.pageContext).htmlResponse(status: status)
        // A page showing a secret must not be kept by any cache.
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    private func requireUser(_ request: Request) throws -> UserAccount {
        guard let user = request.caller.user else { throw AccessDenied.notSignedIn }
        return user
    }
}

/// Creating and revoking API tokens, shared by the account page and the API.
enum AccountTokens {
    /// A token for `user` with the chosen grants (`ROLE@UNIT` texts), which must all be within the roles of the
    /// request making it: the person's own when signed in, the calling token's when a token makes another, so a
    /// narrow token can never mint a wider one.
    static func create(
        name: String, grants texts: [String], days: String?, for user: UserAccount, request: Request, source: AuditSource
    ) async throws -> NewAPIToken {
        var grants: [RoleGrant] = []
        for text in texts {
            do {
                grants.append(try RoleGrant(parsing: text))
            } catch {
                throw APIError.invalid("grants", error.message)
            }
        }
        guard !grants.isEmpty else { throw APIError.invalid("grants", "choose at least one role for the token") }
        guard AccessPolicy.covers(request.principal.grants, grants, tree: try await request.orgTree()) else {
            let whose = request.caller.token == nil ? "its owner does not hold" : "the token making it does not hold"
            throw APIError(status: .forbidden, code: "forbidden", message: "A token cannot have roles \(whose).", field: "grants")
        }
        var expiresAt: Date?
        if let days = days?.trimmingCharacters(in: .whitespaces), !days.isEmpty {
            guard let count = Int(days), (1...3650).contains(count) else {
                throw APIError.invalid("days", "'\(days)' is not a number of days from 1 to 3650")
            }
            expiresAt = request.clock.now().addingTimeInterval(Double(count) * 86_400)
        }
        do {
            return try await APITokenStore.create(
                name: name, owner: user.id, grants: grants, expiresAt: expiresAt, context: request.auditContext(source), on: request.db
            )
        } catch let error as AccessError {
            throw APIError.invalid(error.field, error.message)
        }
    }

    /// Revokes one of the signed-in person's tokens; someone who manages users may revoke anyone's.
    static func revoke(_ idText: String, request: Request, source: AuditSource) async throws {
        guard let user = request.caller.user else { throw AccessDenied.notSignedIn }
        guard let id = UUID(uuidString: idText) else { throw APIError.notFound("Token \(idText)") }
        let mine = try await APITokenStore.list(owner: user.id, on: request.db).contains { $0.id == id }
        guard mine || request.principal.mayEverywhere(.manageUsers) else { throw APIError.notFound("Token \(idText)") }
        guard try await APITokenStore.revoke(id: id, context: request.auditContext(source), on: request.db) else {
            throw APIError.notFound("Active token \(idText)")
        }
    }
}
