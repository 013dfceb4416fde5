import FluentKit
import FluentSQLiteDriver
import NIOConcurrencyHelpers
import SQLKit

/// Runs work in one transaction: everything is stored or nothing is. A dry run does the same work and rolls it back.
/// Every write of GoalStat goes through here.
///
/// On SQLite a write transaction takes the write lock at its start (`BEGIN IMMEDIATE`) and writers wait their turn:
/// first in this process's queue, then in SQLite's busy wait for writers of other processes, together at most
/// `WriteWait.bound`; after that the write fails with `DatabaseUnavailable.busy`. (Fluent's own transaction begins
/// deferred: one that reads first cannot take the lock later if another connection wrote meanwhile, and SQLite
/// answers "database is locked" at once.) PostgreSQL keeps its ordinary transactions.
public enum Transactions {
    public static func run<T: Sendable>(
        on db: any Database, dryRun: Bool = false, _ work: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        // Read here: Fluent runs the transaction's work in a task of its own, which task-locals do not reach.
        let timing = ReadModelTiming.current
        do {
            return try await write(on: db) { transaction in
                // Work that joins an enclosing write leaves the read model to it.
                guard ReadModelChanges.current == nil else { return try await work(transaction) }
                let changes = ReadModelChanges()
                let result = try await ReadModelChanges.$current.withValue(changes) { try await work(transaction) }
                if dryRun { throw DryRunRollback(result: result) }
                if !changes.isEmpty {
                    let start = ContinuousClock.now
                    try await ReadModel.apply(changes, on: transaction)
                    timing?.add(ContinuousClock.now - start)
                }
                return result
            }
        } catch let rollback as DryRunRollback<T> {
            return rollback.result
        } catch {
            throw DatabaseUnavailable(classifying: error) ?? error
        }
    }

    private static func write<T: Sendable>(
        on db: any Database, _ work: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            return try await db.transaction(work)
        }
        let (wait, gate) = SQLiteWriteConfiguration.of(db)
        // Work inside a write transaction that starts another on the same database joins the first (as Fluent's
        // nested `transaction` does); queueing behind itself would never end.
        if let current = CurrentWrite.value, current.gate == ObjectIdentifier(gate) {
            return try await work(current.database)
        }
        let deadline = ContinuousClock.now + wait.bound
        let announced = NIOLockedValueBox(false)
        let announce: @Sendable () -> Void = {
            if announced.withLockedValue({ done in defer { done = true }; return !done }) { wait.onWait?() }
        }
        try await gate.enter(within: wait.bound, onWait: announce)
        do {
            let result = try await db.transaction { transaction in
                try await takeWriteLock(transaction, until: deadline, announcing: wait.onWait == nil ? nil : announce)
                return try await CurrentWrite.$value.withValue(CurrentWrite(gate: ObjectIdentifier(gate), database: transaction)) {
                    try await work(transaction)
                }
            }
            gate.leave()
            return result
        } catch {
            gate.leave()
            throw error
        }
    }

    /// Fluent has begun a deferred transaction in which nothing has run, so it holds no lock: end it and begin one
    /// that takes the write lock now. Fluent's COMMIT or ROLLBACK then ends this one, and Fluent still knows the
    /// connection is in a transaction, so work that calls `transaction` again stays in this one.
    ///
    /// `PRAGMA busy_timeout` replaces sqlite-nio's busy handler, which retries at once and forever, with SQLite's
    /// sleeping one, bounded by what is left of the wait. With `announce`, a short first try tells whether another
    /// process is writing, so that the command line can say that it waits.
    private static func takeWriteLock(
        _ transaction: any Database, until deadline: ContinuousClock.Instant, announcing announce: (@Sendable () -> Void)?
    ) async throws {
        let sql = transaction as! any SQLDatabase
        try await sql.raw("COMMIT").run()
        if let announce {
            try await setBusyTimeout(min(.milliseconds(100), deadline - .now), on: sql)
            do {
                try await sql.raw("BEGIN IMMEDIATE").run()
                return
            } catch where DatabaseUnavailable(classifying: error) == .busy {
                announce()
            }
        }
        try await setBusyTimeout(deadline - .now, on: sql)
        try await sql.raw("BEGIN IMMEDIATE").run()
    }

    static func setBusyTimeout(_ duration: Duration, on sql: any SQLDatabase) async throws {
        try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(WriteWait.milliseconds(duration)))").run()
    }
}

/// The SQLite write transaction the current task is in, if any.
private struct CurrentWrite: Sendable {
    @TaskLocal static var value: CurrentWrite?

    let gate: ObjectIdentifier
    let database: any Database
}

/// Thrown to undo a dry run's work after it has been measured.
private struct DryRunRollback<T: Sendable>: Error {
    let result: T
}
