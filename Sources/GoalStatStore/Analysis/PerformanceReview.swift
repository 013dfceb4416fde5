import FluentKit
import GoalStatCore

/// The cross-indicator analyses of SPEC §4 read from the store: focus, balanced scorecard, driver → result links,
/// and comparisons across units. The rules are GoalStatCore's; this only gathers their inputs.
public struct PerformanceReview: Sendable {
    public var document: FrameworkDocument
    public var reporting: Reporting
    /// Each indicator's total as the read model tells it (worked out for `asOf` when the review is of another date).
    public var verdicts: [String: IndicatorVerdict]
    /// The totals of the indicators at either end of a link, and of the components of a linked ratio: what the link
    /// evidence reads.
    public var series: [String: [GoalStatCore.Measurement]]
    public var asOf: CalendarDate
    /// Whether `verdicts` are the read model's (the review of the date it was worked out for).
    public var isStored: Bool

    /// The review of what `principal` may read (everything for `nil`: the command line and tests). `document`, when
    /// given, is the framework as stored (a process's cached copy); otherwise it is read. `only` narrows the
    /// verdicts and series read (or worked out, for another date) to those indicators: a review's scope.
    public static func load(
        asOf: CalendarDate, visibleTo principal: Principal? = nil, document stored: FrameworkDocument? = nil,
        only: Set<String>? = nil, on db: any Database
    ) async throws -> PerformanceReview {
        let full: FrameworkDocument
        if let stored { full = stored } else { full = try await FrameworkStore.exportDocument(on: db) }
        let document = principal.map(full.visible(to:)) ?? full
        let reporting = Reporting(plan: document.plan)
        let codes = document.indicators.map(\.code).filter { only?.contains($0) ?? true }
        let verdicts: [String: IndicatorVerdict]
        let isStored = try await ReadModel.state(on: db).asOf == asOf
        if isStored {
            verdicts = try await ReadModel.verdicts(of: codes, on: db)
        } else {
            let visible = Set(codes)
            guard !codes.isEmpty else { return PerformanceReview(document: document, reporting: reporting, verdicts: [:], series: [:], asOf: asOf, isStored: false) }
            let analyses = try await AnalysisService.analyze(indicators: only == nil ? [] : codes, asOf: asOf, on: db).filter { visible.contains($0.indicator) }
            verdicts = Dictionary(analyses.map { ($0.indicator, IndicatorVerdict($0)) }, uniquingKeysWith: { first, _ in first })
        }
        var linked = Set(document.links.flatMap { [$0.driver, $0.result] })
        // A linked ratio tested at a coarser frequency is worked out from its components' totals.
        for indicator in document.indicators where linked.contains(indicator.code) {
            linked.formUnion(LinkSeries.ratioFormula(of: indicator)?.references ?? [])
        }
        let series = try await MeasurementStore.measurements(indicators: codes.filter(linked.contains), on: db)
        return PerformanceReview(
            document: document, reporting: reporting,
            verdicts: verdicts,
            series: series, asOf: asOf, isStored: isStored
        )
    }

