import NIOConcurrencyHelpers

/// How long a write spent bringing the read model up to date, for a caller that wants to tell (the API's
/// `Server-Timing` header, which `scripts/bench scale` reads against the issue 9 budget of 10 ms per saved value).
public final class ReadModelTiming: Sendable {
    /// The timing of the writes this task runs, when a caller asked for it.
    @TaskLocal public static var current: ReadModelTiming?

    private let total = NIOLockedValueBox<Duration>(.zero)

    public init() {}

    /// The time spent so far.
    public var duration: Duration { total.withLockedValue { $0 } }

    func add(_ duration: Duration) {
        total.withLockedValue { $0 += duration }
    }
}
