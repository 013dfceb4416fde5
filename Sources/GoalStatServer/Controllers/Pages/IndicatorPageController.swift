import GoalStatCore
import GoalStatStore
import Vapor

/// An indicator's page and its chart.
struct IndicatorPageController {
    func show(_ request: Request) async throws -> Response {
        // Visitors read the portal's page of a published indicator: no staff names, no buttons they cannot use.
        if !request.principal.isSignedIn {
            let code = try request.parameters.require("code")
            return request.redirect(to: SiteURL.portalIndicator(code).path, redirectType: .normal)
        }
        return try await request.cachedPage {
            var model = try await IndicatorPageModel.load(for: request)
            let tree = try await request.orgTree()
            model.editable = request.principal.may(.editFramework, in: model.indicator.orgUnit, tree: tree)
            model.mayReviseTarget = request.principal.may(.reviseTarget, in: model.indicator.orgUnit, tree: tree)
            return model.render(request.pageContext)
        }
    }

    func chart(_ request: Request) async throws -> Response {
        let model = try await IndicatorPageModel.load(for: request)
        let response = Response(status: .ok, body: .init(string: LineChartSVG.render(model.chart)))
        response.headers.contentType = HTTPMediaType(type: "image", subType: "svg+xml")
        return response
    }
}

extension IndicatorPageModel {
    /// Reads `code` from the path and `orgUnit`, `asOf` from the query.
    static func load(for request: Request) async throws -> IndicatorPageModel {
        let code = try request.parameters.require("code")
        let orgUnit = try request.queryText("orgUnit")
        let asOf = try request.queryDate("asOf")
        let db = request.db
        let snapshot = try await PerformanceSnapshot.load(for: request) { _ in [] }
        guard let indicator = snapshot.indicatorsByCode[code] else { throw APIError.notFound("Indicator \(code)") }
        if let orgUnit, !snapshot.document.orgUnits.contains(where: { $0.code == orgUnit }) {
            // Like an unknown indicator: the series asked for does not exist (a 404, as for any unknown record).
            throw APIError.notFound("Org unit \(orgUnit)")
        }
        let reporting = snapshot.reporting
        // Its own rows, read by index: the chart and the table draw them.
        let series = try await MeasurementStore.series(indicator: code, orgUnit: orgUnit, on: db)
        let versions = snapshot.document.targets
            .filter { $0.indicator == code && $0.orgUnit == orgUnit }
            .compactMap { TargetVersion($0, calendar: reporting.calendar) }
        let history = TargetHistory(versions)
        let inForce = history.asOf(asOf)
        let people = snapshot.peopleByEmail

        func targetRow(_ version: TargetVersion, inForce: Bool) -> TargetRow {
            TargetRow(
                period: reporting.label(version.period), orgUnit: version.target.orgUnit,
                value: ValueFormatting.text(of: version, for: indicator), rationale: version.target.rationale,
                setOn: version.target.setOn + (version.target.decidedOn.map { " (decided on \($0))" } ?? ""),
                setBy: version.target.setBy.map { people[$0]?.name ?? $0 },
                benchmark: version.target.benchmark.map { "\($0.kind.title): \(ValueFormatting.format($0.value, for: indicator))\($0.source.map { " (\($0))" } ?? "")" },
                inForce: inForce
            )
        }
        let current = Set(inForce.map { "\($0.period.start)|\($0.setOn)" })
        let revisions = try await MeasurementStore.revisions(indicator: code, orgUnit: orgUnit, on: db)
        // One analysis tells the status, the latest period and the chart, for the total and each unit alike.
        let analysis = IndicatorAnalyzer(calendar: reporting.calendar, fiscal: reporting.fiscal).analyze(
            indicator: indicator, orgUnit: orgUnit, series: series, targets: history, asOf: asOf ?? snapshot.today,
            rebases: snapshot.document.rebases.filter { $0.indicator == code && $0.orgUnit == orgUnit }
        )
        // Today's status is the read model's, as on every other page; another date's is that date's analysis.
        let stored = asOf == nil ? try await ReadModel.verdict(of: code, orgUnit: orgUnit, on: db) : nil
        let status = stored?.assessment ?? StatusAssessment(status: analysis.status, reason: analysis.reasons.joined(separator: " "))
        let integrity = try await ReadModel.integrityFindings(of: [code], on: db)
        let mayExport = request.principal.may(.exportData, in: indicator.orgUnit, tree: OrgTree(snapshot.document.orgUnits))
        var model = IndicatorPageModel(
            indicator: indicator,
            goals: indicator.goals.map { goal in (goal, snapshot.document.goals.first { $0.code == goal }?.name ?? goal) },
            orgUnitName: snapshot.document.orgUnits.first { $0.code == indicator.orgUnit }?.name,
            stewardName: indicator.steward.map { people[$0]?.name ?? $0 },
            status: status,
            selectedOrgUnit: orgUnit,
            orgUnitsWithValues: try await MeasurementStore.orgUnits(withValuesFor: code, on: db),
            asOf: asOf,
            chart: ChartModel(
                indicator: indicator, series: series, label: reporting.label, target: { history.applicable(to: $0, asOf: asOf)?.band }
            ),
            analysis: indicator.isQualitative ? nil : analysis,
            rows: series.reversed().map { measurement in
                ValueRow(
                    period: reporting.label(measurement.period), value: ValueFormatting.text(of: measurement, for: indicator),
                    status: measurement.status, note: measurement.note, revision: measurement.revision,
                    source: SourceText.describe(measurement.source),
                    target: history.applicable(to: measurement.period, asOf: asOf).map { ValueFormatting.text(of: $0, for: indicator) }
                )
            },
            currentTargets: inForce.map { targetRow($0, inForce: true) },
            targetHistory: history.versions.sorted { $0.setOn > $1.setOn }.map {
                targetRow($0, inForce: current.contains("\($0.period.start)|\($0.setOn)"))
            },
            revisions: revisions.map { item in
                RevisionRow(
                    period: reporting.label(item.period), revision: item.revision.revision,
                    value: item.revision.status == .missing ? "missing"
                        : item.revision.level ?? item.revision.value.map { ValueFormatting.format($0, for: indicator) } ?? "—",
                    status: item.revision.status, note: item.revision.note, source: SourceText.describe(item.revision.source),
                    supersededAt: SourceText.date(item.revision.supersededAt),
                    reason: item.revision.correctionReason
                )
            }
        )
        model.integrity = integrity
        model.mayExport = mayExport
        return model
    }
}

/// Where a value came from, in words: "import of q3.csv by r.alvarez@example.gov on 2026-10-04".
enum SourceText {
    static func describe(_ source: MeasurementSource) -> String {
        let how: String
        switch source.kind {
        case .form: how = "data-entry form"
        case .api: how = "API"
        case .import: how = "import of \(source.label)"
        case .demo: how = "demo data"
        }
        return "\(how)\(source.enteredBy.map { " by \($0)" } ?? "") on \(date(source.enteredAt))"
    }

    static func date(_ date: Date) -> String {
        date == .distantPast ? "unknown date" : CalendarDate(utc: date).description
    }
}
