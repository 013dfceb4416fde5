import GoalStatCore
import Plot

/// Everything the framework file holds, listed with links to add, edit and remove.
struct FrameworkPage: Sendable {
    var plan: Plan?
    var orgUnits: [OrgUnit]
    var people: [Person]
    var goals: [Goal]
    var indicators: [Indicator]
    var indicatorCount: Int
    var page: Int
    var pages: Int
    var linkCount: Int
    var keyCounts: [String: Int]
    var keyLimit: Int

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Plan and framework", current: .framework, context: context, body: .group(
            .div(
                .class("page-heading"),
                .h1(.text("Plan and framework")),
                .p(.class("lead"), .text("Set the plan, the organisation and its people, then the goals and the few indicators that show progress on them. Every change is kept in the history of changes."))
            ),
            planSection,
            section("org-units", "Org units", add: (.newRecord(.orgUnit), "Add an org unit"), empty: orgUnits.isEmpty,
                    .thead(.tr(.th(.text("Code")), .th(.text("Name")), .th(.text("Kind")), .th(.text("Part of")), .th(.text("Change")))),
                    .tbody(.forEach(orgUnits) { unit in
                        .tr(.td(.plain(unit.code)), .td(.plain(unit.name)), .td(.text(unit.kind.title)), .td(.plain(unit.parent ?? "—")),
                            actions(.orgUnit, unit.code))
                    })),
            section("people", "People", add: (.newRecord(.person), "Add a person"), empty: people.isEmpty,
                    .thead(.tr(.th(.text("Name")), .th(.text("Email")), .th(.text("Title")), .th(.text("Org unit")), .th(.text("Change")))),
                    .tbody(.forEach(people) { person in
                        .tr(.td(.plain(person.name)), .td(.plain(person.email)), .td(.plain(person.title ?? "")), .td(.plain(person.orgUnit ?? "—")),
                            actions(.person, person.email))
                    })),
            section("goals", "Goals", add: (.newRecord(.goal), "Add a goal"), empty: goals.isEmpty,
                    .thead(.tr(.th(.text("Code")), .th(.text("Name")), .th(.text("Kind")), .th(.text("Contributes to")), .th(.text("Key indicators")), .th(.text("Change")))),
                    .tbody(.forEach(goals) { goal in
                        let keys = keyCounts[goal.code, default: 0]
                        return .tr(
                            .td(.plain(goal.code)), .td(.a(.href(.goal(goal.code)), .plain(goal.name))), .td(.text(goal.kind.title)),
                            .td(.plain(goal.parent ?? "—")),
                            .td(.text(String(keys)), .if(keys > keyLimit, .group(.text(" "), .tag("more than \(keyLimit)", class: "warning")))),
                            actions(.goal, goal.code)
                        )
                    })),
            section("indicators", "Indicators (\(indicatorCount))", add: (.newRecord(.indicator), "Define an indicator"), empty: indicators.isEmpty,
                    .thead(.tr(.th(.text("Code")), .th(.text("Name")), .th(.text("Rank")), .th(.text("Goals")), .th(.text("Steward")), .th(.text("Change")))),
                    .tbody(.forEach(indicators) { indicator in
                        .tr(
                            .td(.plain(indicator.code)), .td(.a(.href(.indicator(indicator.code)), .plain(indicator.name))),
                            .td(.text(indicator.rank.title)), .td(.plain(indicator.goals.joined(separator: ", "))),
                            .td(.plain(indicator.steward ?? "—")), actions(.indicator, indicator.code)
                        )
                    })),
            .if(pages > 1, .nav(
                .attr("aria-label", "Pages of indicators"),
                .p(
                    .text("Page \(page) of \(pages). "),
                    .if(page > 1, .a(.attr("href", SiteURL.framework.path + "?page=\(page - 1)"), .text("Previous"))),
                    .text(" "),
                    .if(page < pages, .a(.attr("href", SiteURL.framework.path + "?page=\(page + 1)"), .text("Next")))
                )
            )),
            .section(
                .attr("aria-labelledby", "links-heading"),
                .h2(.id("links-heading"), .text("Links between indicators")),
                .p(.text("\(linkCount) link\(linkCount == 1 ? "" : "s"). "), .a(.href(.links), .text("See and change the links")))
            )
        ))
    }

    private var planSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "plan-heading"),
            .h2(.id("plan-heading"), .text("The plan")),
            .unwrap(plan, { plan in
                .group(
                    .definitions([
                        (term: "Plan", detail: .plain("\(plan.name) (\(plan.code))")),
                        (term: "Covers", detail: plan.period.map { .plain("\($0.from) to \($0.to)") }),
                        (term: "Mission", detail: plan.mission.map { .plain($0) }),
                        (term: "Vision", detail: plan.vision.map { .plain($0) }),
                        (term: "Values", detail: plan.values.isEmpty ? nil : .plain(plan.values.map(\.name).joined(separator: ", "))),
                        (term: "Perspectives", detail: .plain(plan.perspectives.joined(separator: ", "))),
                    ]),
                    .p(.a(.class("button-link"), .href(.planEdit), .text("Edit the plan")))
                )
            }, else: .p(.text("No plan yet. "), .a(.class("button-link"), .href(.planEdit), .text("Set up the plan"))))
        )
    }

    private func actions(_ kind: RecordKind, _ key: String) -> Node<HTML.TableRowContext> {
        .td(.a(.href(.editRecord(kind, key)), .text("Edit")), .text(" · "), .a(.href(.removeRecord(kind, key)), .text("Remove…")))
    }

    private func section(
        _ id: String, _ title: String, add: (url: SiteURL, label: String), empty: Bool,
        _ head: Node<HTML.TableContext>, _ body: Node<HTML.TableContext>
    ) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "\(id)-heading"),
            .h2(.id("\(id)-heading"), .plain(title)),
            .p(.a(.class("button-link"), .href(add.url), .plain(add.label))),
            .if(empty, .p(.class("muted"), .text("None yet.")), else: .scrollingTable(label: title, .caption(.plain(title)), head, body))
        )
    }
}
