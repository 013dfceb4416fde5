import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// A standalone connection to GoalStat's store, for the command line and tests (the server uses Vapor's own `Databases`).
public final class GoalStatDatabase: Sendable {
    public let location: DatabaseLocation
    private let databases: Databases
    private let logger: Logger

    public init(location: DatabaseLocation, logger: Logger = Logger(label: "goalstat.store")) throws {
        self.location = location
        var logger = logger
        logger.logLevel = .warning
        self.logger = logger
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try location.configurationFactory(), as: location.databaseID)
    }

    public var database: any Database {
        databases.database(location.databaseID, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    /// Creates or upgrades the schema; safe to run on every start.
    public func migrate() async throws {
        try await Self.prepare(database)
        let migrations = Migrations()
        migrations.add(GoalStatMigrations.all, to: location.databaseID)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any()
        )
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Puts SQLite in WAL mode so readers never wait for the writer (SPEC §6).
    public static func prepare(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
