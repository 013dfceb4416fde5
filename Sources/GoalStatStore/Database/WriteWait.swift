/// How long a writer waits for another writer to finish (SQLite admits one at a time), and what it says meanwhile.
/// After `bound` the write fails with `DatabaseUnavailable.busy`. PostgreSQL locks rows, not the database, and
/// ignores this.
public struct WriteWait: Sendable {
    /// The longest wait for the write lock, queueing in this process and SQLite's busy wait together.
    public var bound: Duration
    /// Called once when a write has to wait (the command line says so on standard error).
    public var onWait: (@Sendable () -> Void)?

    public init(bound: Duration, onWait: (@Sendable () -> Void)? = nil) {
        self.bound = bound
        self.onWait = onWait
    }

    /// A web request: long enough for a large import to finish, short enough to answer before a client gives up.
    public static let server = WriteWait(bound: .seconds(15))

    /// A person at a terminal can wait for another import to finish.
    public static func commandLine(onWait: @escaping @Sendable () -> Void) -> WriteWait {
        WriteWait(bound: .seconds(600), onWait: onWait)
    }

    /// The bound in whole milliseconds, at least one, for `PRAGMA busy_timeout`.
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1_000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
