import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

@Suite("StratML export and import")
struct StratMLTests {
    private static let today = CalendarDate(utc: Fixtures.now)

    private func read(_ xml: String, name: String = "plan.xml") throws -> StratMLPlan {
        try StratMLFile.read(Data(xml.utf8), file: name, today: Self.today)
    }

    @Test("the demo's plan goes out as Part 1 and comes back with the same goals, mission and values")
    func part1RoundTrip() async throws {
        try await TestDatabase.withFresh { store in
            _ = try await DemoLoader.load(on: store.database, now: Fixtures.now)
            let original = try await FrameworkStore.exportDocument(on: store.database)
            let xml = try await StratMLExport.xml(part: .one, visibleTo: nil, today: Self.today, on: store.database)
            #expect(xml.contains("<StrategicPlan xmlns=\"urn:ISO:std:iso:17469:tech:xsd:stratml_core\">"))
            let plan = try read(xml)
            let goals = plan.document.goals
            #expect(goals.map(\.code).sorted() == original.goals.map(\.code).sorted())
            for goal in original.goals {
                let back = try #require(goals.first { $0.code == goal.code })
                #expect(back.name == goal.name)
                #expect(back.kind == goal.kind)
                #expect(back.parent == goal.parent)
                #expect(back.orgUnit == goal.orgUnit)
                #expect(back.public == goal.public)
            }
            #expect(plan.document.plan?.mission == original.plan?.mission)
            #expect(plan.document.plan?.values == original.plan?.values)
            #expect(plan.document.plan?.period == original.plan?.period)
            #expect(plan.document.plan?.perspectives == original.plan?.perspectives)
            #expect(Set(plan.document.orgUnits.map(\.code)) == Set(original.orgUnits.map(\.code)))
        }
    }

    @Test("Part 2 carries the indicators with their yearly targets and results, and comes back with the same indicators")
    func part2RoundTrip() async throws {
        try await TestDatabase.withFresh { store in
            _ = try await DemoLoader.load(on: store.database, now: Fixtures.now)
            let original = try await FrameworkStore.exportDocument(on: store.database)
            let xml = try await StratMLExport.xml(part: .two, visibleTo: nil, today: Self.today, on: store.database)
            #expect(xml.contains("Type=\"Performance_Report\""))
            #expect(xml.contains("<ActualResult>"))
            let plan = try read(xml)
            #expect(plan.document.goals.map(\.code).sorted() == original.goals.map(\.code).sorted())
            #expect(plan.document.indicators.map(\.code).sorted() == original.indicators.map(\.code).sorted())
            for indicator in original.indicators {
                let back = try #require(plan.document.indicators.first { $0.code == indicator.code })
                #expect(back.name == indicator.name)
                #expect(back.direction == indicator.direction)
                #expect(back.frequency == indicator.frequency)
                #expect(back.stage == indicator.stage)
                #expect(back.orgUnit == indicator.orgUnit)
                #expect(Set(back.goals) == Set(indicator.goals))
                #expect(back.levels == indicator.levels)
            }
            let yearly = original.targets.filter { $0.orgUnit == nil && $0.period.hasPrefix("FY") && !$0.period.contains("-") }
            let latest = Dictionary(yearly.map { ("\($0.indicator) \($0.period)", $0) }, uniquingKeysWith: { $0.setOn >= $1.setOn ? $0 : $1 })
            for (key, target) in latest {
                let back = plan.document.targets.first { "\($0.indicator) \($0.period)" == key }
                #expect(back?.value == target.value, "target \(key)")
            }
            #expect(plan.notes.contains { $0.contains("actual result") })
        }
    }

    @Test("a StratML plan imports as a new framework through `goalstat import`'s service, atomically, with notes")
    func importsAsFramework() async throws {
        try await TestDatabase.withFresh { store in
            _ = try await DemoLoader.load(on: store.database, now: Fixtures.now)
            let xml = try await StratMLExport.xml(part: .two, visibleTo: nil, today: Self.today, on: store.database)
            try await TestDatabase.withFresh { target in
                let report = try await ImportService.importFiles(
                    [ImportFile(name: "plan.xml", data: Data(xml.utf8))], dryRun: false, audit: Fixtures.audit(), on: target.database
                )
                #expect((report.framework?.counts["goals"]?.added ?? 0) > 10)
                #expect(!report.notes.isEmpty)
                let imported = try await FrameworkStore.exportDocument(on: target.database)
                #expect(imported.indicators.count > 40)
            }
        }
    }

