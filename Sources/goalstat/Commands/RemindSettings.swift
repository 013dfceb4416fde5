import Foundation
import GoalStatCore
import GoalStatServer

/// The settings of `goalstat remind`, from its options and the environment, checked before anything is opened.
struct RemindSettings {
    var today: CalendarDate
    var policy: DuePolicy
    var siteURL: String?
    var from: MailAddress
    var sender: any MailSender

    /// A setting that cannot be used, named as the person typed it.
    struct Problem: Error {
        var message: String
    }

    init(command: RemindCommand, environment: [String: String]) throws {
        func setting(_ flag: String?, _ variable: String) -> String? {
            (flag ?? environment[variable]).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        if let text = command.today {
            do {
                today = try CalendarDate.parse(text)
            } catch {
                throw Problem(message: "--today \(error.message)")
            }
        } else {
            today = CalendarDate(utc: Date())
        }
        do {
            policy = try DuePolicy.standard.overriding(environmentValue: environment["GOALSTAT_GRACE_DAYS"]).overriding(grace: command.grace)
        } catch {
            throw Problem(message: "--grace (or GOALSTAT_GRACE_DAYS): \(error)")
        }
        siteURL = setting(command.siteURL, "GOALSTAT_SITE_URL")
        if let siteURL, URL(string: siteURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw Problem(message: "--site-url '\(siteURL)' is not an http:// or https:// address")
        }
        let startTLS = command.smtpStarttls || ["1", "true", "yes"].contains(environment["GOALSTAT_SMTP_STARTTLS"]?.lowercased() ?? "")
        let fromText = setting(command.smtpFrom, "GOALSTAT_SMTP_FROM")
        guard let host = setting(command.smtpHost, "GOALSTAT_SMTP_HOST") else {
            from = try Self.address(fromText ?? "GoalStat <goalstat@localhost>", option: "--smtp-from")
            sender = LogMailSender { StandardError.write($0) }
            return
        }
        guard let fromText else {
            throw Problem(message: "--smtp-from (or GOALSTAT_SMTP_FROM) is required with an SMTP host: the address reminders come from")
        }
        from = try Self.address(fromText, option: "--smtp-from")
        let portText = setting(command.smtpPort, "GOALSTAT_SMTP_PORT")
        let port = portText.map { Int($0) } ?? (startTLS ? 587 : 25)
        guard let port, (1...65_535).contains(port) else {
            throw Problem(message: "--smtp-port '\(portText ?? "")' is not a port number (1–65535)")
        }
        let username = setting(command.smtpUsername, "GOALSTAT_SMTP_USERNAME")
        let password = environment["GOALSTAT_SMTP_PASSWORD"]
        if username != nil, password == nil {
            throw Problem(message: "--smtp-username needs GOALSTAT_SMTP_PASSWORD in the environment")
        }
        let caFile = setting(command.smtpCaFile, "GOALSTAT_SMTP_CA_FILE")
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw Problem(message: "--smtp-ca-file '\(caFile)' cannot be read")
        }
        if caFile != nil, !startTLS {
            throw Problem(message: "--smtp-ca-file applies to --smtp-starttls only")
        }
        sender = SMTPMailSender(settings: SMTPSettings(
            host: host, port: port, from: from, username: username, password: password, startTLS: startTLS, caFile: caFile
        ))
    }

    /// `Name <address>` or a bare address.
    static func address(_ text: String, option: String) throws -> MailAddress {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        do {
            if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
                let name = trimmed[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return try MailAddress(email: String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]), name: name.isEmpty ? nil : name)
            }
            return try MailAddress(email: trimmed)
        } catch {
            throw Problem(message: "\(option) \(error)")
        }
    }
}
