import GoalStatStore

/// Holds the write lock of a database from its own handle (as another process would) until told to let go.
public final class WriteLockHolder: Sendable {
    private let release: AsyncStream<Void>.Continuation
    private let task: Task<Void, any Error>

    /// Returns once the lock is held.
    public init(on store: GoalStatDatabase) async throws {
        let held = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
        self.release = release.continuation
        task = Task {
            try await Transactions.run(on: store.database) { _ in
                held.continuation.yield()
                for await _ in release.stream { break }
            }
        }
        for await _ in held.stream { break }
    }

    public func letGo() async throws {
        release.yield()
        release.finish()
        try await task.value
    }
}
