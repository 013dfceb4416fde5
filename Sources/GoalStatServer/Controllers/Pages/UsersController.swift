import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// Managing users (the `manageUsers` action, everywhere): add, give and take roles, deactivate.
struct UsersController {
    struct NewUser: Content {
        var email: String?
        var name: String?
        var password: String?
        var grants: String?
    }

    struct GrantChange: Content {
        var grant: String?
        var change: String?
    }

    struct ActiveChange: Content {
        var active: String?
    }

    func list(_ request: Request) async throws -> Response {
        try await listPage(request, form: nil, errors: [:], notice: nil, status: .ok)
    }

    func create(_ request: Request) async throws -> Response {
        let form = try request.content.decode(NewUser.self)
        do {
            let user = try await UserAdministration.create(
                email: form.email ?? "", name: form.name ?? "", password: form.password ?? "",
                grants: (form.grants ?? "").split(whereSeparator: \.isNewline).map(String.init), request: request, source: .form
            )
            return try await listPage(request, form: nil, errors: [:], notice: "\(user.name) was added.", status: .created)
        } catch let error as AccessError {
            return try await listPage(request, form: form, errors: [error.field: error.message], notice: nil, status: .unprocessableEntity)
        }
    }

    func show(_ request: Request) async throws -> Response {
        let user = try await requireUser(request)
        return UserPage(user: user, errors: [:]).render(request.pageContext).htmlResponse()
    }

    func changeGrant(_ request: Request) async throws -> Response {
        let user = try await requireUser(request)
        let form = try request.content.decode(GrantChange.self)
        guard [nil, "grant", "revoke"].contains(form.change) else { throw APIError.invalid("change", "change is grant or revoke") }
        let grant: RoleGrant
        do {
            grant = try RoleGrant(parsing: (form.grant ?? "").trimmingCharacters(in: .whitespaces))
            try await UserAdministration.checkUnit(of: grant, request: request)
        } catch let error as AccessError {
            return UserPage(user: user, errors: [error.field: error.message]).render(request.pageContext).htmlResponse(status: .unprocessableEntity)
        }
        let context = request.auditContext(.form)
        if form.change == "revoke" {
            try await UserStore.revoke(grant, from: user.id, context: context, on: request.db)
        } else {
            try await UserStore.grant(grant, to: user.id, context: context, on: request.db)
        }
        return request.redirect(to: SiteURL.user(user.id.rawValue).path, redirectType: .normal)
    }

    func setActive(_ request: Request) async throws -> Response {
        let user = try await requireUser(request)
        let form = try request.content.decode(ActiveChange.self)
        guard let answer = form.active, answer == "true" || answer == "false" else {
            throw APIError.invalid("active", "active is true or false")
        }
        let active = answer == "true"
        if !active, user.id == request.caller.user?.id {
            throw APIError.invalid("active", "You cannot deactivate yourself: ask another administrator.")
        }
        try await UserStore.setActive(active, for: user.id, context: request.auditContext(.form), on: request.db)
        return request.redirect(to: SiteURL.user(user.id.rawValue).path, redirectType: .normal)
    }

    private func listPage(
        _ request: Request, form: NewUser?, errors: [String: String], notice: String?, status: HTTPResponseStatus
    ) async throws -> Response {
        let page = UsersPage(
            users: try await UserStore.all(on: request.db), errors: errors, notice: notice,
            email: form?.email ?? "", name: form?.name ?? "", grants: form?.grants ?? ""
        )
        return page.render(request.pageContext).htmlResponse(status: status)
    }

    private func requireUser(_ request: Request) async throws -> UserAccount {
        let text = try request.parameters.require("id")
        guard let id = UUID(uuidString: text), let user = try await UserStore.find(id: UserID(id), on: request.db) else {
            throw APIError.notFound("User \(text)")
        }
        return user
    }
}

/// Adding users, shared by the users page and the API.
enum UserAdministration {
    static func create(
        email: String, name: String, password: String, grants texts: [String], request: Request, source: AuditSource
    ) async throws -> UserAccount {
        var grants: [RoleGrant] = []
        for text in texts.map({ $0.trimmingCharacters(in: .whitespaces) }) where !text.isEmpty {
            let grant = try RoleGrant(parsing: text)
            try await checkUnit(of: grant, request: request)
            grants.append(grant)
        }
        return try await UserStore.create(
            email: email, name: name, password: password, grants: grants,
            hasher: request.application.passwordHasher, context: request.auditContext(source), on: request.db
        )
    }

    /// A grant must name an org unit that exists (or `*`), so that a typo does not give a role nowhere.
    static func checkUnit(of grant: RoleGrant, request: Request) async throws {
        guard let unit = grant.orgUnit else { return }
        guard try await request.framework().orgUnits.contains(where: { $0.code == unit }) else {
            throw AccessError.unknownOrgUnit(unit)
        }
    }
}
