import ArgumentParser
import Foundation
import GoalStatCore
import GoalStatServer
import GoalStatStore

/// `goalstat remind`: run by cron, once a day or more often. Queues the reminders due as of today in the outbox
/// (never the same one twice) and sends what is unsent, through SMTP when a host is set, else to the log.
struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Queue and send the reminders due today: values coming due, due and late, escalated to goal leaders.",
        discussion: """
        Every option may also come from the environment: GOALSTAT_SMTP_HOST, GOALSTAT_SMTP_PORT, GOALSTAT_SMTP_FROM, \
        GOALSTAT_SMTP_STARTTLS (1 or true), GOALSTAT_SMTP_CA_FILE, GOALSTAT_SMTP_USERNAME, GOALSTAT_SMTP_PASSWORD (only from the environment, \
        never a flag, so that it does not show in the process list), GOALSTAT_SITE_URL and GOALSTAT_GRACE_DAYS \
        ("monthly=20,quarterly=45"). Without an SMTP host the messages are written to standard error.
        """
    )

    @OptionGroup var options: DatabaseOptions

    @ArgumentParser.Option(name: .long, help: "Work as of this date (YYYY-MM-DD) instead of today, for tests and catch-up runs.")
    var today: String?

    @ArgumentParser.Option(name: .long, help: "Days after a period ends that its value is due, as FREQUENCY=DAYS (weekly, monthly, quarterly, annual); repeat for several.")
    var grace: [String] = []

    @ArgumentParser.Option(name: .long, help: "The address people reach GoalStat at, for the links in the messages (default: $GOALSTAT_SITE_URL).")
    var siteURL: String?

    @ArgumentParser.Option(name: .long, help: "SMTP server to send through (default: $GOALSTAT_SMTP_HOST; none: write messages to standard error).")
    var smtpHost: String?

    @ArgumentParser.Option(name: .long, help: "SMTP port (default: $GOALSTAT_SMTP_PORT, else 587 with --smtp-starttls, else 25).")
    var smtpPort: String?

    @ArgumentParser.Option(name: .long, help: "The sender address, 'Name <address>' or an address (default: $GOALSTAT_SMTP_FROM; required with an SMTP host).")
    var smtpFrom: String?

    @ArgumentParser.Flag(name: .long, help: "Upgrade the connection with STARTTLS before sending (default: $GOALSTAT_SMTP_STARTTLS).")
    var smtpStarttls = false

    @ArgumentParser.Option(name: .long, help: "A PEM file of the certificates to trust for STARTTLS instead of the system's (default: $GOALSTAT_SMTP_CA_FILE).")
    var smtpCaFile: String?

    @ArgumentParser.Option(name: .long, help: "SMTP user name for AUTH (default: $GOALSTAT_SMTP_USERNAME); the password comes from $GOALSTAT_SMTP_PASSWORD.")
    var smtpUsername: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let settings: RemindSettings
        do {
            settings = try RemindSettings(command: self, environment: environment)
        } catch let error as RemindSettings.Problem {
            StandardError.write("goalstat remind: \(error.message)")
            throw ExitCode(1)
        }
        let summary = try await options.withDatabase { store in
            try await ReminderRun.run(
                on: store.database, today: settings.today, now: Date(), policy: settings.policy, siteURL: settings.siteURL,
                from: settings.from, sender: settings.sender, progress: { StandardError.write($0) }
            )
        }
        print("\(summary.openValues) values open, \(summary.queued) reminders queued, \(summary.sent) sent, \(summary.failed) not sent")
        if summary.failed > 0 {
            StandardError.write("goalstat remind: \(summary.failed) messages could not be sent; they stay in the outbox and the next run tries again.")
            throw ExitCode(1)
        }
    }
}
