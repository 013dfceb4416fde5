import Foundation
import GoalStatTestSupport
import Testing

@Suite("goalstat spc and analyze (SPEC §4, §5)", .serialized)
struct AnalysisCLITests {
    @Test("spc reads CSV from standard input and prints groups and points with the SPEC keys")
    func spcFromStandardInput() async throws {
        let cli = try await CLIRunner.make()
        let csv = "period,value\n" + (1...15).map { "2025-\(String(format: "%02d", ($0 - 1) % 12 + 1))-01".replacingOccurrences(of: "2025", with: $0 > 12 ? "2026" : "2025") + ",\(10 + ($0 % 3))" }.joined(separator: "\n") + "\n2026-04-01,30\n"
        let result = try cli.run(["spc", "--direction", "increase", "--target", "35"], stdin: csv)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let points = try #require(object["points"] as? [[String: Any]])
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(points.count == 16)
        #expect(points.first?["period"] as? String == "2025-01-01")
        #expect(points.first?["orgUnit"] is NSNull)
        #expect(points.last?["specialCause"] as? String == "aboveUpperLimit")
        #expect(points.last?["pointType"] as? String == "improvement")
        #expect(groups.first?["assurance"] as? String == "consistentFail")
        #expect(Set(points[0].keys) == ["period", "orgUnit", "value", "group", "mean", "lowerLimit", "upperLimit", "lowerNearLimit", "upperNearLimit", "specialCause", "pointType", "trialLimits"])
    }

    @Test("spc makes one chart per org unit and rebases at a period")
    func spcPerUnitWithRebase() async throws {
        let cli = try await CLIRunner.make()
        var lines = ["org_unit,period,value"]
        for unit in ["B", "A"] {
            for month in 1...12 { lines.append("\(unit),2026-\(String(format: "%02d", month)),\(month <= 6 ? 10 + month % 2 : 20 + month % 2)") }
        }
        let file = try cli.write("units.csv", lines.joined(separator: "\n") + "\n")
        let result = try cli.run(["spc", file, "--direction", "decrease", "--rebase", "2026-07"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.map { $0["orgUnit"] as? String } == ["A", "A", "B", "B"])
        #expect(groups.map { $0["group"] as? Int } == [0, 1, 0, 1])
        #expect(groups.first?["to"] as? String == "2026-06")
    }

    @Test("spc refuses bad rows with line and column, and an unknown rebase period")
    func spcBadInput() async throws {
        let cli = try await CLIRunner.make()
        let bad = try cli.run(["spc", "--direction", "increase"], stdin: "period,value\n2026-01,1\n2026-02,NaN\n")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("standard input:3 column value"))
        let rebase = try cli.run(["spc", "--direction", "increase", "--rebase", "2030-01"], stdin: "period,value\n2026-01,1\n2026-02,2\n")
        #expect(rebase.status == 1)
        #expect(rebase.stderr.contains("2030-01"))
        #expect(try cli.run(["spc", "--direction", "up"], stdin: "period,value\n").status == 64)
    }

    @Test("analyze prints the chart, assurance, status and reasons of each indicator")
    func analyze() async throws {
        let cli = try await CLIRunner.withWaitTimes()
        let result = try cli.run(["analyze", "--indicator", "FO-WAIT-MEDIAN", "--as-of", "2026-03-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let analysis = try #require((object["indicators"] as? [[String: Any]])?.first)
        #expect(analysis["status"] as? String == "offTrack")
        #expect(analysis["assurance"] as? String == "consistentFail")
        #expect((analysis["target"] as? [String: Any])?["value"] as? Double == 22)
        #expect(((analysis["chart"] as? [String: Any])?["points"] as? [Any])?.count == 14)
        #expect((analysis["reasons"] as? [String])?.isEmpty == false)
        let unknown = try cli.run(["analyze", "--indicator", "NOPE"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("NOPE"))
    }

    @Test("analyze today reads the read model and tells the same in json, --pretty, jsonl and csv")
    func analyzeFormats() async throws {
        let cli = try await CLIRunner.withWaitTimes()

        let compact = try cli.run(["analyze"])
        #expect(compact.status == 0, "\(compact.stderr)")
        #expect(!compact.stdout.contains("\n  "), "the default JSON is compact")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(compact.stdout.utf8)) as? [String: Any])
        let analyses = try #require(document["indicators"] as? [[String: Any]])
        let statuses = Dictionary(uniqueKeysWithValues: analyses.map { ($0["indicator"] as? String ?? "", $0["status"] as? String ?? "") })
        #expect(statuses["FO-WAIT-MEDIAN"] != nil && statuses.count > 1, "every indicator, not only those with values: \(statuses)")
        #expect(document["integrity"] is [Any])

        let pretty = try cli.run(["analyze", "--pretty"])
        #expect(pretty.stdout.contains("\n  "))
        let prettyDocument = try #require(try JSONSerialization.jsonObject(with: Data(pretty.stdout.utf8)) as? [String: Any])
        #expect((prettyDocument["indicators"] as? [[String: Any]])?.map { $0["status"] as? String ?? "" } == analyses.map { $0["status"] as? String ?? "" })

        let lines = try cli.run(["analyze", "--format", "jsonl"]).stdout.split(separator: "\n")
        let lineObjects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let lineStatuses = lineObjects.filter { $0["chart"] != nil }.map { ($0["indicator"] as? String ?? "", $0["status"] as? String ?? "") }
        #expect(Dictionary(uniqueKeysWithValues: lineStatuses) == statuses)

        let rows = try cli.run(["analyze", "--format", "csv"]).stdout.split(separator: "\n")
        #expect(rows.first?.hasPrefix("indicator,org_unit,latest_period") == true)
        #expect(rows.count == statuses.count + 1)
        let wait = try #require(rows.first { $0.hasPrefix("FO-WAIT-MEDIAN,") })
        #expect(wait.contains(",\(statuses["FO-WAIT-MEDIAN"] ?? "?"),"))

        #expect(try cli.run(["analyze", "--format", "csv", "--pretty"]).status != 0)
    }
}
