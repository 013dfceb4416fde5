import GoalStatCore
import Plot

/// Every open action from reviews, overdue first, with how many each person and each unit has overdue (seed 002,
/// practice 8: relentless follow-up), filtered by person or unit.
struct ActionsPage: Sendable {
    var actions: [ActionItem]
    var document: FrameworkDocument
    var today: CalendarDate
    var owner: String?
    var orgUnit: String?

    private func personName(_ email: String) -> String { document.people.first { $0.email == email }?.name ?? email }
    private func unitOf(_ email: String) -> String? { document.people.first { $0.email == email }?.orgUnit }
    private func unitName(_ code: String) -> String { document.orgUnits.first { $0.code == code }?.name ?? code }

    func render(_ context: PageContext) -> String {
        let overdue = actions.filter { $0.isOverdue(on: today) }
        let byPerson = Dictionary(grouping: overdue, by: \.owner).map { (key: $0.key, count: $0.value.count) }.sorted { ($1.count, $0.key) < ($0.count, $1.key) }
        let byUnit = Dictionary(grouping: overdue) { unitOf($0.owner) ?? "" }.map { (key: $0.key, count: $0.value.count) }.sorted { ($1.count, $0.key) < ($0.count, $1.key) }
        let ordered = overdue.sorted { $0.due < $1.due } + actions.filter { !$0.isOverdue(on: today) }.sorted { $0.due < $1.due }
        return PageLayout.render(title: "Open actions", current: nil, context: context, body: .group(
            .div(
                .class("page-heading"),
                .p(.class("breadcrumb"), .a(.href(.reviews), .text("Reviews"))),
                .h1(.text("Open actions")),
                .p(.class("lead"), .text("Every action from a review that is still open, overdue first. Each comes back at every later review until it is done or dropped."))
            ),
            .form(
                .class("filter-form"), .action(SiteURL.actions(owner: nil, orgUnit: nil).path), .method(.get),
                .field(id: "actions-owner", label: "Owner", .select(id: "actions-owner", name: "owner",
                    [.choice("Anyone", value: "", selected: owner == nil)] + document.people.map { .choice($0.name, value: $0.email, selected: $0.email == owner) })),
                .field(id: "actions-unit", label: "Owner's unit", .select(id: "actions-unit", name: "orgUnit",
                    [.choice("Any", value: "", selected: orgUnit == nil)] + document.orgUnits.map { .choice($0.name, value: $0.code, selected: $0.code == orgUnit) })),
                .button(.type(.submit), .text("Show"))
            ),
            .section(
                .attr("aria-labelledby", "overdue-heading"),
                .h2(.id("overdue-heading"), .text("Overdue: \(overdue.count) of \(actions.count)")),
                .if(overdue.isEmpty, .p(.class("muted"), .text("Nothing overdue.")), else: .div(
                    .class("two-columns"),
                    .scrollingTable(
                        label: "Overdue actions per person",
                        .caption(.text("Per person")),
                        .thead(.tr(.column("Owner"), .column("Overdue"))),
                        .tbody(.forEach(byPerson) { row in
                            .tr(.rowHeader(.a(.href(.actions(owner: row.key, orgUnit: nil)), .plain(personName(row.key)))), .td(.class("number"), .text(String(row.count))))
                        })
                    ),
                    .scrollingTable(
                        label: "Overdue actions per unit",
                        .caption(.text("Per unit")),
                        .thead(.tr(.column("Unit"), .column("Overdue"))),
                        .tbody(.forEach(byUnit) { row in
                            .tr(.rowHeader(row.key.isEmpty ? .text("No unit") : .a(.href(.actions(owner: nil, orgUnit: row.key)), .plain(unitName(row.key)))), .td(.class("number"), .text(String(row.count))))
                        })
                    )
                ))
            ),
            .section(
                .attr("aria-labelledby", "open-actions-heading"),
                .h2(.id("open-actions-heading"), .text("Open actions")),
                .if(ordered.isEmpty, .p(.class("muted"), .text("None.")), else: .scrollingTable(
                    label: "Open actions",
                    .caption(.text("Open actions, overdue first")),
                    .thead(.tr(.column("Due"), .column("Action"), .column("Owner"), .column("Unit"), .column("Last update"))),
                    .tbody(.forEach(ordered) { action in
                        .tr(
                            .class(action.isOverdue(on: today) ? "row-late" : ""),
                            .td(.class("date"), .plain(action.due), .if(action.isOverdue(on: today), .group(.text(" "), .tag("Overdue", class: "tag-overdue")))),
                            .rowHeader(.a(.href(.action(action.id)), .plain(action.title))),
                            .td(.plain(personName(action.owner))),
                            .td(.plain(unitOf(action.owner).map(unitName) ?? "—")),
                            .td(.plain(action.updates.last.map { "\($0.on): \($0.text)" } ?? "None yet"))
                        )
                    })
                ))
            )
        ))
    }
}
