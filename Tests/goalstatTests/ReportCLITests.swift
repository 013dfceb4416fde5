import Foundation
import GoalStatTestSupport
import Testing

@Suite("goalstat report and StratML on the command line")
struct ReportCLITests {
    @Test("report annual and quarterly write HTML reports to a file or standard output")
    func reports() async throws {
        let cli = try await CLIRunner.withWaitTimes()
        let file = cli.directory.appendingPathComponent("annual.html").path
        let annual = try cli.run(["report", "annual", "--as-of", "2026-03-15", "--output", file])
        #expect(annual.status == 0, "\(annual.stderr)")
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(html.contains("Annual performance report"))
        #expect(html.contains("<style>"))
        let quarterly = try cli.run(["report", "quarterly", "--goal", "G1.1", "--as-of", "2026-03-15"])
        #expect(quarterly.status == 0, "\(quarterly.stderr)")
        #expect(quarterly.stdout.contains("<span class=\"item-number\">9</span>"))
    }

    @Test("a bad option is exit 1 naming the option")
    func badOptions() async throws {
        let cli = try await CLIRunner.withWaitTimes()
        let cases: [([String], String)] = [
            (["report", "monthly"], "kind"),
            (["report", "quarterly", "--goal", "NOPE"], "--goal"),
            (["report", "quarterly", "--quarter", "2026-Q9"], "--quarter"),
            (["report", "annual", "--fiscal-year", "FY2026-Q1"], "--fiscal-year"),
            (["report", "annual", "--as-of", "yesterday"], "--as-of"),
            (["report", "annual", "--goal", "G1.1"], "--goal"),
            (["report", "briefing"], "--review"),
            (["report", "briefing", "--review", "00000000-0000-0000-0000-000000000000"], "--review"),
            (["report", "annual", "--format", "docx"], "--format"),
        ]
        for (arguments, option) in cases {
            let result = try cli.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains(option), "\(arguments): \(result.stderr)")
        }
    }

    @Test("PDF: a real PDF when Chromium is installed; exit 1 with a clear message when it is not")
    func pdf() async throws {
        let cli = try await CLIRunner.withWaitTimes()
        let missing = try cli.run(["report", "annual", "--format", "pdf"], environment: ["GOALSTAT_CHROMIUM": "/nonexistent/chromium"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("Chromium"))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else { return }
        let file = cli.directory.appendingPathComponent("annual.pdf").path
        let printed = try cli.run(["report", "annual", "--format", "pdf", "--output", file, "--as-of", "2026-03-15"])
        #expect(printed.status == 0, "\(printed.stderr)")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
    }

    @Test("export stratml writes Part 1 and Part 2; the file imports into a new database")
    func stratml() async throws {
        let cli = try await CLIRunner.withWaitTimes()
        let part1 = try cli.run(["export", "stratml", "--part", "1"])
        #expect(part1.status == 0, "\(part1.stderr)")
        #expect(part1.stdout.contains("<StrategicPlan xmlns=\"urn:ISO:std:iso:17469:tech:xsd:stratml_core\">"))
        let file = cli.directory.appendingPathComponent("plan.xml").path
        let part2 = try cli.run(["export", "stratml", "--part", "2", "--output", file])
        #expect(part2.status == 0, "\(part2.stderr)")
        #expect(try cli.run(["export", "stratml", "--part", "3"]).status == 64)
        #expect(try cli.run(["export", "stratml"]).status == 64)
        let fresh = try await CLIRunner.make()
        let imported = try fresh.run(["import", file])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("goal"))
        let back = try fresh.run(["export", "framework", "--format", "json"])
        #expect(back.stdout.contains("FO-WAIT-MEDIAN"))
        let broken = try fresh.write("broken.xml", "<StrategicPlan><Name>x</Name>")
        let refused = try fresh.run(["import", broken])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("broken.xml:"))
    }
}
