import GoalStatCore
import GoalStatStore
import Plot

extension IndicatorPageModel {
    func render(_ context: PageContext) -> String {
        PageLayout.render(title: indicator.name, current: nil, context: context, body: .group(
            heading,
            .if(context.canReadAudit, .p(.class("history-link"), .a(.href(.audit(AuditFilter(entity: .indicator, key: indicator.code))), .text("History of changes")))),
            .if(mayExport, .p(
                .class("download-buttons"), .text("Download its values: "),
                .a(.href(.measurementsExport(format: "csv", indicator: indicator.code)), .attr("download", ""), .text("CSV")), .text(" · "),
                .a(.href(.measurementsExport(format: "json", indicator: indicator.code)), .attr("download", ""), .text("JSON"))
            )),
            definition,
            dataQuality,
            values,
            processBehaviour,
            targets,
            integritySection,
            revisionsSection
        ), width: .full)
    }

    private var heading: Node<HTML.BodyContext> {
        .div(
            .class("page-heading"),
            .p(
                .class("goal-kind"),
                .text(indicator.rank.title),
                .text(" · "),
                .span(.class("code"), .plain(indicator.code)),
                .if(indicator.guardrail, .group(.text(" "), .tag("Guardrail", class: "tag-guardrail"))),
                .if(!indicator.public, .group(.text(" "), .tag("Internal", class: "tag-internal")))
            ),
            .h1(.plain(indicator.name)),
            StatusBadge.withReason(status),
            .if(editable, .p(
                .class("record-actions"),
                .a(.href(.editRecord(.indicator, indicator.code)), .text("Edit the definition")), .text(" · "),
                .a(.href(.newLink, query: [("driver", indicator.code)]), .text("Link it to a result"))
            ))
        )
    }

