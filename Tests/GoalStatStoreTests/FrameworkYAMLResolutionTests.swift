import Foundation
import GoalStatCore
@testable import GoalStatStore
import Testing
import Yams

/// The framework reader composes YAML without Yams' regular-expression tag resolution and tags plain values itself
/// (`YAMLSource.compose`); files must read exactly as they did with `Yams.compose` and its default resolver.
@Suite("Framework YAML: tags without the regular-expression resolver")
struct FrameworkYAMLResolutionTests {
    /// Every spelling the default rules know, and near misses.
    private static let scalars = [
        "yes", "Yes", "YES", "no", "NO", "true", "True", "TRUE", "false", "False", "on", "On", "OFF", "off", "y", "n", "tRUE",
        "", "~", "null", "Null", "NULL", "nULL", "<<", "=", "==",
        "0", "-0", "+1", "12", "012", "0o17", "0b101", "0x1F", "-0x1f", "1_000", "190:20:30", "08", "09",
        "1.5", "-1.5", ".5", "+.5", "1.", "1e3", "1E-3", "1.0e+3", "6.8523015e+5", ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "1_0.5",
        "2025-09-15", "2025-9-5", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-15T02:59:43.1Z", "2025-09",
        "FY2026", "FY2026-Q4", "2026-M03", "IND-0001", "-x", "+x", ".x", "1x", "- 1", "12:30", "3.14.15",
    ]

    private func defaultTag(of string: String) -> String {
        Node(string).tag.rawValue
    }

    @Test("a plain value gets the tag of Yams' default rules", arguments: scalars)
    func plainValueTag(_ string: String) {
        #expect(YAMLSource.defaultTag(ofPlain: string).rawValue == defaultTag(of: string))
    }

    /// Every value node of both trees, with its tag, string and style, in document order.
    private func values(_ node: Node, into result: inout [String]) {
        switch node {
        case .scalar(let scalar):
            // `Node.tag` resolves the tag (the default tree resolves on access).
            result.append("\(node.tag.rawValue)|\(scalar.string)|\(scalar.style)|\(scalar.mark.map { "\($0.line):\($0.column)" } ?? "")")
        case .mapping(let mapping):
            for (key, value) in mapping {
                result.append("key \(key.string ?? "?")")
                values(value, into: &result)
            }
        case .sequence(let sequence):
            for item in sequence { values(item, into: &result) }
        case .alias:
            result.append("alias")
        }
    }

    private let tricky = """
        orgUnits:
          - { code: ROOT, name: "yes", kind: agency }
          - code: U1
            name: 'null'
            kind: office
            parent: ROOT
        plan:
          code: SP
          name: Strategic plan
          orgUnit: ROOT
          fiscalYearStartMonth: 10
          period: { from: FY2026, to: FY2029 }
        goals:
          - { code: G1, kind: strategicGoal, name: Goal, orgUnit: ROOT, public: yes }
          - { code: G2, kind: strategicGoal, name: Goal, orgUnit: ROOT, public: Off }
        indicators:
          - code: I1
            name: 2025-09-15
            unit: count
            direction: increase
            frequency: monthly
            stage: output
            orgUnit: ROOT
            public: TRUE
            decimals: 0x2
            definition: ~
            goals: [G1, G2]
        targets:
          - { indicator: I1, period: FY2026, value: 1e3, setOn: 2025-09-15 }
          - { indicator: I1, period: FY2027, value: .5, setOn: 2025-09-15 }
          - { indicator: I1, period: FY2028, value: -1_000.25, setOn: 2025-09-15, orgUnit: U1 }
          - { indicator: I1, period: FY2029, value: !!float 7, setOn: 2025-09-15 }
        """

    /// A merge key and an alias.
    private let merged = """
        goals:
          - &goal { code: G1, kind: strategicGoal, name: Goal, orgUnit: ROOT, public: yes }
          - { <<: *goal, code: G2, public: Off }
        """

    @Test("a merge key reads as with the default resolver")
    func mergeKey() throws {
        let fast = try? FrameworkFile.decode(Data(merged.utf8), format: .yaml, file: "f.yaml")
        let reference = try? YAMLDecoder().decode(FrameworkDocument.self, from: try #require(try Yams.compose(yaml: merged)))
        #expect(fast == reference)
        #expect(fast?.goals.map(\.code) == ["G1", "G2"])
    }

    @Test("a file composes to the same values, tags and places as with the default resolver")
    func sameTree() throws {
        for text in [tricky, merged, try DemoFramework.yamlText()] {
            var fast: [String] = [], reference: [String] = []
            values(try #require(try YAMLSource.compose(text)), into: &fast)
            values(try #require(try Yams.compose(yaml: text)), into: &reference)
            #expect(fast == reference)
        }
    }

    @Test("the demo agency's file and a file of every scalar form decode as with the default resolver")
    func sameDocument() throws {
        for text in [tricky, try DemoFramework.yamlText()] {
            let fast = try FrameworkFile.decode(Data(text.utf8), format: .yaml, file: "f.yaml")
            let reference = try YAMLDecoder().decode(FrameworkDocument.self, from: try #require(try Yams.compose(yaml: text)))
            #expect(fast == reference)
        }
        let document = try FrameworkFile.decode(Data(tricky.utf8), format: .yaml, file: "f.yaml")
        #expect(document.orgUnits.map(\.name) == ["yes", "null"])
        #expect(document.goals.map(\.public) == [true, false])
        #expect(document.indicators.first?.public == true)
        #expect(document.indicators.first?.name == "2025-09-15")
        #expect(document.targets.map(\.value) == [1000, 0.5, -1000.25, 7])
    }

    @Test("sections decoded side by side make the document, and a bad section is named as before")
    func sectionsSideBySide() throws {
        let demo = try DemoFramework.yamlText()
        let root = try #require(try YAMLSource.compose(demo))
        let sections = try #require(YAMLSource.decodeSections(of: root))
        #expect(sections == (try YAMLDecoder().decode(FrameworkDocument.self, from: root)))
        #expect(!sections.indicators.isEmpty && !sections.targets.isEmpty && sections.plan != nil)

        let text = "orgUnits:\n  - { code: ROOT, name: Agency, kind: agency }\ngoals:\n  - { code: G1, kind: strategicGoal, name: G, orgUnit: ROOT, public: perhaps }\n"
        #expect(YAMLSource.decodeSections(of: try #require(try YAMLSource.compose(text))) == nil)
        do {
            _ = try FrameworkFile.decode(Data(text.utf8), format: .yaml, file: "f.yaml")
            Issue.record("decoded")
        } catch {
            #expect(error.field == "goals[0].public")
            #expect(error.position?.line == 4)
        }
    }

    @Test("a value of the wrong type is still named with its place")
    func wrongTypeHasItsPlace() {
        let text = "indicators:\n  - code: I1\n    name: Wait\n    unit: count\n    direction: increase\n    frequency: monthly\n    stage: output\n    orgUnit: ROOT\n    public: maybe\n"
        do {
            _ = try FrameworkFile.decode(Data(text.utf8), format: .yaml, file: "f.yaml")
            Issue.record("decoded")
        } catch {
            #expect(error.field == "indicators[0].public")
            #expect(error.position == SourcePosition(line: 9, column: 13))
        }
    }
}
