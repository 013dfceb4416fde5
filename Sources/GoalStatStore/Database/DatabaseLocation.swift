import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

/// Where the data lives: an SQLite file (the embedded default) or a PostgreSQL server (production).
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultSQLiteFile = "goalstat.sqlite"
    public static let environmentVariable = "GOALSTAT_DATABASE"

    /// Reads `--database PATH|URL`: a `postgres://` (or `postgresql://`) URL selects PostgreSQL, anything else is an SQLite path.
    public init(_ text: String) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The explicit option, else `GOALSTAT_DATABASE`, else `goalstat.sqlite` in the working directory.
    public static func resolve(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseLocation {
        if let explicit, !explicit.isEmpty { return DatabaseLocation(explicit) }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return DatabaseLocation(fromEnvironment)
        }
        return .sqlite(path: defaultSQLiteFile)
    }

    public var isSQLite: Bool {
        if case .sqlite = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite file \(path)"
        case .postgres(let url): "PostgreSQL \(Self.redactingPassword(url))"
        }
    }

    /// The Fluent configuration for this location, for a standalone `Databases` or a Vapor application alike.
    /// On SQLite, writers wait for each other at most `writeWait.bound` (see `Transactions`).
    public func configurationFactory(writeWait: WriteWait = .server) throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqlite(let path):
            let sqlite = DatabaseConfigurationFactory.sqlite(.file(path), sqlLogLevel: nil)
            return DatabaseConfigurationFactory {
                SQLiteWriteConfiguration(inner: sqlite.make(), writeWait: writeWait, gate: SQLiteWriteGate())
            }
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            configuration.searchPath = nil
            // A request waits for a pooled connection as long as a SQLite writer waits for the write lock: writers
            // queued behind one another hold connections, and a reader behind them should not fail sooner.
            let (seconds, attoseconds) = writeWait.bound.components
            let timeout = TimeAmount.milliseconds(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
            return .postgres(
                configuration: configuration, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: max(timeout, .seconds(10)),
                sqlLogLevel: .trace
            )
        }
    }

    public var databaseID: DatabaseID { isSQLite ? .sqlite : .psql }

    private static func redactingPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
