import Foundation
import GoalStatCore
@testable import GoalStatStore
import GoalStatTestSupport
import Testing

/// Problems in a framework file are named by file, line and column (docs/formats.md).
@Suite("Framework file errors with their place")
struct FrameworkFileErrorTests {
    private func failure(_ text: String, _ format: FrameworkFile.Format) -> FrameworkFileError? {
        do {
            _ = try FrameworkFile.decode(Data(text.utf8), format: format, file: "plan.\(format.rawValue)")
            return nil
        } catch {
            return error
        }
    }

    @Test func aYAMLSyntaxErrorNamesItsLineAndColumn() {
        let error = failure("orgUnits:\n  - code: DMV\n    name: \"unclosed\n    kind: agency\n", .yaml)
        #expect(error?.position != nil)
        #expect(error?.reason.hasPrefix("not valid YAML:") == true)
        #expect(error?.description.hasPrefix("plan.yaml:\(error?.position?.line ?? 0):\(error?.position?.column ?? 0): ") == true)
        #expect((3...5).contains(error?.position?.line ?? 0))
    }

    @Test func aJSONSyntaxErrorNamesItsLineAndColumn() {
        let error = failure("{\n  \"orgUnits\": [\n    {\"code\": \"DMV\",}\n  ]\n}", .json)
        #expect(error?.position == SourcePosition(line: 3, column: 20))
        #expect(error?.description == "plan.json:3:20: orgUnits[0]: expected a key in double quotes, found '}'")
    }

    @Test func aDuplicateYAMLKeyNamesBothPlaces() {
        let error = failure("orgUnits:\n  - code: DMV\n    name: Motor Vehicles\n    code: DMV2\n    kind: agency\n", .yaml)
        #expect(error?.position == SourcePosition(line: 4, column: 5))
        #expect(error?.reason == "the key 'code' appears twice in this mapping, first at line 2, column 5; keep one")
    }

    @Test func aDuplicateYAMLKeyInAFlowMappingIsFoundToo() {
        let error = failure("plan: { code: P, name: Plan, code: Q }\n", .yaml)
        #expect(error?.position == SourcePosition(line: 1, column: 30))
        #expect(error?.reason.contains("first at line 1, column 9") == true)
    }

    @Test func aDuplicateJSONKeyNamesBothPlaces() {
        let error = failure("{\"plan\": {\"code\": \"P\",\n \"name\": \"Plan\",\n \"code\": \"Q\"}}", .json)
        #expect(error?.position == SourcePosition(line: 3, column: 2))
        #expect(error?.field == "plan")
        #expect(error?.reason == "the key \"code\" appears twice in this object, first at line 1, column 11; keep one")
    }

    @Test(arguments: [FrameworkFile.Format.yaml, .json])
    func aNumberThatUnderflowsIsRefusedWithItsPlace(format: FrameworkFile.Format) {
        let text = format == .yaml
            ? "targets:\n  - indicator: I\n    period: FY2026\n    value: 1e-400\n    setOn: 2025-09-01\n"
            : "{\"targets\": [{\"indicator\": \"I\", \"period\": \"FY2026\",\n \"value\": 1e-400, \"setOn\": \"2025-09-01\"}]}"
        let error = failure(text, format)
        #expect(error?.field == "targets[0].value")
        #expect(error?.reason.contains("too close to zero") == true)
        #expect(error?.position == (format == .yaml ? SourcePosition(line: 4, column: 12) : SourcePosition(line: 2, column: 11)))
    }

    @Test(arguments: [FrameworkFile.Format.yaml, .json])
    func aValueOfTheWrongTypeIsPlaced(format: FrameworkFile.Format) {
        let text = format == .yaml
            ? "links:\n  - driver: A\n    result: B\n    expectedSign: positive\n    lagPeriods: lots\n"
            : "{\"links\": [\n  {\"driver\": \"A\", \"result\": \"B\", \"expectedSign\": \"positive\",\n   \"lagPeriods\": \"lots\"}]}"
        let error = failure(text, format)
        #expect(error?.field == "links[0].lagPeriods")
        #expect(error?.position == (format == .yaml ? SourcePosition(line: 5, column: 17) : SourcePosition(line: 3, column: 18)))
    }

    @Test("a text with a NUL byte or over its limit is refused at its line and column, and nothing is stored")
    func badTextIsRefusedWithItsPlace() async throws {
        try await TestDatabase.withFresh { store in
            let yaml = "orgUnits:\n  - code: DMV\n    name: \"Motor\\0Vehicles\"\n    kind: agency\n"
                + "people:\n  - email: a@example.gov\n    name: \(String(repeating: "n", count: 201))\n"
            do {
                _ = try await ImportService.importFiles(
                    [ImportFile(name: "plan.yaml", data: Data(yaml.utf8))], dryRun: false, audit: Fixtures.audit(), on: store.database
                )
                Issue.record("expected the import to fail")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map(\.description) == [
                    "plan.yaml:3:11: orgUnits[0].name: has a control character (U+0000) at character 6; remove it",
                    "plan.yaml:7:11: people[0].name: is too long: at most 200 characters",
                ])
            }
            #expect(try await FrameworkStore.exportDocument(on: store.database).orgUnits.isEmpty)
        }
    }
}