    private var indicators: [String: Indicator] {
        Dictionary(document.indicators.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Deficits ranked by distance from target × goal priority × value-chain stage × rank (seed 002, practice 2),
    /// each from the indicator's verdict: its latest value judged against the target in force for that period.
    public func focus() -> [FocusRow] {
        let goals = Dictionary(document.goals.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var inputs: [FocusInput] = []
        for indicator in document.indicators where !indicator.guardrail {
            guard let verdict = verdicts[indicator.code] else { continue }
            for goal in indicator.goals.compactMap({ goals[$0] }) {
                if let input = FocusInput(indicator: indicator, goal: goal, verdict: verdict) { inputs.append(input) }
            }
        }
        return FocusRanking.rank(inputs)
    }

    /// Indicator statuses grouped by the balanced-scorecard perspective of their goals (seed 002, practice 4).
    public func scorecard() -> [ScorecardPerspective] {
        let perspectives = document.plan?.perspectives ?? Plan.defaultPerspectives
        return (perspectives + ["No perspective"]).compactMap { perspective in
            let goals = document.goals.filter { ($0.perspective ?? "No perspective") == perspective }
            let codes = Set(goals.map(\.code))
            let rows = document.indicators.filter { !$0.goals.filter(codes.contains).isEmpty }.map { indicator in
                ScorecardRow(
                    indicator: indicator.code, name: indicator.name, rank: indicator.rank,
                    status: verdicts[indicator.code]?.status ?? .noData,
                    reason: verdicts[indicator.code]?.reasons.first ?? (indicator.isQualitative ? "A qualitative indicator." : "No values yet.")
                )
            }
            guard !rows.isEmpty || perspective != "No perspective" else { return nil }
            var counts: [String: Int] = [:]
            for row in rows { counts[row.status.rawValue, default: 0] += 1 }
            return ScorecardPerspective(perspective: perspective, goals: goals.map(\.code), counts: counts, indicators: rows)
        }
    }

    /// The evidence for each driver → result link: lagged correlation of changes against the expected sign.
    public func links() -> [LinkEvidence] {
        document.links.map { link in
            LinkCheck.evaluate(link: link, driver: linkSeries(link.driver), result: linkSeries(link.result))
        }
    }

    /// An indicator's total as a link check reads it: values up to the review's date, with its frequency and
    /// aggregation rule, and for a ratio its components' totals.
    private func linkSeries(_ code: String) -> LinkSeries {
        let indicator = indicators[code]
        let formula = indicator.flatMap(LinkSeries.ratioFormula(of:))
        var components: [String: LinkSeries] = [:]
        for reference in formula?.references ?? [] {
            guard let part = indicators[reference], reference != code else { continue }
            components[reference] = LinkSeries(frequency: part.frequency, aggregation: part.aggregation == .ratio ? .mean : part.aggregation, values: pairs(reference))
        }
        return LinkSeries(
            frequency: indicator?.frequency ?? .monthly, aggregation: indicator?.aggregation ?? .mean, values: pairs(code),
            formula: formula, components: components
        )
    }

    /// The integrity checks of SPEC §4 (seed 002, practice 9) on every series: each flag names its evidence and asks
    /// a question. The read model's findings for its date; another date's worked out from the stored values.
    /// How many questions each integrity check raised. `everyIndicator`: the reader sees every indicator, so the
    /// stored findings need no filter.
    public func integrityCounts(everyIndicator: Bool, on db: any Database) async throws -> [IntegrityCheck: Int] {
        guard isStored else { return Dictionary(grouping: try await integrity(on: db), by: \.check).mapValues(\.count) }
        return try await ReadModel.integrityCounts(of: everyIndicator ? nil : Set(document.indicators.map(\.code)), on: db)
    }

    /// One page of the integrity questions of one check (nil: all, in check order), read from the stored findings.
    public func integrityFindings(
        check: IntegrityCheck?, offset: Int, limit: Int, everyIndicator: Bool, on db: any Database
    ) async throws -> [IntegrityFinding] {
        guard isStored else {
            let all = try await integrity(on: db).filter { check == nil || $0.check == check }
            return Array(all.dropFirst(offset).prefix(limit))
        }
        return try await ReadModel.integrityFindings(
            of: everyIndicator ? nil : Set(document.indicators.map(\.code)), check: check, offset: offset, limit: limit, on: db
        )
    }

    public func integrity(on db: any Database) async throws -> [IntegrityFinding] {
        let codes = Set(document.indicators.map(\.code))
        guard !codes.isEmpty else { return [] }
        if isStored { return try await ReadModel.integrityFindings(of: codes, on: db) }
        var findings: [IntegrityFinding] = []
        try await AnalysisStream.integrity(indicators: Array(codes), asOf: asOf, on: db) { findings.append($0) }
        return findings
    }

    /// Org units compared on one indicator for one period (default: the latest with unit values): a league table,
    /// and a funnel plot when the indicator is a ratio `[A] / [B]` (× a constant) of two counts with unit values —
    /// for proportions or, when the numerator can exceed the denominator, for rates.
    public func comparison(indicator code: String, period: Period?, on db: any Database) async throws -> UnitComparison? {
        guard let indicator = indicators[code] else { return nil }
        let units = try await MeasurementStore.orgUnits(withValuesFor: code, on: db)
        var values: [String: [GoalStatCore.Measurement]] = [:]
        for unit in units { values[unit] = try await MeasurementStore.series(indicator: code, orgUnit: unit, on: db) }
        let periods = Set(values.values.flatMap { $0.filter { $0.value != nil }.map(\.period) })
        guard let chosen = period ?? periods.filter({ $0.end <= asOf }).max() else {
            return UnitComparison(indicator: code, period: nil, league: [], funnel: nil)
        }
        let points = units.compactMap { unit in values[unit]?.first { $0.period == chosen }?.value.map { (unit: unit, value: $0) } }
        var funnel: FunnelPlot?
        if let parts = indicator.formula.flatMap(FunnelPlot.ratioParts(of:)) {
            var rows: [(unit: String, numerator: Double, denominator: Double)] = []
            for unit in units {
                let n = try await MeasurementStore.series(indicator: parts.numerator, orgUnit: unit, on: db).first { $0.period == chosen }?.value
                let d = try await MeasurementStore.series(indicator: parts.denominator, orgUnit: unit, on: db).first { $0.period == chosen }?.value
                if let n, let d { rows.append((unit, n, d)) }
            }
            if !rows.isEmpty { funnel = FunnelPlot.ofCounts(rows, scale: parts.scale) }
        }
        return UnitComparison(
            indicator: code, period: reporting.label(chosen),
            league: LeagueTable.rank(values: points, direction: indicator.direction), funnel: funnel
        )
    }

    private func pairs(_ code: String) -> [(Period, Double)] {
        (series[code] ?? []).filter { $0.period.end <= asOf }.compactMap { measurement in measurement.value.map { (measurement.period, $0) } }
    }
}

/// One perspective of the balanced scorecard: its goals and their indicators' statuses.
public struct ScorecardPerspective: Sendable, Codable, Equatable {
    public var perspective: String
    public var goals: [String]
    public var counts: [String: Int]
    public var indicators: [ScorecardRow]
}

/// One indicator on the scorecard.
public struct ScorecardRow: Sendable, Codable, Equatable {
    public var indicator: String
    public var name: String
    public var rank: IndicatorRank
    public var status: IndicatorStatus
    public var reason: String
}

/// Org units compared on one indicator and period.
public struct UnitComparison: Sendable, Codable, Equatable {
    public var indicator: String
    public var period: String?
    public var league: [LeagueRow]
    public var funnel: FunnelPlot?
}

/// An integrity flag as JSON: which check, where, over which periods, the evidence, and the question it asks.
public struct IntegrityFinding: Sendable, Codable, Equatable {
    public var check: IntegrityCheck
    public var indicator: String
    public var orgUnit: String?
    public var relatedIndicator: String?
    public var from: String
    public var to: String
    public var evidence: [String: Double]
    public var question: String

    public init(_ flag: IntegrityFlag, reporting: Reporting) {
        check = flag.check
        indicator = flag.indicator
        orgUnit = flag.orgUnit
        relatedIndicator = flag.relatedIndicator
        from = reporting.label(flag.from)
        to = reporting.label(flag.to)
        evidence = flag.evidence
        question = flag.question
    }
}
