import GoalStatCore
import Plot

/// Where a signed-in person finds the appraisals they may open: their own, and the people they rate, review or
/// serve as HR.
struct AppraisalHomePage {
    var own: AppraisalEmployee?
    var team: [AppraisalEmployee]
    var total: Int
    var hrEverywhere: Bool

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Appraisals", current: .appraisals, context: context, body: .group(
            .div(.class("page-heading"), .h1(.text("Appraisals")),
                 .p(.class("lead"), .text("Performance plans, progress reviews, ratings of record and awards, by the rules of 5 CFR 430 and 451. Only the employee, their rating chain and HR see an employee's appraisal."))),
            .unwrap(own, { own in .p(.a(.href(.appraisal(own.email)), .text("Your performance plan, feedback and what is due from you"))) },
                    else: .p(.text("HR has no appraisal record for you."))),
            .if(hrEverywhere, .ul(
                .li(.a(.href(.appraisalAssessment), .text("Appraisal program assessment"))),
                .li(.a(.href(.appraisalRosterImport), .text("Import employees and supervisors from HR's CSV")))
            )),
            .section(
                .attr("aria-labelledby", "team-heading"),
                .h2(.id("team-heading"), .text("People you rate, review or serve as HR")),
                .if(team.isEmpty, .p(.text("No one.")), else: .scrollingTable(
                    label: "People",
                    .caption(.plain(total > team.count ? "The first \(team.count) of \(total), by name" : "By name")),
                    .thead(.tr(.column("Employee"), .column("Unit"), .column("Supervisor"))),
                    .tbody(.forEach(team) { employee in
                        .tr(.rowHeader(.a(.href(.appraisal(employee.email)), .plain(employee.name))), .td(.plain(employee.orgUnit)), .td(.plain(employee.supervisor ?? "")))
                    })
                ))
            )
        ))
    }
}

/// The appraisal program assessment (seed 001): distribution per unit and level, timeliness, pay differentiation;
/// calibration notes as advice only (5 CFR 430.208(c)).
struct AppraisalAssessmentPage {
    var program: AppraisalProgram?
    var programs: [AppraisalProgram]
    var assessment: AppraisalAssessment?
    var unitNames: [String: String]

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Appraisal program assessment", current: .appraisals, context: context, body: .group(
            .div(.class("page-heading"), .h1(.text("Appraisal program assessment")),
                 .p(.class("lead"), .plain(program.map { "\($0.name), \($0.cycle.start) to \($0.cycle.end), pattern \($0.rules.pattern.rawValue)." } ?? "No appraisal program yet."))),
            .if(programs.count > 1, .form(
                .class("inline-form"), .action(.appraisalAssessment), .method(.get),
                .div(.class("field"), .label(.for("program"), .text("Program")),
                     .select(id: "program", name: "program", programs.map { .choice($0.name, value: $0.id.uuidString, selected: $0.id == program?.id) })),
                .button(.type(.submit), .text("Show"))
            )),
            .unwrap(assessment) { assessment in
                .group(
                    .p(.a(.href(.appraisalAssessmentCSV, query: program.map { [(name: "program", value: $0.id.uuidString)] } ?? []), .text("Download as CSV"))),
                    distribution(assessment),
                    timeliness(assessment),
                    pay(assessment),
                    .section(
                        .attr("aria-labelledby", "calibration-heading"),
                        .h2(.id("calibration-heading"), .text("Calibration (advice only)")),
                        .p(.text("No level is limited or required: a forced distribution is forbidden (5 CFR 430.208(c)). These notes only point to conversations worth having.")),
                        .if(assessment.advisories.isEmpty, .p(.text("Nothing stands out."))),
                        .ul(.forEach(assessment.advisories) { .li(.plain($0)) })
                    )
                )
            }
        ))
    }

    private func distribution(_ assessment: AppraisalAssessment) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "distribution-heading"),
            .h2(.id("distribution-heading"), .text("Ratings by unit and level")),
            .scrollingTable(
                label: "Ratings by unit and level",
                .caption(.text("Ratings of record given, by unit and summary level")),
                .thead(.tr(.column("Unit"), .forEach(assessment.levels.reversed()) { .column("Level \($0.number) \($0.name)") }, .column("Not rated"))),
                .tbody(.forEach(assessment.distribution) { row in
                    .tr(.rowHeader(.plain(unitNames[row.orgUnit] ?? row.orgUnit)),
                        .forEach(assessment.levels.reversed()) { .td(.text(String(row.counts[$0.number] ?? 0))) },
                        .td(.text(String(row.notRated))))
                })
            )
        )
    }

    private func timeliness(_ assessment: AppraisalAssessment) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "timeliness-heading"),
            .h2(.id("timeliness-heading"), .text("Timeliness")),
            .definitions([
                (term: "Plans", detail: .text(String(assessment.plans))),
                (term: "Given within the deadline (5 CFR 430.206(b)(2))", detail: .text(String(assessment.plansOnTime))),
                (term: "Still missing after their deadline", detail: .text(String(assessment.plansMissing))),
                (term: "With at least one progress review (5 CFR 430.207(b))", detail: .text(String(assessment.withProgressReview))),
            ])
        )
    }

    private func pay(_ assessment: AppraisalAssessment) -> Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "pay-heading"),
            .h2(.id("pay-heading"), .text("Pay differentiation")),
            .scrollingTable(
                label: "Awards by rating level",
                .caption(.text("Awards by the rating of record they went with")),
                .thead(.tr(.column("Level"), .column("Employees rated"), .column("Awards"), .column("Cash"), .column("Cash per employee rated"))),
                .tbody(.forEach(assessment.pay) { row in
                    .tr(.rowHeader(.text("Level \(row.level.number) \(row.level.name)")), .td(.text(String(row.employees))), .td(.text(String(row.awards))),
                        .td(.text(AwardPolicy.dollars(row.cash))), .td(.text(AwardPolicy.dollars(row.cashPerEmployee))))
                })
            )
        )
    }
}
