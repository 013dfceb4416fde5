import Foundation
import Testing

@Suite("goalstat appraisal derive and award (docs/cli.md)", .serialized)
struct AppraisalCLITests {
    private func json(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    @Test("430.208(b)(1): derive prints Level 1 for a critical element at Level 1, with its steps, from standard input")
    func deriveLevel1FromStandardInput_430_208b1() async throws {
        let cli = try await CLIRunner.make()
        let result = try cli.run(["appraisal", "derive"], stdin: #"{"pattern": "H", "method": "average", "critical": [1, 5, 5], "nonCritical": [5]}"#)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try #require(json(result.stdout))
        #expect(output["summaryLevel"] as? Int == 1)
        #expect(output["levelName"] as? String == "Unacceptable")
        #expect(output["pattern"] as? String == "H")
        #expect((output["derivation"] as? [String])?.contains { $0.contains("5 CFR 430.208(b)(1)") } == true)
    }

    @Test("430.208(d): derive from a FILE fits the average to the pattern's levels (pattern B has no Level 4)")
    func deriveFromFileFitsThePattern_430_208d() async throws {
        let cli = try await CLIRunner.make()
        let file = try cli.write("plan.json", #"{"pattern": "B", "critical": [4, 4], "nonCritical": [4]}"#)
        let result = try cli.run(["appraisal", "derive", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(json(result.stdout)?["summaryLevel"] as? Int == 3)
        let counting = try cli.run(["appraisal", "derive"], stdin: #"{"pattern": "H", "method": "counting", "critical": [5, 5, 4]}"#)
        #expect(json(counting.stdout)?["levelName"] as? String == "Outstanding")
    }

    @Test("430.206(b)(4), (b)(6), 430.208(d)(1): plans the rules refuse exit 1 naming the field and the section")
    func deriveRefusals_430_206b() async throws {
        let cli = try await CLIRunner.make()
        let cases: [(String, String)] = [
            (#"{"pattern": "H", "critical": [], "nonCritical": [5]}"#, "critical: a performance plan has at least one critical element (5 CFR 430.206(b)(4))"),
            (#"{"pattern": "A", "critical": [3], "nonCritical": [3]}"#, "nonCritical: a plan under pattern A (two summary levels) may not include non-critical elements (5 CFR 430.206(b)(6))"),
            (#"{"pattern": "H", "critical": [3, 0]}"#, "critical[1]: an element is rated at a level from 1 (Unacceptable) to 5 (Outstanding), not 0 (5 CFR 430.208(d))"),
            (#"{"pattern": "Z", "critical": [3]}"#, "pattern: 'Z' is not a summary level pattern; the patterns are A to H (5 CFR 430.208(d)(1))"),
            (#"{"pattern": "H", "critical": [3], "nonCriticals": [3]}"#, "nonCriticals: unknown field"),
        ]
        for (input, message) in cases {
            let result = try cli.run(["appraisal", "derive"], stdin: input)
            #expect(result.status == 1, "\(input)")
            #expect(result.stderr.contains("goalstat appraisal derive: standard input: \(message)"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try cli.run(["appraisal", "derive", cli.directory.appendingPathComponent("none.json").path]).status == 1)
    }

    @Test("4505a(a)(2): award refuses 11% of basic pay with the reason and the section, and allows 10%")
    func awardLimits_4505a_a2() async throws {
        let cli = try await CLIRunner.make()
        let refused = try cli.run(["appraisal", "award"], stdin: #"{"kind": "ratingBased", "ratingOfRecord": 5, "basicPay": 100000, "amount": 11000, "exceptionalDetermination": false}"#)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("amount: a rating-based award may not exceed 10% of annual basic pay"), "\(refused.stderr)")
        #expect(refused.stderr.contains("(5 U.S.C. 4505a(a)(2))"))
        #expect(json(refused.stdout)?["allowed"] as? Bool == false)
        let allowed = try cli.run(["appraisal", "award"], stdin: #"{"kind": "ratingBased", "ratingOfRecord": 5, "basicPay": 100000, "amount": 10000}"#)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(json(allowed.stdout)?["allowed"] as? Bool == true)
        #expect((json(allowed.stdout)?["approvals"] as? [Any])?.isEmpty == true)
    }

    @Test("4502(b): an allowed award above $10,000 lists OPM's approval; time-off caps come from the input")
    func awardApprovalsAndCaps_4502b() async throws {
        let cli = try await CLIRunner.make()
        let file = try cli.write("award.json", #"{"kind": "specialAct", "amount": 12000}"#)
        let result = try cli.run(["appraisal", "award", file])
        #expect(result.status == 0, "\(result.stderr)")
        let approvals = try #require(json(result.stdout)?["approvals"] as? [[String: Any]])
        #expect(approvals.map { $0["approver"] as? String } == ["OPM"])
        let capped = try cli.run(["appraisal", "award"], stdin: #"{"kind": "timeOff", "hours": 24, "timeOffHoursPerContribution": 16}"#)
        #expect(capped.status == 1)
        #expect(capped.stderr.contains("hours: at most 16 hours of time off may be given for one contribution"), "\(capped.stderr)")
        let frozen = try cli.run(["appraisal", "award"], stdin: #"{"kind": "specialAct", "amount": 500, "awardsFrozen": true}"#)
        #expect(frozen.status == 1)
        #expect(frozen.stderr.contains("awardsFrozen:"))
    }
}

@Suite("goalstat appraisal import-employees (docs/cli.md)", .serialized)
struct AppraisalImportCLITests {
    @Test("HR's CSV is imported whole, or refused naming every bad line and column with nothing stored")
    func importEmployees() async throws {
        let cli = try await CLIRunner.withWaitTimes()
        let bad = try cli.write("bad.csv", "email,name,org_unit,supervisor\na@example.gov,A,DMV-FO,b@example.gov\nb@example.gov,,NOPE,\n")
        let refused = try cli.run(["appraisal", "import-employees", bad])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.csv:3 column name: the name is required"), "\(refused.stderr)")
        #expect(refused.stderr.contains("nothing was stored"))
        let good = try cli.write("good.csv", "email,name,org_unit,supervisor\na@example.gov,A,DMV-FO,b@example.gov\nb@example.gov,B,DMV-FO,\n")
        let imported = try cli.run(["appraisal", "import-employees", good])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("employees: 2 added or changed"))
        #expect(try cli.run(["appraisal", "import-employees", good]).stdout.contains("employees: 0 added or changed"))
    }
}
