import FluentKit

/// Fluent's SQLite configuration with what GoalStat's writers need: the bounded wait and the process's write gate.
/// Fluent hands the configuration to every database it makes (`db.context.configuration`), so `Transactions` finds
/// the gate of the very file it writes to; sqlite-kit offers no per-connection hook to keep them elsewhere.
struct SQLiteWriteConfiguration: DatabaseConfiguration {
    var inner: any DatabaseConfiguration
    let writeWait: WriteWait
    let gate: SQLiteWriteGate

    var middleware: [any AnyModelMiddleware] {
        get { inner.middleware }
        set { inner.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        inner.makeDriver(for: databases)
    }

    /// For an SQLite database that was configured elsewhere (not through `DatabaseLocation`): one gate per process.
    static let fallbackGate = SQLiteWriteGate()

    /// The wait and gate of `db`'s configuration.
    static func of(_ db: any Database) -> (wait: WriteWait, gate: SQLiteWriteGate) {
        guard let configuration = db.context.configuration as? SQLiteWriteConfiguration else { return (.server, fallbackGate) }
        return (configuration.writeWait, configuration.gate)
    }
}
