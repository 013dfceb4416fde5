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

    public init(location: DatabaseLocation, writeWait: WriteWait = .server, logger: Logger = Logger(label: "goalstat.store")) throws {
        self.location = location
        var logger = logger
        logger.logLevel = .warning
        self.logger = logger
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try location.configurationFactory(writeWait: writeWait), as: location.databaseID)
    }

    public var database: any Database {
        databases.database(location.databaseID, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    /// Creates or upgrades the schema; safe to run on every start.
    public func migrate() async throws {
        try await Self.prepare(databases, id: location.databaseID, logger: logger)
        let migrations = Migrations()
        migrations.add(GoalStatMigrations.all, to: location.databaseID)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any()
        )
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Puts SQLite in WAL mode so readers never wait for the writer (SPEC §6), and sets up every pooled connection
    /// (one per event loop): `synchronous=NORMAL`, which is safe in WAL mode, and a bounded busy wait in place of
    /// sqlite-nio's handler, which retries at once and forever, spinning a thread of NIO's pool while another
    /// process writes. Write transactions set the wait again (`Transactions`), so a connection opened later is
    /// covered when it writes.
    public static func prepare(_ databases: Databases, id: DatabaseID, logger: Logger) async throws {
        let group = databases.eventLoopGroup
        guard let first = databases.database(id, logger: logger, on: group.any()), let sql = first as? any SQLDatabase,
              sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        let wait = SQLiteWriteConfiguration.of(first).wait
        for loop in group.makeIterator() {
            guard let sql = databases.database(id, logger: logger, on: loop) as? any SQLDatabase else { continue }
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
            try await Transactions.setBusyTimeout(wait.bound, on: sql)
        }
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
