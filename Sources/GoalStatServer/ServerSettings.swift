import Foundation
import GoalStatCore
import GoalStatStore
import Vapor

/// How to run the server: where the data is, where to listen, and whether to load the demo first.
public struct ServerSettings: Sendable {
    public var database: DatabaseLocation
    public var host: String
    public var port: Int
    public var loadDemo: Bool
    /// A TLS-terminating proxy is in front: cookies are marked Secure, and the client address for the sign-in
    /// throttle is the last one the proxy added to `X-Forwarded-For`.
    public var tlsProxy: Bool
    /// Bcrypt's work factor for new passwords; tests lower it to Bcrypt's minimum to stay fast.
    public var bcryptCost: Int
    /// The clock everything time-dependent reads; tests fix it.
    public var now: @Sendable () -> Date
    /// How long a write waits for another writer on SQLite before the request is answered 503; tests shorten it.
    public var writeWait: WriteWait
    /// Above this many key indicators a goal's forms advise making some supporting (SPEC §2a: fewer, better measures).
    public var keyIndicatorsPerGoal: Int
    /// When values are due and reminders go out (issue 10): `--grace` / `GOALSTAT_GRACE_DAYS`, as `goalstat remind`
    /// reads them, so that My tasks says what the e-mails say.
    public var duePolicy: DuePolicy

    public init(
        database: DatabaseLocation, host: String = "127.0.0.1", port: Int = 8080, loadDemo: Bool = false,
        tlsProxy: Bool = false, bcryptCost: Int = 12, now: @escaping @Sendable () -> Date = { Date() },
        writeWait: WriteWait = .server, keyIndicatorsPerGoal: Int = KeyIndicators.defaultLimit, duePolicy: DuePolicy = .standard
    ) {
        self.database = database
        self.host = host
        self.port = port
        self.loadDemo = loadDemo
        self.tlsProxy = tlsProxy
        self.bcryptCost = bcryptCost
        self.now = now
        self.writeWait = writeWait
        self.keyIndicatorsPerGoal = keyIndicatorsPerGoal
        self.duePolicy = duePolicy
    }
}

extension Application {
    private struct SettingsKey: StorageKey {
        typealias Value = ServerSettings
    }

    var serverSettings: ServerSettings {
        get { storage[SettingsKey.self] ?? ServerSettings(database: .sqlite(path: "goalstat.sqlite")) }
        set { storage[SettingsKey.self] = newValue }
    }

    var passwordHasher: BcryptPasswordHasher { BcryptPasswordHasher(cost: serverSettings.bcryptCost) }
}
