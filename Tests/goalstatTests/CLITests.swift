import Foundation
import GoalStatTestSupport
import Testing

@Suite("goalstat command line (SPEC §5)", .serialized)
struct CLITests {
    @Test("migrate creates the schema on a new database")
    func migrate() async throws {
        let cli = try await CLIRunner.make()
        let result = try cli.run(["migrate"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("schema up to date"))
    }

    @Test("import then export: the framework and values come back in the SPEC formats")
    func importExport() async throws {
        let cli = try await CLIRunner.make()
        let plan = try cli.write("plan.yaml", Fixtures.frameworkYAML)
        let values = try cli.write("values.csv", Fixtures.measurementsCSV)
        let imported = try cli.run(["import", plan, values])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("measurements: 6 added, 0 revised, 0 unchanged"))
        let again = try cli.run(["import", plan, values])
        #expect(again.stdout.contains("measurements: 0 added, 0 revised, 6 unchanged"))
        let exported = try cli.run(["export"])
        #expect(exported.status == 0)
        #expect(exported.stdout.hasPrefix("indicator,period,value,org_unit,status,note\n"))
        #expect(exported.stdout.contains("FO-WAIT-MEDIAN,"))
        let framework = try cli.run(["export", "framework"])
        #expect(framework.stdout.contains("code: FO-WAIT-MEDIAN"))
        let json = try cli.run(["export", "framework", "--format", "json"])
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil)
        let output = cli.directory.appendingPathComponent("out.csv").path
        #expect(try cli.run(["export", "measurements", "--output", output]).status == 0)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == exported.stdout)
    }

    @Test("a bad framework file exits 1 printing FILE:LINE:COLUMN and the reason")
    func badFrameworkFile() async throws {
        let cli = try await CLIRunner.make()
        let broken = try cli.write("broken.json", "{\n  \"orgUnits\": [\n    {\"code\": \"DMV\", \"name\": \"DMV\" \"kind\": \"agency\"}\n  ]\n}\n")
        let syntax = try cli.run(["import", broken])
        #expect(syntax.status == 1)
        #expect(syntax.stderr.contains("broken.json:3:35: orgUnits[0]: expected ',' or '}' after a value in an object"), "\(syntax.stderr)")
        let twice = try cli.write("twice.yaml", "orgUnits:\n  - code: DMV\n    name: Motor Vehicles\n    code: DMV2\n    kind: agency\n")
        let duplicate = try cli.run(["import", twice])
        #expect(duplicate.status == 1)
        #expect(duplicate.stderr.contains("twice.yaml:4:5: the key 'code' appears twice in this mapping, first at line 2, column 5"), "\(duplicate.stderr)")
        let unknown = try cli.write("unknown.yaml", "orgUnits:\n  - code: DMV\n    name: Motor Vehicles\n    kind: agency\n    parent: NOPE\n")
        let reference = try cli.run(["import", unknown])
        #expect(reference.status == 1)
        #expect(reference.stderr.contains("unknown.yaml:5:13: orgUnits[0].parent: unknown org unit 'NOPE'"), "\(reference.stderr)")
    }

    @Test("a bad CSV exits 1, names every bad line and column, and stores nothing")
    func badCSV() async throws {
        let cli = try await CLIRunner.make()
        let plan = try cli.write("plan.yaml", Fixtures.frameworkYAML)
        #expect(try cli.run(["import", plan]).status == 0)
        let bad = try cli.write("bad.csv", """
        indicator,period,value
        FO-WAIT-MEDIAN,2026-7,24.5
        NOPE,2026-07,1
        FO-SERVED,2026-07,lots
        FO-SERVED,2026-08,1200

        """)
        let result = try cli.run(["import", bad])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.csv:2 column period"))
        #expect(result.stderr.contains("bad.csv:3 column indicator"))
        #expect(result.stderr.contains("bad.csv:4 column value"))
        #expect(result.stderr.contains("nothing was stored"))
        let unknown = try cli.write("cols.csv", "indicator,period,value,colour\nFO-SERVED,2026-08,1,red\n")
        let columns = try cli.run(["import", unknown])
        #expect(columns.status == 1)
        #expect(columns.stderr.contains("colour"))
        let exported = try cli.run(["export"])
        #expect(exported.stdout == "indicator,period,value,org_unit,status,note\n")
    }

    @Test("--dry-run reports what would change and stores nothing")
    func dryRun() async throws {
        let cli = try await CLIRunner.make()
        let plan = try cli.write("plan.yaml", Fixtures.frameworkYAML)
        let result = try cli.run(["import", plan, "--dry-run"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("dry run"))
        #expect(try cli.run(["export", "framework"]).stdout.contains("FO-WAIT-MEDIAN") == false)
    }

    @Test("demo loads once and refuses a database that already holds a plan")
    func demo() async throws {
        let cli = try await CLIRunner.make()
        let first = try cli.run(["demo"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try cli.run(["demo"])
        #expect(second.status == 1)
        #expect(second.stderr.contains("already holds a plan"))
    }

    @Test("usage errors exit with swift-argument-parser's code 64")
    func usageError() async throws {
        let cli = try await CLIRunner.make()
        #expect(try cli.run(["import"]).status == 64)
        #expect(try cli.run(["export", "framework", "--format", "csv"]).status == 64)
        #expect(try cli.run(["frobnicate"]).status == 64)
    }

    @Test("an unreadable file exits 1 naming it")
    func missingFile() async throws {
        let cli = try await CLIRunner.make()
        let result = try cli.run(["import", "/nonexistent/values.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/values.csv"))
    }
}
