import Foundation
import GoalStatTestSupport
import Testing

/// `goalstat remind`, run as cron runs it (issue 10).
@Suite("goalstat remind")
struct RemindCLITests {
    /// The fixture plus a steward of a new monthly indicator, both named uniquely so that this run's messages can be
    /// told apart in a mail server other runs share.
    private func prepare() async throws -> (cli: CLIRunner, steward: String, code: String) {
        let cli = try await CLIRunner.make()
        let tag = UUID().uuidString.prefix(8).lowercased()
        let steward = "sam-\(tag)@example.gov"
        let code = "SMTP-\(tag)"
        let extra = """
            people:
              - { email: \(steward), name: Sam Steward, orgUnit: DMV-FO }
            indicators:
              - { code: \(code), name: Licences posted, unit: count, direction: increase, frequency: monthly, stage: output, orgUnit: DMV-FO, goals: [G1.1], steward: \(steward) }
            """
        let imported = try cli.run(["import", try cli.write("plan.yaml", Fixtures.frameworkYAML), try cli.write("extra.yaml", extra)])
        guard imported.status == 0 else { throw CLIRunner.SetupFailed(message: imported.stderr) }
        return (cli, steward, code)
    }

    /// Environment variables from a shell that might have them set for real use must not leak into these runs.
    private let noSMTP = ["GOALSTAT_SMTP_HOST": "", "GOALSTAT_SMTP_FROM": "", "GOALSTAT_SMTP_PORT": "", "GOALSTAT_GRACE_DAYS": ""]

