import FluentKit
import Foundation
import GoalStatCore
import SQLKit

/// The read model (issue 9): each indicator's verdict for its total and each unit, and each goal's rolled-up status,
/// worked out once and stored. Every page, report, API and command reads it; none analyses on its own.
///
/// It is kept current two ways: every write transaction that changes its inputs brings the affected rows up to date
/// before it commits (`Transactions.run` with `ReadModelChanges`), and a reader that finds it worked out for another
/// date than today works it all out again first (`ensureCurrent`), since which periods have ended, the milestones
/// due and the forecasts' horizons move with the date. The state row's counter goes up with every change: a
/// process may keep what it rendered keyed by it (SPEC §6).
public enum ReadModel {
    public struct State: Sendable, Equatable {
        /// The date the model was worked out for; nil before its first build.
        public var asOf: CalendarDate?
        /// Goes up by one with every write that changed the model.
        public var counter: Int
        /// Goes up by one with every change to sessions, tokens, users and roles (`AccessState`).
        public var access: Int
        /// Goes up by one with every change to the framework (not with a value): what a process keeps of the
        /// framework is kept under it, so that saving values does not make every process read the framework again.
        public var framework: Int

        public init(asOf: CalendarDate?, counter: Int, access: Int = 0, framework: Int = 0) {
            self.asOf = asOf
            self.counter = counter
            self.access = access
            self.framework = framework
        }
    }

    static let frameworkRow = "framework"

    /// One indexed read: the state, which every request checks, with the access counter.
    public static func state(on db: any Database) async throws -> State {
        let sql = try sqlDatabase(db)
        var state = State(asOf: nil, counter: 0)
        for row in try await sql.select().columns("name", "as_of", "counter").from(ReadModelTables.state)
            .where("name", .in, ["read model", AccessState.row, frameworkRow]).all() {
            let counter = try row.decode(column: "counter", as: Int.self)
            let name = try row.decode(column: "name", as: String.self)
            if name == AccessState.row {
                state.access = counter
            } else if name == frameworkRow {
                state.framework = counter
            } else {
                state.asOf = try row.decode(column: "as_of", as: String?.self).flatMap { try? CalendarDate.parse($0) }
                state.counter = counter
            }
        }
        return state
    }

    /// The state, after working the whole model out again if it was for another date. The rebuild is a write
    /// transaction: a second process that waited for it finds the model current and does nothing.
    @discardableResult
    public static func ensureCurrent(asOf today: CalendarDate, on db: any Database) async throws -> State {
        let state = try await state(on: db)
        if state.asOf == today { return state }
        return try await Transactions.run(on: db) { tx in
            if try await lockedAsOf(on: tx) != today {
                try await ReadModelBuilder(asOf: today, on: tx).rebuild()
                try await setState(asOf: today, on: tx)
            }
            return try await Self.state(on: tx)
        }
    }

    /// Brings the model up to date with a transaction's changes, inside it.
    static func apply(_ changes: ReadModelChanges, on db: any Database) async throws {
        let change = changes.snapshot
        guard let asOf = try await lockedAsOf(on: db) else {
            // Never built: build it now, for today, so that the first reader does not pay for a write's work.
            try await ReadModelBuilder(asOf: CalendarDate(utc: Date()), on: db).rebuild()
            try await setState(asOf: CalendarDate(utc: Date()), on: db)
            try await frameworkChanged(on: db)
            return
        }
        let builder = ReadModelBuilder(asOf: asOf, on: db)
        if change.everything {
            try await builder.rebuild()
        } else {
            var pairs = change.series
            for indicator in change.indicators { pairs[indicator] = nil }
            let changed = try await builder.update(every: Array(change.indicators).sorted(), pairs: pairs, relations: change.goals)
            if change.goals || changed.count > ReadModelBuilder.chunkSize {
                try await builder.rollUpGoals()
            } else if !changed.isEmpty {
                try await builder.rollUpGoals(above: changed)
            }
        }
        try await setState(asOf: asOf, on: db)
        if changes.framework { try await frameworkChanged(on: db) }
    }

    private static func frameworkChanged(on db: any Database) async throws {
        try await sqlDatabase(db).update(ReadModelTables.state)
            .set(SQLIdentifier("counter"), to: SQLRaw("counter + 1"))
            .where("name", .equal, frameworkRow)
            .run()
    }

    /// The date the model was worked out for, its row locked for this transaction in the same query: one writer of
    /// the read model at a time. SQLite has one writer anyway; on PostgreSQL two transactions could otherwise both
    /// replace an indicator's rows, and the second would find the first's new row in its way.
    ///
    /// On PostgreSQL the same query turns bitmap scans off for the rest of the transaction, which is the read model's
    /// work: it reads each series in the order of the measurements' unique key, which an index scan gives as it goes,
    /// where the planner's default costs chose a bitmap scan and a sort (2.2–3.8 ms against 1.1–1.4 ms for the 2,500
    /// values of an indicator with 19 units, `EXPLAIN ANALYZE`; docs/benchmarks.md).
    private static func lockedAsOf(on db: any Database) async throws -> CalendarDate? {
        let sql = try sqlDatabase(db)
        let postgres = sql.dialect.name != "sqlite"
        let query = postgres
            ? "SELECT as_of, set_config('enable_bitmapscan', 'off', true) FROM \(ReadModelTables.state) WHERE name = 'read model' FOR UPDATE"
            : "SELECT as_of FROM \(ReadModelTables.state) WHERE name = 'read model'"
        let row = try await sql.raw(SQLQueryString(query)).first()
        return try row?.decode(column: "as_of", as: String?.self).flatMap { try? CalendarDate.parse($0) }
    }

    private static func setState(asOf: CalendarDate, on db: any Database) async throws {
        try await sqlDatabase(db).update(ReadModelTables.state)
            .set("as_of", to: asOf.description)
            .set(SQLIdentifier("counter"), to: SQLRaw("counter + 1"))
            .where("name", .equal, "read model")
            .run()
    }

    static func sqlDatabase(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw StoreError.notSQL }
        return sql
    }
}
