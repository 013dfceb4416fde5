import Plot

/// The sign-in form. A refused sign-in says why in general words only: it never tells which of email or password was wrong.
struct SignInPage: Sendable {
    var email: String
    var next: String?
    var message: String?
    /// The CSRF token of the form (the visitor has no session yet: the token is also in a cookie).
    var csrfToken: String

    func render(_ context: PageContext) -> String {
        var context = context
        context.csrfToken = csrfToken
        return PageLayout.render(title: "Sign in", current: .signIn(next: nil), context: context, body: .div(
            .class("page-heading"),
            .h1(.text("Sign in")),
            .p(.class("lead"), .text("Published goals and results need no account. Sign in to see and change what your role allows.")),
            .unwrap(message) { message in
                .div(.class("error-summary"), .attr("role", "alert"), .id("sign-in-problem"), .p(.plain(message)))
            },
            .form(
                .id("sign-in-form"),
                .class("stacked-form"),
                .action(.signIn(next: nil)),
                .method(.post),
                .csrfField(context),
                .unwrap(next) { next in .input(.type(.hidden), .attr("name", "next"), .attr("value", next)) },
                .field(id: "sign-in-email", label: "Email", .input([
                    .type(.email), .attr("name", "email"), .attr("id", "sign-in-email"), .attr("value", email),
                    .attr("autocomplete", "username"), .required(true),
                ])),
                .field(id: "sign-in-password", label: "Password", .input([
                    .type(.password), .attr("name", "password"), .attr("id", "sign-in-password"),
                    .attr("autocomplete", "current-password"), .required(true),
                ])),
                .button(.type(.submit), .class("primary"), .text("Sign in"))
            )
        ))
    }
}
