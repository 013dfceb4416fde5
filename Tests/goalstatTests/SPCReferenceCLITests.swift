import Foundation
import Testing

/// `goalstat spc` end to end on every reference case of NHSRplotthedots 0.2.2 (the fixture of GoalStatCoreTests,
/// Tests/GoalStatCoreTests/Fixtures/spc/reference_cases.json, with its origin in the README beside it): the command
/// line's reading, sorting, rebasing and options must give the reference's numbers and labels, not just the engine.
@Suite("goalstat spc against the reference implementation")
struct SPCReferenceCLITests {
    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var object: [String: any Sendable]
        var testDescription: String { id }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GoalStatCoreTests/Fixtures/spc/reference_cases.json")
        guard let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cases = root["cases"] as? [[String: Any]] else { return [] }
        return cases.map { Case(id: $0["id"] as? String ?? "?", object: ["json": (try? JSONSerialization.data(withJSONObject: $0)) ?? Data()]) }
    }()

    @Test("all 22 reference cases are present")
    func present() {
        #expect(Self.cases.count == 22)
    }

    @Test("the command's limits, labels and assurance match the reference", arguments: cases)
    func matches(_ referenceCase: Case) async throws {
        let object = try #require(try JSONSerialization.jsonObject(with: referenceCase.object["json"] as! Data) as? [String: Any])
        let input = try #require(object["input"] as? [String: Any])
        let expected = try #require(object["expected"] as? [String: Any])
        let values = try #require(input["values"] as? [Double])
        let dates = try #require(input["dates"] as? [String])
        let facets = input["facets"] as? [String]
        var lines = [facets == nil ? "period,value" : "org_unit,period,value"]
        for (index, date) in dates.enumerated() {
            let value = String(values[index])
            lines.append(facets.map { "F\($0[index]),\(date),\(value)" } ?? "\(date),\(value)")
        }
        var arguments = ["spc", "--direction", input["improvement_direction"] as? String ?? "increase"]
        if let target = input["target"] as? Double { arguments += ["--target", String(target)] }
        if let baseline = input["fix_after_n_points"] as? Int { arguments += ["--baseline", String(baseline)] }
        if input["screen_outliers"] as? Bool == false { arguments.append("--no-screen") }
        if let rebase = input["rebase"] as? String { arguments += ["--rebase", rebase] }
        if let rebases = input["rebase"] as? [String] { for date in rebases { arguments += ["--rebase", date] } }

        let cli = try await CLIRunner.make()
        let result = try cli.run(arguments, stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let points = try #require(output["points"] as? [[String: Any]])
        var byKey: [String: [String: Any]] = [:]
        for point in points { byKey["\(point["orgUnit"] as? String ?? "")|\(point["period"] as? String ?? "")"] = point }

        func close(_ a: Double?, _ b: Double?) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            return abs(a - b) <= max(1e-12, 1e-9 * abs(b))
        }
        let pointTypes = ["common_cause": "commonCause", "special_cause_improvement": "improvement", "special_cause_concern": "concern"]
        for reference in try #require(expected["points"] as? [[String: Any]]) {
            let facet = (reference["facet"] as? String).map { "F\($0)" } ?? (reference["facet"] as? Int).map { "F\($0)" } ?? ""
            let point = try #require(byKey["\(facet)|\(reference["date"] as? String ?? "")"], "no point for \(facet) \(reference["date"] ?? "")")
            #expect(close(point["mean"] as? Double, reference["mean"] as? Double))
            #expect(close(point["lowerLimit"] as? Double, reference["lpl"] as? Double))
            #expect(close(point["upperLimit"] as? Double, reference["upl"] as? Double))
            #expect(close(point["lowerNearLimit"] as? Double, reference["nlpl"] as? Double))
            #expect(close(point["upperNearLimit"] as? Double, reference["nupl"] as? Double))
            #expect(point["pointType"] as? String == pointTypes[reference["point_type"] as? String ?? ""])
        }
        let groups = try #require(output["groups"] as? [[String: Any]])
        let referenceAssurances = (expected["groups"] as? [[String: Any]] ?? []).compactMap { $0["assurance_type"] as? String }
        #expect(groups.compactMap { $0["assurance"] as? String } == referenceAssurances.map { $0 == "inconsistent" ? "inconsistent" : $0 })
    }
}
