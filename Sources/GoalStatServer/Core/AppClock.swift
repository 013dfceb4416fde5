import Foundation
import GoalStatCore
import Vapor

/// The injected clock: pages and rules read "today" from here, never from the wall clock directly.
struct AppClock: Sendable {
    var now: @Sendable () -> Date

    var today: CalendarDate { CalendarDate(utc: now()) }
}

extension Application {
    private struct ClockKey: StorageKey {
        typealias Value = AppClock
    }

    var clock: AppClock {
        get { storage[ClockKey.self] ?? AppClock(now: { Date() }) }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var clock: AppClock { application.clock }
}
