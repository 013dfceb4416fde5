import Foundation
import Testing
@testable import GoalStatCore

/// The funnel limits on real data: 40 NHS providers' type 1 A&E departments in January 2019 (Fixtures/ae).
///
/// The expected numbers were computed independently in Python 3 with scipy 1.17:
/// ```python
/// import csv, math
/// from scipy.stats import norm
/// rows = list(csv.DictReader(open("ae_type1_2019-01.csv")))
/// z95, z998 = norm.ppf(0.975), norm.ppf(0.999)
/// p0 = sum(int(r["attendances"]) - int(r["breaches"]) for r in rows) / sum(int(r["attendances"]) for r in rows)
/// def limits(p0, n):
///     se = math.sqrt(p0 * (1 - p0) / n); clip = lambda v: min(max(v, 0), 1)
///     return [clip(p0 - z998 * se), clip(p0 - z95 * se), clip(p0 + z95 * se), clip(p0 + z998 * se)]
/// def flag(p, l):
///     return "above99" if p > l[3] else "above95" if p > l[2] else "below99" if p < l[0] else "below95" if p < l[1] else "within"
/// # each unit: p = 1 - breaches / attendances, flag(p, limits(p0, attendances)); the same with p0 = 0.95;
/// # rates: l0 = sum(admissions) / sum(attendances), limits 1000 * (l0 ± z * sqrt(l0 / attendances)), clipped at 0.
/// ```
@Suite("Funnel plot on NHS A&E 4-hour performance")
struct FunnelPlotAETests {
    struct Row {
        var org: String
        var attendances: Double
        var breaches: Double
        var admissions: Double
    }

    static func rows() throws -> [Row] {
        let url = try #require(Bundle.module.url(forResource: "ae_type1_2019-01", withExtension: "csv", subdirectory: "Fixtures/ae"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        return try lines.map { line in
            let fields = line.split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
            try #require(fields.count == 6)
            return Row(
                org: fields[1], attendances: try #require(Double(fields[3])),
                breaches: try #require(Double(fields[4])), admissions: try #require(Double(fields[5]))
            )
        }
    }

    static func performance(_ rows: [Row]) -> [(unit: String, numerator: Double, denominator: Double)] {
        rows.map { (unit: $0.org, numerator: $0.attendances - $0.breaches, denominator: $0.attendances) }
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 }

    static func units(_ plot: FunnelPlot, _ flag: FunnelFlag) -> [String] {
        plot.units.filter { $0.flag == flag }.map(\.unit)
    }

    @Test("the fixture holds 40 providers of one month")
    func fixture() throws {
        let rows = try Self.rows()
        #expect(rows.count == 40)
        #expect(Set(rows.map(\.org)).count == 40)
    }

    @Test("pooled centre and per-provider limits match the Python computation")
    func pooledLimits() throws {
        let plot = FunnelPlot.proportions(units: Self.performance(try Self.rows()))
        #expect(Self.close(plot.centre, 0.7870874333815941))  // 277797 / 352943
        let expected: [String: (p: Double, limits: [Double], flag: FunnelFlag)] = [
            "R1F": (0.7724079797695982, [0.7658823848203733, 0.7736382401324446, 0.8005366266307437, 0.808292481942815], .below95),
            "R1H": (0.7426166307077424, [0.7795639785357272, 0.7823157207476341, 0.7918591460155542, 0.7946108882274611], .below99),
            "RBZ": (0.7851466155110989, [0.7661455212188794, 0.7738051330430727, 0.8003697337201156, 0.8080293455443089], .within),
        ]
        for (org, want) in expected {
            let unit = try #require(plot.units.first { $0.unit == org })
            #expect(Self.close(unit.value, want.p), "\(org) value")
            let got = [unit.lower99, unit.lower95, unit.upper95, unit.upper99]
            #expect(zip(got, want.limits).allSatisfy(Self.close), "\(org) limits \(got)")
            #expect(unit.flag == want.flag, "\(org) flag")
        }
        #expect(Self.units(plot, .within) == ["RBZ", "REF"])
        #expect(Self.units(plot, .below95) == ["R1F", "RD8", "REM"])
        #expect(Self.units(plot, .below99).count == 15)
        #expect(Self.units(plot, .above99).count == 20)
        #expect(Self.units(plot, .above95).isEmpty)
    }

    @Test("the limit curve for drawing matches Python at 100 and 1,000 attendances")
    func limitCurve() throws {
        let plot = FunnelPlot.proportions(units: Self.performance(try Self.rows()))
        let curve = plot.limitCurve(denominators: [100, 1_000])
        let expected = [
            [0.6605837225001493, 0.7068531038318612, 0.8673217629313271, 0.913591144263039],
            [0.7470834474967148, 0.7617151105902233, 0.812459756172965, 0.8270914192664734],
        ]
        for (limits, want) in zip(curve, expected) {
            #expect(zip([limits.lower99, limits.lower95, limits.upper95, limits.upper99], want).allSatisfy(Self.close))
        }
    }

    @Test("against the 95% standard, only three providers are not clearly below it")
    func againstTheStandard() throws {
        let plot = FunnelPlot.proportions(units: Self.performance(try Self.rows()), target: 0.95)
        #expect(Self.units(plot, .within) == ["RA4"])
        #expect(Self.units(plot, .above99) == ["RC9", "RCU"])
        #expect(Self.units(plot, .below99).count == 37)
        let smallest = try #require(plot.units.min { $0.denominator < $1.denominator })
        #expect(smallest.unit == "R1F")
        let want = [0.9387105199809478, 0.942839705223014, 0.9571602947769859, 0.9612894800190521]
        #expect(zip([smallest.lower99, smallest.lower95, smallest.upper95, smallest.upper99], want).allSatisfy(Self.close))
    }

    @Test("admissions per 1,000 attendances get Poisson limits that match Python")
    func admissionRates() throws {
        let rows = try Self.rows()
        let plot = FunnelPlot.rates(units: rows.map { (unit: $0.org, events: $0.admissions, exposure: $0.attendances) }, per: 1_000)
        #expect(abs(plot.centre - 327.63080724082926) < 1e-9)
        let r1f = try #require(plot.units.first { $0.unit == "R1F" })
        #expect(abs(r1f.value - 264.6810901938747) < 1e-9)
        let want = [297.98116206788535, 308.825671919004, 346.43594256265453, 357.28045241377316]
        #expect(zip([r1f.lower99, r1f.lower95, r1f.upper95, r1f.upper99], want).allSatisfy { abs($0 - $1) < 1e-9 })
        let counts = Dictionary(grouping: plot.units, by: \.flag).mapValues(\.count)
        #expect(counts == [.below99: 12, .below95: 5, .within: 8, .above95: 1, .above99: 14])
    }
}
