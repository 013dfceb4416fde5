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

    @Test("indicators read through SQLKit are the indicators Fluent's models make, every field, goals in order")
    func indicatorsReadAsFluentReadsThem() async throws {
        try await TestDatabase.withFresh { store in
            _ = try await DemoLoader.load(on: store.database, now: Fixtures.now)
            let links = try await IndicatorGoalModel.query(on: store.database).sort(\.$position).all()
            let goals = Dictionary(grouping: links, by: \.indicatorCode).mapValues { $0.map(\.goalCode) }
            let fluent = try await IndicatorModel.query(on: store.database).all()
                .sorted { ($0.position, $0.code) < ($1.position, $1.code) }.map { $0.domain(goals: goals[$0.code] ?? []) }
            let read = try await FrameworkStore.indicators(on: store.database)
            #expect(fluent.count > 20)
            #expect(read == fluent)
            #expect(read.contains { $0.levels != nil })
            #expect(read.contains { $0.guardrail })
            #expect(read.contains { $0.dataQuality != nil })
            let some = [fluent[3].code, fluent[0].code]
            #expect(try await FrameworkStore.indicators(some, on: store.database) == fluent.filter { some.contains($0.code) })
        }
    }
}