    @Test("a messy real-world file imports: elements out of order, missing and repeated identifiers, unknown elements, each noted")
    func messyFile() throws {
        let plan = try read(Self.messy)
        let goals = plan.document.goals
        #expect(goals.map(\.name) == ["Safer roads", "Reduce crashes at intersections", "Reduce crashes at intersections again", "Faster service"])
        #expect(Set(goals.map(\.code)).count == goals.count)
        #expect(goals[0].code == "1")
        #expect(goals[1].parent == "1")
        #expect(goals[3].code == "G2")
        #expect(plan.document.plan?.mission == "Keep Columbia moving safely.")
        #expect(plan.document.plan?.name == "Columbia DOT Strategic Plan 2024-2028")
        #expect(plan.document.orgUnits.first?.code == "CDOT")
        #expect(plan.document.indicators.first?.name == "Intersection crashes")
        #expect(plan.document.indicators.first?.direction == .neutral)
        #expect(plan.document.targets.first?.period == "2026")
        #expect(plan.document.targets.first?.value == 120)
        let notes = plan.notes.joined(separator: "\n")
        #expect(notes.contains("<Theme> in <StrategicPlanCore> was not understood"))
        #expect(notes.contains("is used earlier in the file"))
        #expect(notes.contains("has no identifier"))
        #expect(notes.contains("does not say whether more is better"))
        #expect(notes.contains("line "))
    }

    @Test("the messy file stores through the import; a file that is not StratML or not XML is refused with its line")
    func messyImportAndRefusals() async throws {
        try await TestDatabase.withFresh { store in
            let report = try await ImportService.importFiles(
                [ImportFile(name: "cdot.xml", data: Data(Self.messy.utf8))], dryRun: false, audit: Fixtures.audit(), on: store.database
            )
            #expect(report.lines.contains { $0.hasPrefix("not understood or guessed") })
            #expect(try await FrameworkStore.exportDocument(on: store.database).goals.count == 4)
            await #expect(throws: ImportFailure.self) {
                try await ImportService.importFiles([ImportFile(name: "x.xml", data: Data("<html><body/></html>".utf8))], dryRun: false, audit: Fixtures.audit(), on: store.database)
            }
            do {
                _ = try await ImportService.importFiles([ImportFile(name: "x.xml", data: Data("<StrategicPlan>\n<Name>x</Name>\n<Goal>".utf8))], dryRun: false, audit: Fixtures.audit(), on: store.database)
                Issue.record("a truncated file was accepted")
            } catch let failure as ImportFailure {
                #expect(failure.problems.first?.line != nil)
            }
        }
    }

    /// Like real StratML files: no namespace prefix discipline, elements out of schema order, a repeated
    /// identifier, a goal without one, an element of another version, a target dated only by its dates.
    static let messy = """
    <?xml version="1.0" encoding="UTF-8"?>
    <StrategicPlan xmlns="urn:ISO:std:iso:17469:tech:xsd:stratml_core">
      <StrategicPlanCore>
        <Mission><Description>Keep Columbia moving safely.</Description></Mission>
        <Organization><Acronym>CDOT</Acronym><Name>Columbia Department of Transportation</Name>
          <Stakeholder StakeholderTypeType="Generic_Group"><Name>Drivers</Name></Stakeholder>
        </Organization>
        <Theme>Safety first</Theme>
        <Goal>
          <Description>Fewer people hurt on our roads.</Description>
          <Name>Safer roads</Name>
          <SequenceIndicator>1</SequenceIndicator>
          <Objective>
            <SequenceIndicator>1.1</SequenceIndicator>
            <Name>Reduce crashes at intersections</Name>
            <PerformanceIndicator ValueChainStage="Outcome">
              <MeasurementDimension>Intersection crashes</MeasurementDimension>
              <UnitOfMeasurement>crashes</UnitOfMeasurement>
              <MeasurementInstance>
                <TargetResult><StartDate>2026-01-01</StartDate><EndDate>2026-12-31</EndDate><NumberOfUnits>120</NumberOfUnits></TargetResult>
                <ActualResult><NumberOfUnits>131</NumberOfUnits></ActualResult>
              </MeasurementInstance>
            </PerformanceIndicator>
          </Objective>
          <Objective>
            <Name>Reduce crashes at intersections again</Name>
            <SequenceIndicator>1.1</SequenceIndicator>
          </Objective>
        </Goal>
        <Goal>
          <Name>Faster service</Name>
          <Description>Shorter waits.</Description>
        </Goal>
      </StrategicPlanCore>
      <Name>Columbia DOT Strategic Plan 2024-2028</Name>
    </StrategicPlan>
    """
}
