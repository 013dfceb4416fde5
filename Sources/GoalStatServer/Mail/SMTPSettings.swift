import Foundation

/// Where and how to send mail: `goalstat remind --smtp-host …` or the `GOALSTAT_SMTP_*` environment variables.
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var from: MailAddress
    public var username: String?
    public var password: String?
    /// Upgrade the connection with STARTTLS before anything else is sent; refuses a server that does not offer it.
    public var startTLS: Bool
    /// A PEM file of the certificates to trust for STARTTLS instead of the system's (an agency's own CA).
    public var caFile: String?
    /// The name GoalStat gives in EHLO.
    public var heloName: String
    /// How long one message may take, connection included.
    public var timeoutSeconds: Int

    public init(
        host: String, port: Int = 25, from: MailAddress, username: String? = nil, password: String? = nil, startTLS: Bool = false,
        caFile: String? = nil, heloName: String = "goalstat.localhost", timeoutSeconds: Int = 30
    ) {
        self.host = host
        self.port = port
        self.from = from
        self.username = username
        self.password = password
        self.startTLS = startTLS
        self.caFile = caFile
        self.heloName = heloName
        self.timeoutSeconds = timeoutSeconds
    }
}
