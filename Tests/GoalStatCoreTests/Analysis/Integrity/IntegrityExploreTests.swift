import Foundation
import Testing
@testable import GoalStatCore

@Suite struct IntegrityExploreTests {
    @Test func explore() {
        let base = IntegrityDemoInput.input
        let frequencies = Dictionary(base.indicators.map { ($0.code, $0.frequency) }, uniquingKeysWith: { a, _ in a })
        for index in (2025 * 12 + 2)...(2027 * 12 + 11) {
            let year = index / 12, month = index % 12 + 1
            let rows = DemoMeasurements.generate(through: (year, month)).compactMap { row -> GoalStatCore.Measurement? in
                guard let f = frequencies[row.indicator], let period = try? Period.parse(row.period, for: f, calendar: .federal) else { return nil }
                return GoalStatCore.Measurement(indicator: row.indicator, orgUnit: row.orgUnit, period: period, value: row.value, level: row.level, status: row.status, source: MeasurementSource(kind: .demo, label: "", enteredBy: nil, enteredAt: Date()))
            }
            let next = CalendarDate(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 23)
            let input = IntegrityInput(indicators: base.indicators, links: base.links, targets: IntegrityDemoInput.targets, measurements: rows, today: next)
            let flags = IntegrityChecks.run(input)
            for f in flags where f.check == .stepAfterTarget && f.indicator != "HR-TIME-TO-HIRE" { print("STEP", year, month, f.indicator, f.from, f.evidence.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }) }
            print("CLOCK \(year)-\(month):", flags.map { "\($0.check.rawValue):\($0.indicator)\($0.orgUnit.map { "@" + $0 } ?? "")" }.joined(separator: " "))
        }
    }
}
