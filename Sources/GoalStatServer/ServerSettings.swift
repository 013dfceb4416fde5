import Foundation
import GoalStatStore

/// How to run the server: where the data is, where to listen, and whether to load the demo first.
public struct ServerSettings: Sendable {
    public var database: DatabaseLocation
    public var host: String
    public var port: Int
    public var loadDemo: Bool
    /// The clock everything time-dependent reads; tests fix it.
    public var now: @Sendable () -> Date

    public init(database: DatabaseLocation, host: String = "127.0.0.1", port: Int = 8080, loadDemo: Bool = false, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.host = host
        self.port = port
        self.loadDemo = loadDemo
        self.now = now
    }
}
