/// "Everyone knows how everyone is doing" (seed 002, practice 5; SPEC §4 comparisons across units): an org unit set
/// beside its peers on every indicator they share.
///
/// **Peers** are the other units under the same parent in the org tree (the two regional offices of a field
/// operations division); a unit at the top of the tree has the other top units as peers. A unit compares with units
/// doing the same kind of work, not with its own parent or children, whose figures include or are part of its own.
public enum PeerGroup {
    /// The peers of `code` in org-unit order, or nil when there is no such unit.
    public static func peers(of code: String, in units: [OrgUnit]) -> [String]? {
        guard let unit = units.first(where: { $0.code == code }) else { return nil }
        return units.filter { $0.code != code && $0.parent == unit.parent }.map(\.code)
    }
}

/// One unit's place on one shared indicator.
public struct PeerStanding: Sendable, Equatable, Codable {
    public var unit: String
    /// The unit's latest value.
    public var value: Double
    /// The period of that value, as stored.
    public var period: String
    /// 1 is best by the indicator's direction; nil for a unit whose latest value is for an earlier period than the
    /// one compared (it is listed, not ranked: its value is not for the same period).
    public var rank: Int?
    /// 1 (best quarter) to 4; nil when not ranked.
    public var quartile: Int?
    /// How many other ranked units have exactly the same value.
    public var tiedWith: Int
    /// How many periods the unit's latest value is behind the period compared (0: it is that period).
    public var periodsBehind: Int
    /// The unit's status, from its stored verdict, and why.
    public var status: IndicatorStatus
    public var reason: String
}

/// A unit and its peers on one indicator: a league table for the latest period any of them reported, and a funnel
/// plot when the indicator is a ratio of two counts whose values the units have for that period.
public struct PeerIndicatorComparison: Sendable, Equatable, Codable {
    public var indicator: String
    /// The period compared: the latest any of the units has a value for.
    public var period: String
    /// The ranked units best first, then those behind (latest first, then by code).
    public var standings: [PeerStanding]
    /// The funnel plot of the ranked units, or nil (see `funnelNote`).
    public var funnel: FunnelPlot?
    /// What a funnel value is multiplied by to read on the indicator's scale (100 for `[A] / [B] * 100`).
    public var funnelScale: Double
    /// Why there is no funnel plot, or what it shows, in plain words.
    public var funnelNote: String
}

