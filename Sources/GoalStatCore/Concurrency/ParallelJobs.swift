import Foundation

/// Independent pieces of synchronous work shared out over the cores (`DispatchQueue.concurrentPerform`), their results
/// returned in the order of the jobs. For work that is plain computation on values, where an `async` task group would
/// make every caller asynchronous.
public enum ParallelJobs {
    public static func run<Result: Sendable>(_ count: Int, _ job: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1 else { return (0..<count).map(job) }
        let slots = Slots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, job(index))
        }
        return slots.values
    }

    /// The results as the jobs finish, each written under the lock.
    private final class Slots<Result: Sendable>: @unchecked Sendable {
        private var results: [Result?]
        private let lock = NSLock()

        init(count: Int) {
            results = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ result: Result) {
            lock.withLock { results[index] = result }
        }

        var values: [Result] {
            lock.withLock { results.map { $0! } }
        }
    }
}
