import GoalStatCore
import Plot

/// Capacity requests (seed 002, practice 6): what teams need to perform, what was decided, and what has arrived.
struct CapacityListPage: Sendable {
    var requests: [CapacityRequest]
    var document: FrameworkDocument
    var canAsk: Bool

    func render(_ context: PageContext) -> String {
        let open = requests.filter(\.isOpen), ended = requests.filter { !$0.isOpen }
        return PageLayout.render(title: "Capacity requests", current: nil, context: context, body: .group(
            .div(
                .class("page-heading"),
                .p(.class("breadcrumb"), .a(.href(.reviews), .text("Reviews"))),
                .h1(.text("Capacity requests")),
                .p(.class("lead"), .text("A team says what it needs to perform; those who run reviews decide, and the request comes back at every review until what was granted has arrived."))
            ),
            .if(canAsk, .p(.a(.class("button-link"), .href(.newCapacityRequest), .text("Ask for capacity")))),
            table("open", "Waiting for a decision or for delivery", open),
            table("ended", "Delivered or declined", ended)
        ))
    }

    private func table(_ id: String, _ title: String, _ rows: [CapacityRequest]) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "\(id)-heading"),
            .h2(.id("\(id)-heading"), .text(title)),
            .if(rows.isEmpty, .p(.class("muted"), .text("None.")), else: .scrollingTable(
                label: title,
                .caption(.text(title)),
                .thead(.tr(.column("Asked on"), .column("What is needed"), .column("Team"), .column("Goal"), .column("Status"))),
                .tbody(.forEach(rows) { request in
                    .tr(
                        .td(.class("date"), .plain(request.requestedOn)),
                        .rowHeader(.a(.href(.capacityRequest(request.id)), .plain(request.title))),
                        .td(.plain(document.orgUnits.first { $0.code == request.orgUnit }?.name ?? request.orgUnit)),
                        .td(.plain(request.goal.map { goal in document.goals.first { $0.code == goal }?.name ?? goal } ?? "—")),
                        .td(.text(request.status.title))
                    )
                })
            ))
        )
    }

    /// What a request says and what has happened to it, as markup for its page.
    static func details(_ request: CapacityRequest, document: FrameworkDocument) -> String {
        let goal = request.goal.map { code in "<p>For the goal <a href=\"\(SiteURL.goal(code).path)\">\(Escaping.xml(document.goals.first { $0.code == code }?.name ?? code))</a>.</p>" } ?? ""
        let decision = request.decision.map { text in
            "<h2>Decision</h2><p>\(Escaping.xml(request.status == .open ? "" : request.updates.isEmpty ? request.status.title : "Decided")) on \(Escaping.xml(request.decidedOn ?? "")) by \(Escaping.xml(request.decidedBy ?? "—")): \(Escaping.xml(text))</p>"
        } ?? "<h2>Decision</h2><p class=\"muted\">Not decided yet.</p>"
        let updates = request.updates.isEmpty ? "" : "<h2>Follow-up</h2><ul>" + request.updates.map {
            "<li><span class=\"date\">\(Escaping.xml($0.on))</span> \(Escaping.xml($0.by ?? "")): \(Escaping.xml($0.text)) (\(Escaping.xml($0.status.title.lowercased())))</li>"
        }.joined() + "</ul>"
        return "<section aria-label=\"The request\"><h2>Why</h2><p>\(Escaping.xml(request.justification))</p>\(goal)<p>Asked by \(Escaping.xml(request.requestedBy ?? "—")).</p>\(decision)\(updates)</section>"
    }
}
