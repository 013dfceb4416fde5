import Foundation
import GoalStatCore
import GoalStatStore
import Plot

/// The administrator's list of users, with the form that adds one.
struct UsersPage: Sendable {
    var users: [UserAccount]
    var errors: [String: String]
    var notice: String?
    /// What the add form showed when it was refused.
    var email: String
    var name: String
    var grants: String

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Users", current: .users, context: context, body: .group(
            .div(.class("page-heading"), .h1(.text("Users")),
                 .p(.class("lead"), .text("People who can sign in, and their roles per org unit. Users are never deleted: deactivate them instead, so the audit log keeps naming them."))),
            .unwrap(notice) { notice in .div(.class("notice"), .attr("role", "status"), .p(.plain(notice))) },
            .errorSummary(errors.sorted { $0.key < $1.key }.map { (fieldID: "user-\($0.key)", message: $0.value) }),
            .scrollingTable(
                label: "Users",
                .thead(.tr(.column("Name"), .column("Email"), .column("Roles"), .column("State"))),
                .tbody(.forEach(users) { user in
                    .tr(
                        .rowHeader(.a(.href(.user(user.id.rawValue)), .plain(user.name))),
                        .td(.plain(user.email)),
                        .td(.plain(user.grants.isEmpty ? "none" : user.grants.map(\.description).joined(separator: ", "))),
                        .td(.plain(user.isActive ? "active" : "deactivated"))
                    )
                })
            ),
            .section(
                .attr("aria-labelledby", "add-user-heading"),
                .h2(.id("add-user-heading"), .text("Add a user")),
                .form(
                    .class("stacked-form"),
                    .action(.users),
                    .method(.post),
                    .csrfField(context),
                    .field(id: "user-email", label: "Email", error: errors["email"], .input([
                        .type(.email), .attr("name", "email"), .attr("value", email), .required(true),
                    ] + Attribute.describing(id: "user-email", hint: nil, error: errors["email"]))),
                    .field(id: "user-name", label: "Name", error: errors["name"], .input([
                        .type(.text), .attr("name", "name"), .attr("value", name), .required(true),
                    ] + Attribute.describing(id: "user-name", hint: nil, error: errors["name"]))),
                    .field(id: "user-password", label: "First password", hint: "Tell it to the person privately; they can change it on their account page.", error: errors["password"], .input([
                        .type(.password), .attr("name", "password"), .attr("autocomplete", "new-password"), .required(true),
                    ] + Attribute.describing(id: "user-password", hint: "Tell it to the person privately; they can change it on their account page.", error: errors["password"]))),
                    .field(id: "user-role", label: "Roles", hint: UsersPage.grantHint, error: errors["role"], .textarea(
                        id: "user-role", name: "grants", text: grants, rows: 3, hint: UsersPage.grantHint, error: errors["role"]
                    )),
                    .button(.type(.submit), .class("primary"), .text("Add user"))
                )
            )
        ))
    }

    static let grantHint = "One ROLE@UNIT per line, for example dataSteward@DMV-FO; ROLE@* for every unit. Roles: "
        + Role.allCases.map(\.rawValue).joined(separator: ", ") + "."
}

/// One user: their roles (grant and revoke) and whether they may sign in.
struct UserPage: Sendable {
    var user: UserAccount
    var errors: [String: String]

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: user.name, current: .users, context: context, body: .group(
            .div(.class("page-heading"),
                 .p(.class("breadcrumb"), .a(.href(.users), .text("Users"))),
                 .h1(.plain(user.name)),
                 .p(.class("lead"), .plain(user.email), .text(user.isActive ? " · active" : " · deactivated"))),
            .errorSummary(errors.sorted { $0.key < $1.key }.map { (fieldID: "grant-\($0.key)", message: $0.value) }),
            .section(
                .attr("aria-labelledby", "grants-heading"),
                .h2(.id("grants-heading"), .text("Roles")),
                .if(user.grants.isEmpty, .p(.class("muted"), .text("No roles: this person sees only what is published.")), else: .ul(
                    .forEach(user.grants) { grant in
                        .li(
                            .plain(RoleWording.describe(grant)), .text(" "),
                            .form(
                                .class("inline-form"), .action(.userGrants(user.id.rawValue)), .method(.post), .csrfField(context),
                                .input(.type(.hidden), .name("grant"), .value(grant.description)),
                                .input(.type(.hidden), .name("change"), .value("revoke")),
                                .button(.type(.submit), .attr("aria-label", "Take away \(grant.description)"), .text("Take away"))
                            )
                        )
                    }
                )),
                .form(
                    .class("stacked-form"), .action(.userGrants(user.id.rawValue)), .method(.post), .csrfField(context),
                    .input(.type(.hidden), .name("change"), .value("grant")),
                    .field(id: "grant-role", label: "Give a role", hint: UsersPage.grantHint, error: errors["role"], .input([
                        .type(.text), .attr("name", "grant"), .required(true),
                    ] + Attribute.describing(id: "grant-role", hint: UsersPage.grantHint, error: errors["role"]))),
                    .button(.type(.submit), .text("Give role"))
                )
            ),
            .section(
                .attr("aria-labelledby", "active-heading"),
                .h2(.id("active-heading"), .text(user.isActive ? "Deactivate" : "Reactivate")),
                .p(.text(user.isActive
                    ? "A deactivated user cannot sign in; their sessions end and their API tokens stop working at once."
                    : "Reactivating lets this person sign in again with their password.")),
                .form(
                    .class("inline-form"), .action(.userActive(user.id.rawValue)), .method(.post), .csrfField(context),
                    .input(.type(.hidden), .name("active"), .value(user.isActive ? "false" : "true")),
                    .button(.type(.submit), .class(user.isActive ? "danger" : ""), .text(user.isActive ? "Deactivate \(user.name)" : "Reactivate \(user.name)"))
                )
            ),
            .p(.a(.href(.audit(AuditFilter(actor: user.email))), .text("Changes made by this person")), .text(" · "),
               .a(.href(.audit(AuditFilter(entity: .user, key: user.email))), .text("Changes to this account")))
        ))
    }
}