/// The comparison rules; the inputs are stored verdicts, so nothing is analysed again per request.
public enum PeerComparison {
    /// Compares the units of `verdicts` (the unit and its peers that have a value; keyed by unit) on `indicator`.
    /// `numerators` and `denominators` are the verdicts of the two counts of a ratio indicator (`[A] / [B]`, times a
    /// constant), keyed by unit; a unit is on the funnel when both are for the period compared. Nil when fewer than
    /// two units have a value (nothing to compare) or a period cannot be read. `names` names the ratio's two counts
    /// in the funnel's note (their codes otherwise).
    public static func compare(
        indicator: Indicator, verdicts: [String: IndicatorVerdict],
        numerators: [String: IndicatorVerdict] = [:], denominators: [String: IndicatorVerdict] = [:],
        names: [String: String] = [:], calendar: FiscalCalendar
    ) -> PeerIndicatorComparison? {
        var latest: [(unit: String, verdict: IndicatorVerdict, value: Double, period: Period)] = []
        for (unit, verdict) in verdicts {
            guard let value = verdict.latestValue, value.isFinite, let label = verdict.latestPeriod,
                  let period = try? Period.parse(label, calendar: calendar) else { continue }
            latest.append((unit, verdict, value, period))
        }
        guard latest.count >= 2, let compared = latest.map(\.period).max() else { return nil }
        let current = latest.filter { $0.period == compared }
        let league = LeagueTable.rank(values: current.map { ($0.unit, $0.value) }, direction: indicator.direction)
        let byUnit = Dictionary(latest.map { ($0.unit, $0) }, uniquingKeysWith: { first, _ in first })
        var standings = league.compactMap { row -> PeerStanding? in
            guard let entry = byUnit[row.unit] else { return nil }
            return PeerStanding(
                unit: row.unit, value: row.value, period: entry.verdict.latestPeriod ?? "", rank: row.rank,
                quartile: row.quartile, tiedWith: row.tiedWith, periodsBehind: 0,
                status: entry.verdict.status, reason: entry.verdict.reasons.joined(separator: " ")
            )
        }
        let behind = latest.filter { $0.period != compared }.sorted { $0.period != $1.period ? $0.period > $1.period : $0.unit < $1.unit }
        standings += behind.map { entry in
            PeerStanding(
                unit: entry.unit, value: entry.value, period: entry.verdict.latestPeriod ?? "", rank: nil, quartile: nil,
                tiedWith: 0, periodsBehind: steps(from: entry.period, to: compared), status: entry.verdict.status,
                reason: entry.verdict.reasons.joined(separator: " ")
            )
        }
        let label = current.first?.verdict.latestPeriod ?? ""
        var comparison = PeerIndicatorComparison(
            indicator: indicator.code, period: label, standings: standings, funnel: nil, funnelScale: 1, funnelNote: ""
        )
        guard let parts = indicator.formula.flatMap(FunnelPlot.ratioParts(of:)) else {
            comparison.funnelNote = "No funnel plot: \(indicator.name) is not a ratio of two counts, so the units' sizes are not known."
            return comparison
        }
        func count(_ verdicts: [String: IndicatorVerdict], _ unit: String) -> Double? {
            guard let verdict = verdicts[unit], let text = verdict.latestPeriod,
                  (try? Period.parse(text, calendar: calendar)) == compared else { return nil }
            return verdict.latestValue
        }
        let rows = current.compactMap { entry -> (unit: String, numerator: Double, denominator: Double)? in
            guard let n = count(numerators, entry.unit), let d = count(denominators, entry.unit) else { return nil }
            return (entry.unit, n, d)
        }.sorted { $0.unit < $1.unit }
        let numerator = names[parts.numerator] ?? parts.numerator, denominator = names[parts.denominator] ?? parts.denominator
        guard rows.count >= 2 else {
            comparison.funnelNote = "No funnel plot: fewer than two units have both \(numerator) and \(denominator) for \(label)."
            return comparison
        }
        let funnel = FunnelPlot.ofCounts(rows, scale: parts.scale)
        comparison.funnel = funnel
        comparison.funnelScale = funnel.measure == .proportion ? parts.scale : 1
        comparison.funnelNote = "Each unit's \(numerator.lowercased()) against its \(denominator.lowercased()) for \(label): "
            + (funnel.measure == .proportion ? "proportions with binomial limits" : "rates with Poisson limits")
            + " around the pooled value of these units. A unit inside the limits differs from its peers by no more than chance."
        return comparison
    }

    /// How many steps of `Period.next()` lead from `period` to `later` (at most 1,000; a misaligned period counts
    /// as the steps until it is passed).
    static func steps(from period: Period, to later: Period) -> Int {
        var current = period
        var count = 0
        while current < later && count < 1000 {
            current = current.next()
            count += 1
        }
        return count
    }
}

extension FunnelPlot {
    /// The two counts and the constant of a ratio formula `[A] / [B]` or `[A] / [B] * k`; nil for any other formula.
    public static func ratioParts(of formula: String) -> (numerator: String, denominator: String, scale: Double)? {
        guard case .success(let parsed) = Formula.parse(formula) else { return nil }
        var scale = 1.0
        var inner = parsed
        if case .binary(let ratio, .multiply, .number(let k)) = parsed, k > 0, k.isFinite {
            inner = ratio
            scale = k
        }
        guard case .binary(.reference(let numerator), .divide, .reference(let denominator)) = inner else { return nil }
        return (numerator, denominator, scale)
    }

    /// The funnel plot of units' counts: a share of a whole (no numerator above its denominator) is a proportion
    /// with binomial limits; anything else, such as customers per counter hour, a rate with Poisson limits per
    /// `scale`.
    public static func ofCounts(_ rows: [(unit: String, numerator: Double, denominator: Double)], scale: Double = 1) -> FunnelPlot {
        rows.allSatisfy({ $0.numerator <= $0.denominator })
            ? proportions(units: rows)
            : rates(units: rows.map { ($0.unit, $0.numerator, $0.denominator) }, per: scale)
    }
}
