import Foundation
import Testing
@testable import GoalStatCore

@Suite struct ZZExploreTests {
    @Test func explore() {
        let base = IntegrityDemoInput.input
        let frequencies = Dictionary(base.indicators.map { ($0.code, $0.frequency) }, uniquingKeysWith: { a, _ in a })
        for index in (2025 * 12 + 2)...(2029 * 12 + 11) {
            let year = index / 12, month = index % 12 + 1
            let rows = DemoMeasurements.generate(through: (year, month)).compactMap { row -> GoalStatCore.Measurement? in
                guard let f = frequencies[row.indicator], let period = try? Period.parse(row.period, for: f, calendar: .federal) else { return nil }
                return GoalStatCore.Measurement(indicator: row.indicator, orgUnit: row.orgUnit, period: period, value: row.value, level: row.level, status: row.status, source: MeasurementSource(kind: .demo, label: "", enteredBy: nil, enteredAt: Date()))
            }
            for day in [5, 23] {
            let next = CalendarDate(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: day)
            let input = IntegrityInput(indicators: base.indicators, links: base.links, targets: IntegrityDemoInput.targets, measurements: rows, today: next)
            let flags = IntegrityChecks.run(input)
            let planted = Set(DemoMeasurements.plantedCases(through: (year, month)).map { "\($0.check.rawValue):\($0.indicator)" })
            let extra = flags.filter { !planted.contains("\($0.check.rawValue):\($0.indicator)") }
            if year == 2028 && month == 12 && day == 23 {
                var loose = IntegrityThresholds(); loose.stepSigmas = 1
                for f in IntegrityChecks.run(input, thresholds: loose, checks: [.stepAfterTarget]) { print("LATE", f.indicator, f.from, f.evidence.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) }
            }
            print("CLOCK \(next):", flags.count, "extra:", extra.map { "\($0.check.rawValue):\($0.indicator)" }, Set(flags.map { "\($0.check.rawValue):\($0.indicator)\($0.orgUnit ?? "")" }).sorted().joined(separator: " ").replacingOccurrences(of: "SAFE-OUTREACH-STUDENTS", with: "O"))
            }
        }
        var loose = IntegrityThresholds()
        loose.stepSigmas = 0.5
        for f in IntegrityChecks.run(base, thresholds: loose, checks: [.stepAfterTarget]) { print("STEP", f.indicator, f.orgUnit ?? "", f.from, f.evidence["shiftSigmas"]!) }
        for f in IntegrityChecks.run(base, checks: [.lateRevision, .digitPreference]) { print("Q", f.question) }
    }
}
