import Foundation
import GoalStatCore
import GoalStatStore
import Plot

/// A person's own account: who they are, their roles, their password and their API tokens.
struct AccountPage: Sendable {
    var user: UserAccount
    var tokens: [APITokenRecord]
    /// A token just created: shown this once, never again.
    var newToken: String?
    var notice: String?
    /// Field name → message for a refused password change or token.
    var errors: [String: String]

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Your account", current: .account, context: context, body: .group(
            .div(
                .class("page-heading"),
                .h1(.text("Your account")),
                .p(.class("lead"), .plain(user.name), .text(" · "), .plain(user.email))
            ),
            .unwrap(notice) { notice in .div(.class("notice"), .attr("role", "status"), .p(.plain(notice))) },
            .errorSummary(errors.sorted { $0.key < $1.key }.map { (fieldID: "account-\($0.key)", message: $0.value) }),
            .unwrap(newToken) { token in
                .section(
                    .class("notice"),
                    .attr("aria-labelledby", "new-token-heading"),
                    .h2(.id("new-token-heading"), .text("Your new API token")),
                    .p(.text("Copy it now: it is shown only this once. GoalStat keeps only a hash of it.")),
                    .p(.element(named: "code", nodes: [.id("new-token"), .plain(token)])),
                    .p(.text("Send it as "), .element(named: "code", nodes: [.text("Authorization: Bearer …")]), .text("."))
                )
            },
            roles,
            passwordForm(context),
            tokenSection(context)
        ))
    }

    private var roles: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "roles-heading"),
            .h2(.id("roles-heading"), .text("Your roles")),
            .if(user.grants.isEmpty,
                .p(.class("muted"), .text("No roles yet: you see what is published. Ask your GoalStat administrator for a role.")),
                else: .ul(.forEach(user.grants) { grant in .li(.plain(RoleWording.describe(grant))) }))
        )
    }

    private func passwordForm(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "password-heading"),
            .h2(.id("password-heading"), .text("Change your password")),
            .p(.class("hint"), .text("At least 12 characters with at least two of letters, digits and other characters. Changing it signs you out everywhere else.")),
            .form(
                .class("stacked-form"),
                .action(.password),
                .method(.post),
                .csrfField(context),
                .field(id: "account-current", label: "Current password", error: errors["current"], .input([
                    .type(.password), .attr("name", "current"), .attr("autocomplete", "current-password"), .required(true),
                ] + Attribute.describing(id: "account-current", hint: nil, error: errors["current"]))),
                .field(id: "account-password", label: "New password", error: errors["password"], .input([
                    .type(.password), .attr("name", "password"), .attr("autocomplete", "new-password"), .required(true),
                ] + Attribute.describing(id: "account-password", hint: nil, error: errors["password"]))),
                .field(id: "account-confirm", label: "New password again", error: errors["confirm"], .input([
                    .type(.password), .attr("name", "confirm"), .attr("autocomplete", "new-password"), .required(true),
                ] + Attribute.describing(id: "account-confirm", hint: nil, error: errors["confirm"]))),
                .button(.type(.submit), .text("Change password"))
            )
        )
    }

    private func tokenSection(_ context: PageContext) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "tokens-heading"),
            .h2(.id("tokens-heading"), .text("API tokens")),
            .p(.text("A token lets a program use the API as you, with the roles you choose for it (never more than yours).")),
            .if(tokens.isEmpty, .p(.class("muted"), .text("No tokens.")), else: tokenTable(context)),
            newTokenForm(context)
        )
    }

    private func tokenTable(_ context: PageContext) -> Node<HTML.BodyContext> {
        .scrollingTable(
            label: "Your API tokens",
            .thead(.tr(.column("Name"), .column("Roles"), .column("Created"), .column("Last used"), .column("State"), .column(""))),
            .tbody(.forEach(tokens) { token in tokenRow(token, context) })
        )
    }

    private func tokenRow(_ token: APITokenRecord, _ context: PageContext) -> Node<HTML.TableContext> {
        let state = token.revokedAt.map { "revoked \(Self.day($0))" } ?? "active"
        let revoke: Node<HTML.BodyContext> = token.revokedAt != nil ? .empty : .form(
            .class("inline-form"),
            .action(.revokeToken(token.id)),
            .method(.post),
            .csrfField(context),
            .button(.type(.submit), .attr("aria-label", "Revoke \(token.name)"), .text("Revoke"))
        )
        return .tr(
            .td(.plain(token.name)),
            .td(.plain(token.grants.map(\.description).joined(separator: ", "))),
            .td(.plain(Self.day(token.createdAt))),
            .td(.plain(token.lastUsedAt.map(Self.day) ?? "never")),
            .td(.plain(state)),
            .td(revoke)
        )
    }

    private func newTokenForm(_ context: PageContext) -> Node<HTML.BodyContext> {
        let nameAttributes: [Attribute<HTML.InputContext>] = [.type(.text), .attr("name", "name"), .required(true)]
            + Attribute.describing(id: "account-name", hint: nil, error: errors["name"])
        let dayAttributes: [Attribute<HTML.InputContext>] = [.type(.number), .attr("name", "days"), .attr("min", "1")]
            + Attribute.describing(id: "account-days", hint: nil, error: errors["days"])
        return .form(
            .class("stacked-form"),
            .action(.tokens),
            .method(.post),
            .csrfField(context),
            .h3(.text("New token")),
            .field(id: "account-name", label: "Name (what the token is for)", error: errors["name"], .input(nameAttributes)),
            .element(named: "fieldset", nodes: [.element(named: "legend", nodes: [.text("Roles the token may use")])]
                + user.grants.enumerated().map { Self.grantCheckbox(index: $0.offset, grant: $0.element) }),
            .field(id: "account-days", label: "Expires after (days; empty: never)", error: errors["days"], .input(dayAttributes)),
            .button(.type(.submit), .text("Create token"))
        )
    }

    private static func grantCheckbox(index: Int, grant: RoleGrant) -> Node<HTML.FormContext> {
        .div(
            .class("checkbox"),
            .input(.type(.checkbox), .id("token-grant-\(index)"), .name("grants[]"), .value(grant.description), .attr("checked", "checked")),
            .label(.for("token-grant-\(index)"), .plain(RoleWording.describe(grant)))
        )
    }

    static func day(_ date: Date) -> String {
        CalendarDate(utc: date).description
    }
}

/// Roles in words for pages: "Data steward in DMV-FO and below", "Administrator everywhere".
enum RoleWording {
    static func describe(_ grant: RoleGrant) -> String {
        let place = grant.orgUnit.map { "in \($0) and below" } ?? "everywhere"
        return "\(title(grant.role)) \(place)"
    }

    static func title(_ role: Role) -> String {
        switch role {
        case .admin: "Administrator"
        case .pio: "Performance Improvement Officer"
        case .goalLeader: "Goal leader"
        case .dataSteward: "Data steward"
        case .reviewer: "Reviewer"
        case .viewer: "Viewer"
        case .supervisor: "Supervisor"
        case .employee: "Employee"
        case .hr: "Human resources"
        }
    }
}
