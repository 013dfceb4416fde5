import FluentKit
import FluentSQL
import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import SQLKit
import Testing

@Suite("Framework rows written from their fields")
struct FrameworkRowValuesTests {
    /// What a new row writes, column by column: Fluent's own input for the model, or `FrameworkRowValues`.
    private static func fluentInput(_ row: some Model) -> [String: String] {
        let input = CollectedInput()
        row.input(to: input)
        return Dictionary(uniqueKeysWithValues: input.values.map { key, value in
            switch value {
            case .bind(let encodable): (key, "\(encodable)")
            case .null: (key, "NULL")
            default: (key, "\(value)")
            }
        })
    }

    private static func written<Row: FrameworkRowValues>(_ row: Row) -> [String: String] {
        Dictionary(uniqueKeysWithValues: zip(Row.insertColumns, row.insertValues.map { value in
            if let bind = value as? SQLBind { "\(bind.encodable)" } else if value is SQLLiteral { "NULL" } else { "\(value)" }
        }))
    }

    @Test(
        "every target, indicator, goal and goal link of the demo agency and the fixture plan writes the columns and values Fluent's create writes",
        arguments: [DemoFramework.fileName, "plan.yaml"]
    )
    func rowsMatchFluent(file: String) throws {
        let text = file == DemoFramework.fileName ? try DemoFramework.yamlText() : Fixtures.frameworkYAML
        let document = try FrameworkFile.decode(Data(text.utf8), format: .yaml, file: file)
        let calendar = FiscalCalendar(startMonth: document.plan?.fiscalYearStartMonth ?? 10)
        #expect(document.targets.contains { $0.range != nil || $0.benchmark != nil })
        for target in document.targets {
            let row = TargetModel()
            row.id = UUID()
            row.apply(target, period: try Period.parse(target.period, calendar: calendar))
            #expect(Self.written(row) == Self.fluentInput(row))
        }
        for (position, indicator) in document.indicators.enumerated() {
            let row = IndicatorModel()
            row.id = UUID()
            row.version = 1
            row.apply(indicator)
            row.position = position
            #expect(Self.written(row) == Self.fluentInput(row))
            for (index, goal) in indicator.goals.enumerated() {
                let link = IndicatorGoalModel()
                link.id = UUID()
                link.indicatorCode = indicator.code
                link.goalCode = goal
                link.position = index
                #expect(Self.written(link) == Self.fluentInput(link))
            }
        }
        for (position, goal) in document.goals.enumerated() {
            let row = GoalModel()
            row.id = UUID()
            row.version = 1
            row.apply(goal)
            row.position = position
            #expect(Self.written(row) == Self.fluentInput(row))
        }
    }
}
