import Foundation
import Vapor

/// How the server waits before answering a throttled sign-in (`SignInThrottle`): asleep, holding no thread.
/// Injected so that tests can see the delay without waiting for it.
struct SignInPause: Sendable {
    var wait: @Sendable (TimeInterval) async throws -> Void

    static let sleeping = SignInPause { seconds in
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}

extension Application {
    private struct SignInPauseKey: StorageKey {
        typealias Value = SignInPause
    }

    var signInPause: SignInPause {
        get { storage[SignInPauseKey.self] ?? .sleeping }
        set { storage[SignInPauseKey.self] = newValue }
    }
}