    @Test("without an SMTP host the reminders go to the log, and a second run sends nothing")
    func logSender() async throws {
        let (cli, steward, code) = try await prepare()
        let first = try cli.run(["remind", "--today", "2026-11-23"], environment: noSMTP)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("mail to \"Sam Steward\" <\(steward)>: Late: Licences posted for 2026-10 was due on 2026-11-15"))
        #expect(first.stderr.contains("(\(code))"))
        #expect(first.stdout.contains("reminders queued"))
        let second = try cli.run(["remind", "--today", "2026-11-23"], environment: noSMTP)
        #expect(second.status == 0)
        #expect(!second.stderr.contains("mail to"))
        #expect(second.stdout.contains("0 reminders queued, 0 sent"))
    }

    @Test("bad settings end with status 1 and name the option")
    func badSettings() async throws {
        let cli = try await CLIRunner.make()
        let cases: [([String], String)] = [
            (["remind", "--today", "2026-13-01"], "--today"),
            (["remind", "--smtp-host", "127.0.0.1"], "--smtp-from"),
            (["remind", "--smtp-host", "127.0.0.1", "--smtp-from", "me@example.gov", "--smtp-port", "seventy"], "--smtp-port"),
            (["remind", "--smtp-host", "127.0.0.1", "--smtp-from", "not an address"], "--smtp-from"),
            (["remind", "--grace", "daily=2"], "--grace"),
            (["remind", "--site-url", "goalstat.example.gov"], "--site-url"),
            (["remind", "--smtp-host", "127.0.0.1", "--smtp-from", "me@example.gov", "--smtp-ca-file", "/nonexistent/ca.pem", "--smtp-starttls"], "--smtp-ca-file"),
            (["remind", "--smtp-host", "127.0.0.1", "--smtp-from", "me@example.gov", "--smtp-ca-file", try cli.write("ca.pem", "x")], "--smtp-ca-file"),
            (["remind", "--smtp-host", "127.0.0.1", "--smtp-from", "me@example.gov", "--smtp-username", "me"], "GOALSTAT_SMTP_PASSWORD"),
        ]
        for (arguments, option) in cases {
            let result = try cli.run(arguments, environment: noSMTP)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains(option), "\(arguments): \(result.stderr)")
        }
    }

    @Test(
        "reminders arrive through a real SMTP server, once",
        .enabled(
            if: ProcessInfo.processInfo.environment["GOALSTAT_TEST_SMTP_PORT"] != nil,
            "GOALSTAT_TEST_SMTP_PORT and GOALSTAT_TEST_SMTP_DIR are not set: start scripts/smtp-sink.py (scripts/test does) to send through a real SMTP server"
        )
    )
    func realSMTP() async throws {
        let environment = ProcessInfo.processInfo.environment
        let port = try #require(environment["GOALSTAT_TEST_SMTP_PORT"])
        let directory = try #require(environment["GOALSTAT_TEST_SMTP_DIR"])
        let (cli, steward, code) = try await prepare()
        let smtp = [
            "GOALSTAT_SMTP_HOST": "127.0.0.1", "GOALSTAT_SMTP_PORT": port, "GOALSTAT_SMTP_FROM": "GoalStat <goalstat@example.gov>",
            "GOALSTAT_SITE_URL": "https://goalstat.example.gov", "GOALSTAT_GRACE_DAYS": "",
        ]
        let first = try cli.run(["remind", "--today", "2026-11-23"], environment: smtp)
        #expect(first.status == 0, "\(first.stderr)")
        let received = try Self.messages(in: directory, to: steward)
        // August, September and October are late: one reminder each.
        #expect(received.count == 3)
        let october = try #require(received.first { $0.data.contains("Subject: Late: Licences posted for 2026-10 was due on 2026-11-15") })
        #expect(october.mailFrom == "goalstat@example.gov")
        #expect(october.data.contains("To: \"Sam Steward\" <\(steward)>"))
        #expect(october.data.contains("From: \"GoalStat\" <goalstat@example.gov>"))
        #expect(october.data.contains("The value of Licences posted (\(code)) for 2026-10 was due on 2026-11-15"))
        #expect(october.data.contains("https://goalstat.example.gov/data-entry?steward=\(steward.replacingOccurrences(of: "@", with: "%40"))&month=2026-10"))

        let second = try cli.run(["remind", "--today", "2026-11-23"], environment: smtp)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Self.messages(in: directory, to: steward).count == 3)

        // A week on, August and September have been late long enough to go to the goal's leader too.
        let later = try cli.run(["remind", "--today", "2026-11-30"], environment: smtp)
        #expect(later.status == 0, "\(later.stderr)")
        let leader = try Self.messages(in: directory, to: "k.osei@example.gov").filter { $0.data.contains(code) }
        #expect(leader.contains { $0.data.contains("Subject: Still missing: Licences posted for 2026-10") })
    }

    @Test(
        "with STARTTLS and AUTH from the environment, reminders arrive through a server that requires both",
        .enabled(
            if: ProcessInfo.processInfo.environment["GOALSTAT_TEST_SMTP_TLS_PORT"] != nil,
            "GOALSTAT_TEST_SMTP_TLS_PORT and GOALSTAT_TEST_SMTP_CA are not set: scripts/test starts a STARTTLS test server"
        )
    )
    func startTLSAndAuth() async throws {
        let environment = ProcessInfo.processInfo.environment
        let port = try #require(environment["GOALSTAT_TEST_SMTP_TLS_PORT"])
        let directory = try #require(environment["GOALSTAT_TEST_SMTP_DIR"])
        let (cli, steward, _) = try await prepare()
        let smtp = [
            "GOALSTAT_SMTP_HOST": "127.0.0.1", "GOALSTAT_SMTP_PORT": port, "GOALSTAT_SMTP_FROM": "goalstat@example.gov",
            "GOALSTAT_SMTP_STARTTLS": "1", "GOALSTAT_SMTP_CA_FILE": try #require(environment["GOALSTAT_TEST_SMTP_CA"]),
            "GOALSTAT_SMTP_USERNAME": "goalstat", "GOALSTAT_SMTP_PASSWORD": "test-password", "GOALSTAT_GRACE_DAYS": "",
        ]
        let result = try cli.run(["remind", "--today", "2026-11-23"], environment: smtp)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.messages(in: directory, to: steward).count == 3)
    }

    @Test("a mail server that cannot be reached leaves the messages queued and ends with status 1")
    func unreachableServer() async throws {
        let (cli, _, _) = try await prepare()
        let down = ["GOALSTAT_SMTP_HOST": "127.0.0.1", "GOALSTAT_SMTP_PORT": "9", "GOALSTAT_SMTP_FROM": "goalstat@example.gov", "GOALSTAT_GRACE_DAYS": ""]
        let result = try cli.run(["remind", "--today", "2026-11-23"], environment: down)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot connect to the mail server"))
        #expect(result.stderr.contains("the next run tries again"))
    }

    struct Received: Decodable {
        var mailFrom: String
        var rcptTos: [String]
        var data: String
    }

    static func messages(in directory: String, to recipient: String) throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        return try names.sorted().map { name in
            try JSONDecoder().decode(Received.self, from: Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name)))
        }.filter { $0.rcptTos.contains(recipient) }
    }
}
