import Plot
import Vapor

/// The page a browser gets for an error: what happened in plain words, each rejected row or field, and a way on.
struct ErrorPage {
    var status: HTTPResponseStatus
    var message: String
    var details: [APIErrorDetail]
    var context: PageContext

    func response(status: HTTPResponseStatus) -> Response {
        render(status: status).htmlResponse(status: status)
    }

    func render(status: HTTPResponseStatus) -> String {
        let heading = Self.heading(for: status)
        return PageLayout.render(title: heading, current: nil, context: context, body: .div(
            .class("error-page"),
            .h1(.text(heading)),
            .p(.class("lead"), .plain(message)),
            .if(!details.isEmpty, .section(
                .attr("aria-labelledby", "error-details"),
                .h2(.id("error-details"), .text(details.count == 1 ? "The problem" : "The \(details.count) problems")),
                .scrollingTable(
                    label: "Problems found",
                    .thead(.tr(.column("Where"), .column("Problem"))),
                    .tbody(.forEach(details) { detail in
                        .tr(.td(.plain(Self.location(of: detail))), .td(.plain(detail.reason)))
                    })
                )
            )),
            .p(.text(Self.advice(for: status))),
            .p(.a(.href(.dashboard), .text("Go to the dashboard")))
        ))
    }

    /// What a person would call this error.
    static func heading(for status: HTTPResponseStatus) -> String {
        switch status.code {
        case 404: "Not found"
        case 400, 422: "This input was not accepted"
        case 409: "That already exists"
        case 401: "Please sign in"
        case 403: "You do not have access to this page"
        case 405: "That action is not available here"
        case 413: "That upload is too large"
        case 429: "Too many requests"
        case 500...599: "Something went wrong"
        default: status.reasonPhrase
        }
    }

    private static func advice(for status: HTTPResponseStatus) -> String {
        switch status.code {
        case 404: "The address may be mistyped, or the goal or indicator may have been renamed or removed."
        case 400, 409, 422: "Nothing was saved. Go back, correct the input and try again."
        case 429: "Wait a minute and try again."
        case 500...599: "The problem has been logged. Try again in a moment; if it persists, tell your GoalStat administrator."
        default: "Go back and try again."
        }
    }

    /// "file data.csv, line 12, column value" or "field rationale"; "—" when the problem is not tied to a place.
    static func location(of detail: APIErrorDetail) -> String {
        var parts: [String] = []
        if let file = detail.file { parts.append("file \(file)") }
        if let line = detail.line { parts.append("line \(line)") }
        if let column = detail.column { parts.append("column \(column)") }
        if let field = detail.field, field != detail.column { parts.append("field \(field)") }
        return parts.isEmpty ? "—" : parts.joined(separator: ", ")
    }
}