    private var definition: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "definition-heading"),
            .h2(.id("definition-heading"), .text("Definition")),
            .definitions([
                ("Code", .plain(indicator.code)),
                ("Definition", indicator.definition.map { .p(.class("prose"), .plain($0)) }),
                ("Methodology", indicator.methodology.map { .p(.class("prose"), .plain($0)) }),
                ("Data source", indicator.source.map { .plain($0) }),
                ("Unit", .plain(unitText)),
                ("Improvement direction", .text(indicator.direction.title)),
                ("Frequency", .text(indicator.frequency.title)),
                ("Value-chain stage", .text(indicator.stage.title)),
                ("Rank", .text(indicator.rank.title)),
                ("Guardrail", .text(indicator.guardrail
                    ? "Yes: a constraint watched so that a target is not met by undermining the mission"
                    : "No")),
                ("Formula", indicator.formula.map { .code(.plain($0)) }),
                ("Levels, worst first", indicator.levels.map { .plain($0.joined(separator: " → ")) }),
                ("Goals", goals.isEmpty ? nil : .ul(.class("inline-list"), .forEach(goals) { goal in
                    .li(.a(.href(.goal(goal.code)), .plain(goal.name)))
                })),
                ("Owning org unit", .plain(orgUnitName ?? indicator.orgUnit)),
                ("Data steward", .plain(stewardName ?? indicator.steward ?? "Not assigned")),
            ])
        )
    }

    private var unitText: String {
        let unit = indicator.unit.title(per: indicator.per)
        return indicator.decimals > 0 ? "\(unit), \(indicator.decimals) decimal place\(indicator.decimals == 1 ? "" : "s")" : unit
    }

    /// The statement GPRA asks for (31 U.S.C. 1115(b)(8)).
    private var dataQuality: Node<HTML.BodyContext> {
        let quality = indicator.dataQuality ?? DataQuality()
        return .section(
            .attr("aria-labelledby", "quality-heading"),
            .h2(.id("quality-heading"), .text("Data quality")),
            .if(quality.isEmpty, .p(.class("muted"), .text("No data-quality statement has been recorded for this indicator.")), else: .definitions([
                ("How values are verified", quality.verification.map { .plain($0) }),
                ("How values are validated", quality.validation.map { .plain($0) }),
                ("Source", quality.source.map { .plain($0) }),
                ("Accuracy needed", quality.accuracy.map { .plain($0) }),
                ("Known limitations", quality.limitations.map { .plain($0) }),
                ("How limitations are compensated", quality.compensation.map { .plain($0) }),
            ]))
        )
    }

    // MARK: - Values

    private var values: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "values-heading"),
            .h2(.id("values-heading"), .text("Values and targets over time")),
            orgUnitSwitcher,
            asOfForm,
            .div(
                .class("chart-with-table"),
                .element(named: "figure", nodes: [
                    .class("chart"),
                    .raw(LineChartSVG.render(chart)),
                    .element(named: "figcaption", nodes: [
                        .text("The dashed line is the target; the table lists every value. "),
                        .a(.href(.indicatorChart(indicator.code)), .text("Download the chart as SVG")),
                    ]),
                ]),
                valuesTable
            )
        )
    }

    /// Links to the same page for each org unit with values; the current one is marked for screen readers too.
    private var orgUnitSwitcher: Node<HTML.BodyContext> {
        .if(!orgUnitsWithValues.isEmpty, .nav(
            .class("org-unit-switcher"),
            .attr("aria-label", "Org unit"),
            .p(.text("Showing: "), .strong(.plain(selectedOrgUnit ?? "Whole indicator (total)"))),
            .ul(
                .class("inline-list"),
                .li(.a(
                    .href(.indicator(indicator.code), query: asOfQuery),
                    .if(selectedOrgUnit == nil, .attr("aria-current", "page")),
                    .text("Whole indicator (total)")
                )),
                .forEach(orgUnitsWithValues) { unit in
                    .li(.a(
                        .href(.indicator(indicator.code), query: [("orgUnit", unit)] + asOfQuery),
                        .if(selectedOrgUnit == unit, .attr("aria-current", "page")),
                        .plain(unit)
                    ))
                }
            ),
            .p(.a(.href(.compare(indicator.code)), .text("Compare the units: league table and funnel plot")))
        ))
    }

    private var asOfQuery: [(name: String, value: String)] {
        asOf.map { [("asOf", $0.description)] } ?? []
    }

    /// Targets as they were known on a date: versioning means no view has to pretend the latest target always held.
    private var asOfForm: Node<HTML.BodyContext> {
        .form(
            .class("inline-form"),
            .action(.indicator(indicator.code)),
            .method(.get),
            .unwrap(selectedOrgUnit) { unit in .input(.type(.hidden), .attr("name", "orgUnit"), .attr("value", unit)) },
            .label(.for("as-of"), .text("Show targets as known on")),
            .input(.type(.date), .id("as-of"), .name("asOf"), .attr("value", asOf?.description ?? "")),
            .button(.type(.submit), .text("Show")),
            .if(asOf != nil, .group(
                .text(" "),
                .a(.href(.indicator(indicator.code), query: selectedOrgUnit.map { [("orgUnit", $0)] } ?? []), .text("Show today's targets"))
            ))
        )
    }

    private var valuesTable: Node<HTML.BodyContext> {
        .if(rows.isEmpty, .p(.class("muted"), .text("No values yet.")), else: .scrollingTable(
            label: "Values of \(indicator.name)",
            .caption(.text("Values of "), .plain(indicator.name), .if(asOf != nil, .text(", with targets as known on \(asOf?.description ?? "")"))),
            .thead(.tr(
                .column("Period"), .column("Value"), .column("Target"), .column("Status"),
                .column("Note"), .column("Revision"), .column("Source")
            )),
            .tbody(.forEach(rows) { row in
                .tr(
                    .class("status-row-\(row.status.rawValue)"),
                    .rowHeader(.plain(row.period)),
                    .td(.class("number"), .plain(row.value)),
                    .td(.class("number"), .plain(row.target ?? "—")),
                    .td(.text(row.status.shortTitle)),
                    .td(.plain(row.note ?? "")),
                    .td(.text(Self.revisionText(row.revision))),
                    .td(.plain(row.source))
                )
            })
        ))
    }

    /// Revision 0 is the value as first entered; each correction counts up.
    static func revisionText(_ revision: Int) -> String {
        revision == 0 ? "Original" : "Correction \(revision)"
    }

    // MARK: - Process behaviour chart

    /// The XmR chart of SPEC §4 with its variation and assurance icons, the reasons for the status, and the chart's
    /// numbers as a table for screen readers and for anyone who wants the exact limits.
    private var processBehaviour: Node<HTML.BodyContext> {
        .unwrap(analysis) { analysis in
            .section(
                .class("process-behaviour"),
                .attr("aria-labelledby", "xmr-heading"),
                .h2(.id("xmr-heading"), .text("Process behaviour chart")),
                .p(.class("muted"), .text(
                    "An XmR chart separates routine (common-cause) variation from signals of a real change (special causes): "
                        + "a point outside the process limits, a run of 7 rising or falling points, 2 of 3 points near a limit, "
                        + "or 7 points in a row on one side of the centre."
                )),
                .if(analysis.chart.points.isEmpty, .p(.class("muted"), .text("No values to chart yet.")), else: .group(
                    xmrIcons(analysis),
                    xmrStatus(analysis),
                    .div(
                        .class("chart-with-table"),
                        .element(named: "figure", nodes: [
                            .class("chart"),
                            .raw(XmRChartSVG.render(
                                analysis, title: xmrTitle, unit: indicator.unit.text, decimals: indicator.decimals
                            )),
                            .element(named: "figcaption", nodes: [
                                .text("Solid line: centre (mean). Dashed: process limits. Dotted: near limits. Red dashed: target. "),
                                .text("Markers: grey circle common cause, blue square improvement, orange diamond concern, purple triangle neutral. "),
                                .a(.attr("href", xmrSVGLink), .text("Download the process behaviour chart as SVG")),
                            ]),
                        ]),
                        xmrTable(analysis)
                    )
                ))
            )
        }
    }

    private var xmrTitle: String {
        "\(indicator.name): process behaviour chart" + (selectedOrgUnit.map { ", \($0)" } ?? "")
    }

    /// The API's SVG of this chart, for the same org unit and date.
    private var xmrSVGLink: String {
        let query = (selectedOrgUnit.map { [("orgUnit", $0)] } ?? []) + asOfQuery
        let path = "/api/v1/indicators/\(Escaping.queryValue(indicator.code))/chart.svg"
        return query.isEmpty ? path : path + "?" + query.map { "\($0.0)=\(Escaping.queryValue($0.1))" }.joined(separator: "&")
    }

    /// The two icons, each with its caption in words beside it.
    private func xmrIcons(_ analysis: IndicatorAnalysis) -> Node<HTML.BodyContext> {
        .div(
            .class("xmr-icons"),
            .unwrap(XmRIcons.Variation(analysis)) { variation in
                .div(
                    .class("xmr-icon-item"),
                    .raw(XmRIcons.variation(variation)),
                    .p(
                        .class("xmr-icon-caption"),
                        .strong(.text("Variation: ")), .text(variation.title),
                        .span(.class("xmr-icon-explanation"), .text(variation.explanation))
                    )
                )
            },
            .div(
                .class("xmr-icon-item"),
                .unwrap(analysis.assurance) { assurance in .raw(XmRIcons.assurance(assurance)) },
                .p(
                    .class("xmr-icon-caption"),
                    .strong(.text("Assurance: ")),
                    .if(analysis.assurance != nil, .group(
                        .text(analysis.assurance?.title ?? ""),
                        .span(.class("xmr-icon-explanation"), .text(analysis.assurance?.explanation ?? ""))
                    ), else: .text(analysis.direction == .neutral
                        ? "Not judged: neither direction is better for this indicator."
                        : "None: there is no target to judge the process against."))
                )
            )
        )
    }

    /// The status once the chart's assurance and signals are taken into account, and why.
    private func xmrStatus(_ analysis: IndicatorAnalysis) -> Node<HTML.BodyContext> {
        .div(
            .class("xmr-status"),
            .h3(.text("Status with the process limits taken into account")),
            .p(StatusBadge.badge(analysis.status)),
            .ul(.class("xmr-reasons"), .forEach(analysis.reasons) { reason in .li(.plain(reason)) })
        )
    }

    /// Every point of the chart with its centre, limits and signal in words, newest first like the values table.
    private func xmrTable(_ analysis: IndicatorAnalysis) -> Node<HTML.BodyContext> {
        let format = XmRChartSVG.Format(unit: indicator.unit.text, decimals: indicator.decimals)
        let trial = analysis.chart.points.contains(where: \.trialLimits)
        return .scrollingTable(
            label: "Process behaviour chart of \(indicator.name)",
            .caption(
                .text("Process behaviour chart of "), .plain(indicator.name), .text(", newest first"),
                .if(trial, .text(" (trial limits: 12 or fewer points, so they will move as values are added)"))
            ),
            .thead(.tr(
                .column("Period"), .column("Value"), .column("Centre"), .column("Lower limit"), .column("Upper limit"),
                .column("Signal"), .column("Point type")
            )),
            .tbody(.forEach(analysis.chart.points.reversed()) { point in
                .tr(
                    .class("xmr-row-\(point.pointType.rawValue)"),
                    .rowHeader(.plain(point.period)),
                    .td(.class("number"), .plain(ValueFormatting.format(point.value, for: indicator))),
                    .td(.class("number"), .plain(format.statistic(point.mean))),
                    .td(.class("number"), .plain(format.statistic(point.lowerLimit))),
                    .td(.class("number"), .plain(format.statistic(point.upperLimit))),
                    .td(.text(point.specialCause?.title ?? "—")),
                    .td(
                        .span(.class("xmr-swatch xmr-swatch-\(point.pointType.rawValue)"), .attr("aria-hidden", "true"), .text(point.pointType.glyph)),
                        .text(point.pointType.title)
                    )
                )
            })
        )
    }

    // MARK: - Targets

    private var targets: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "targets-heading"),
            .h2(.id("targets-heading"), .text("Targets")),
            .if(mayReviseTarget, .p(.a(.class("button-link"), .href(.newTarget(indicator.code)), .text("Revise target")))),
            .h3(.text(asOf.map { "In force as known on \($0.description)" } ?? "In force")),
            .if(currentTargets.isEmpty, .p(.class("muted"), .text("No target in force.")), else: Self.targetTable(
                currentTargets, caption: "Targets in force for \(indicator.name)", showState: false
            )),
            .h3(.text("History of every version")),
            .p(.class("muted"), .text("A revision never overwrites a target: it adds a new version with its reason, and the one it replaced stays here.")),
            .if(targetHistory.isEmpty, .p(.class("muted"), .text("No target has been set.")), else: Self.targetTable(
                targetHistory, caption: "Target history for \(indicator.name), newest first", showState: true
            ))
        )
    }

    /// Current targets and their history share one layout; the history adds whether each version still holds.
    static func targetTable(_ rows: [TargetRow], caption: String, showState: Bool) -> Node<HTML.BodyContext> {
        .scrollingTable(
            label: caption,
            .caption(.plain(caption)),
            .thead(.tr(
                .column("Period"), .column("Org unit"), .column("Target"), .column("Rationale"),
                .column("Benchmark"), .column("Set on"), .column("Set by"),
                .if(showState, .column("State"))
            )),
            .tbody(.forEach(rows) { row in
                .tr(
                    .class(row.inForce ? "" : "is-replaced"),
                    .rowHeader(.plain(row.period)),
                    .td(.plain(row.orgUnit ?? "Whole indicator")),
                    .td(.class("number"), .plain(row.value)),
                    .td(.plain(row.rationale ?? "—")),
                    .td(.plain(row.benchmark ?? "—")),
                    .td(.class("date"), .plain(row.setOn)),
                    .td(.plain(row.setBy ?? "—")),
                    .if(showState, .td(.if(row.inForce, .text("In force"), else: .tag("replaced", class: "tag-replaced"))))
                )
            })
        )
    }

    // MARK: - Revisions

    /// The integrity checks' questions about this indicator, a total that differs from its units' sum among them.
    private var integritySection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "integrity-heading"),
            .h2(.id("integrity-heading"), .text("Questions for the data")),
            .if(integrity.isEmpty, .p(.class("muted"), .text("No integrity check raised a question about this indicator.")), else: .scrollingTable(
                label: "Integrity questions about \(indicator.name)",
                .caption(.text("Integrity questions about "), .plain(indicator.name)),
                .thead(.tr(.column("Check"), .column("Unit"), .column("Periods"), .column("Question"))),
                .tbody(.forEach(integrity) { flag in
                    .tr(
                        .td(.text(flag.check.title)),
                        .td(.plain(flag.orgUnit ?? "Whole indicator")),
                        .td(.plain(flag.from == flag.to ? flag.from : "\(flag.from) to \(flag.to)")),
                        .td(.plain(flag.question))
                    )
                })
            ))
        )
    }

    private var revisionsSection: Node<HTML.BodyContext> {
        .section(
            .attr("aria-labelledby", "revisions-heading"),
            .h2(.id("revisions-heading"), .text("Corrections")),
            .p(.class("muted"), .text("When a value is corrected the old value is kept. These are the values that corrections replaced.")),
            .if(revisions.isEmpty, .p(.class("muted"), .text("No value has been corrected.")), else: .scrollingTable(
                label: "Replaced values of \(indicator.name)",
                .caption(.text("Replaced values of "), .plain(indicator.name)),
                .thead(.tr(
                    .column("Period"), .column("Revision"), .column("Value"), .column("Status"),
                    .column("Note"), .column("Source"), .column("Replaced on"), .column("Why it was corrected")
                )),
                .tbody(.forEach(revisions) { row in
                    .tr(
                        .rowHeader(.plain(row.period)),
                        .td(.text(Self.revisionText(row.revision))),
                        .td(.class("number"), .plain(row.value)),
                        .td(.text(row.status.shortTitle)),
                        .td(.plain(row.note ?? "")),
                        .td(.plain(row.source)),
                        .td(.class("date"), .plain(row.supersededAt)),
                        .td(.plain(row.reason ?? "not recorded"))
                    )
                })
            ))
        )
    }
}
