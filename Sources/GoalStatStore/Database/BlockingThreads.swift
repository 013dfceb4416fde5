import Foundation
import NIOCore

/// How many threads NIO's shared pool for blocking work has in this process: SQLite runs every statement there, and a
/// writer waiting for another process's lock sleeps on one (`busy_timeout`). NIO's default is one thread per core —
/// two on a small server — so one waiting writer and one long read would stall every other statement, the lock
/// holder's COMMIT included. Sixteen leaves room; the threads cost nothing while idle.
public enum BlockingThreads {
    public static let count = 16

    /// Call first thing in `main`, before anything uses NIO (NIO refuses a change after first use). The environment
    /// variable `NIO_SINGLETON_BLOCKING_POOL_THREAD_COUNT`, when set, wins.
    public static func reserve() {
        guard ProcessInfo.processInfo.environment["NIO_SINGLETON_BLOCKING_POOL_THREAD_COUNT"] == nil else { return }
        NIOSingletons.blockingPoolThreadCountSuggestion = count
    }
}
