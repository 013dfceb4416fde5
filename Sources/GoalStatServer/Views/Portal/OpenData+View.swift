import GoalStatCore
import Plot

/// The open-data page: the downloads and the data dictionary, generated from `OpenData`'s column lists.
struct OpenDataPage {
    var agency: String

    func render(_ context: PageContext) -> String {
        PortalLayout.render(title: "Open data", agency: agency, section: .data, context: context, body: .group(
            .h1(.text("Open data")),
            .p(.class("lead"), .text("Everything published here, as CSV and JSON, free to reuse. The addresses below are permanent; the files are made afresh from the latest data at every download.")),
            .ul(.class("plain-list"), .li(.a(.href(.openDataFile("plan.json")), .text("The plan: mission, vision and values (JSON)")))),
            .forEach(OpenData.tables) { table in
                .section(
                    .attr("aria-labelledby", "table-\(table.name)"),
                    .h2(.id("table-\(table.name)"), .plain(table.title)),
                    .p(.plain(table.description)),
                    .p(.a(.href(.openDataFile("\(table.name).csv")), .plain("\(table.name).csv")), .text(" · "),
                       .a(.href(.openDataFile("\(table.name).json")), .plain("\(table.name).json"))),
                    .table(
                        .caption(.plain("Columns of \(table.name)")),
                        .thead(.tr(.th(.text("Column")), .th(.text("Meaning")))),
                        .tbody(.forEach(table.columns) { column in
                            .tr(.th(.attr("scope", "row"), .element(named: "code", nodes: [.plain(column.name)])), .td(.plain(column.meaning)))
                        })
                    )
                )
            },
            .p(.class("muted"), .text("JSON files hold {\"items\": [...]} with the same names as the CSV columns, except values.json: a list of values named as in the API (orgUnit for org_unit)."))
        ))
    }
}
