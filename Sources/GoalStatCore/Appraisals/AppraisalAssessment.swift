import Foundation

/// The appraisal program assessment of seed 001: the rating distribution per unit and level, the timeliness of
/// plans and progress reviews, and pay differentiation (awards by rating level). Calibration notes are advisory
/// only: 5 CFR 430.208(c) forbids limiting or requiring the use of any level.
public struct AppraisalAssessment: Equatable, Sendable {
    /// One employee's cycle as the assessment counts it.
    public struct Entry: Equatable, Sendable {
        public var orgUnit: String
        public var coveredFrom: CalendarDate
        public var planEstablished: CalendarDate?
        public var progressReviews: Int
        public var summaryLevel: SummaryLevel?

        public init(orgUnit: String, coveredFrom: CalendarDate, planEstablished: CalendarDate?, progressReviews: Int, summaryLevel: SummaryLevel?) {
            self.orgUnit = orgUnit
            self.coveredFrom = coveredFrom
            self.planEstablished = planEstablished
            self.progressReviews = progressReviews
            self.summaryLevel = summaryLevel
        }
    }

    /// One award as the assessment counts it: the rating level it went with, and its cash amount (0 for time off).
    public struct AwardEntry: Equatable, Sendable {
        public var summaryLevel: SummaryLevel?
        public var amount: Double

        public init(summaryLevel: SummaryLevel?, amount: Double) {
            self.summaryLevel = summaryLevel
            self.amount = amount
        }
    }

    public struct UnitDistribution: Equatable, Sendable {
        public var orgUnit: String
        /// Ratings given, by level number.
        public var counts: [Int: Int]
        public var notRated: Int

        public var rated: Int { counts.values.reduce(0, +) }
    }

    public struct PayRow: Equatable, Sendable {
        public var level: SummaryLevel
        public var employees: Int
        public var awards: Int
        public var cash: Double

        /// Cash per employee rated at the level.
        public var cashPerEmployee: Double { employees == 0 ? 0 : cash / Double(employees) }
    }

    public var levels: [SummaryLevel]
    public var distribution: [UnitDistribution]
    public var plans: Int
    public var plansOnTime: Int
    public var plansMissing: Int
    public var withProgressReview: Int
    public var pay: [PayRow]
    public var advisories: [String]

    public static func make(
        pattern: SummaryLevelPattern, cycle: AppraisalCycle, timing: AppraisalTiming, entries: [Entry], awards: [AwardEntry], today: CalendarDate
    ) -> AppraisalAssessment {
        var byUnit: [String: UnitDistribution] = [:]
        for entry in entries {
            var row = byUnit[entry.orgUnit] ?? UnitDistribution(orgUnit: entry.orgUnit, counts: [:], notRated: 0)
            if let level = entry.summaryLevel { row.counts[level.number, default: 0] += 1 } else { row.notRated += 1 }
            byUnit[entry.orgUnit] = row
        }
        let onTime = entries.filter { entry in
            guard let established = entry.planEstablished else { return false }
            return established <= timing.planDeadline(cycle: cycle, coveredFrom: entry.coveredFrom)
        }.count
        let missing = entries.filter { $0.planEstablished == nil && today > timing.planDeadline(cycle: cycle, coveredFrom: $0.coveredFrom) }.count
        let pay = pattern.levels.reversed().map { level in
            let matching = awards.filter { $0.summaryLevel == level }
            return PayRow(level: level, employees: entries.filter { $0.summaryLevel == level }.count, awards: matching.count, cash: matching.map(\.amount).reduce(0, +))
        }
        var advisories: [String] = []
        let rated = entries.compactMap(\.summaryLevel)
        if rated.count >= 5, let top = pattern.levels.last {
            let share = Double(rated.filter { $0 == top }.count) / Double(rated.count)
            for row in byUnit.values.sorted(by: { $0.orgUnit < $1.orgUnit }) where row.rated >= 3 {
                let unitShare = Double(row.counts[top.number] ?? 0) / Double(row.rated)
                if abs(unitShare - share) >= 0.25 {
                    advisories.append("\(row.orgUnit) rated \(Int((unitShare * 100).rounded()))% at Level \(top.number) against \(Int((share * 100).rounded()))% across the program: worth a calibration conversation. This is advice only; no level is limited or required (5 CFR 430.208(c)).")
                }
            }
        }
        let ordered = pay.filter { $0.employees > 0 }
        if ordered.count >= 2, zip(ordered, ordered.dropFirst()).contains(where: { $0.cashPerEmployee <= $1.cashPerEmployee && $0.cashPerEmployee > 0 }) {
            advisories.append("Award money per employee does not fall with each lower rating level: meaningful distinctions by performance are expected (5 U.S.C. 4505a; 5 CFR 451.104(b)).")
        }
        return AppraisalAssessment(
            levels: pattern.levels, distribution: byUnit.values.sorted { $0.orgUnit < $1.orgUnit }, plans: entries.count, plansOnTime: onTime,
            plansMissing: missing, withProgressReview: entries.filter { $0.progressReviews > 0 }.count, pay: pay, advisories: advisories
        )
    }

    /// The assessment as CSV: one row per unit and level with its count, then the pay rows.
    public var csv: String {
        var lines = ["section,org_unit,level,level_name,count,awards,cash"]
        for row in distribution {
            for level in levels { lines.append("distribution,\(AppraisalCSV.escape(row.orgUnit)),\(level.number),\(level.name),\(row.counts[level.number] ?? 0),,") }
            lines.append("distribution,\(AppraisalCSV.escape(row.orgUnit)),,Not rated,\(row.notRated),,")
        }
        for row in pay { lines.append("pay,,\(row.level.number),\(row.level.name),\(row.employees),\(row.awards),\(String(format: "%.2f", row.cash))") }
        lines.append("timeliness,,,Plans,\(plans),,")
        lines.append("timeliness,,,Plans given on time,\(plansOnTime),,")
        lines.append("timeliness,,,Plans missing after their deadline,\(plansMissing),,")
        lines.append("timeliness,,,With a progress review,\(withProgressReview),,")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Quoting of one CSV field (RFC 4180) for the small exports of the appraisal pages.
enum AppraisalCSV {
    static func escape(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
