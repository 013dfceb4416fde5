import NIOConcurrencyHelpers

/// Lets one writer of a process at a time into an SQLite database, the others waiting their turn in order of arrival.
/// SQLite itself admits one writer per file; queueing here, before a pooled connection is taken, means waiting
/// writers hold no connection and no thread of NIO's pool while they wait (SQLite's own busy wait sleeps on one).
final class SQLiteWriteGate: Sendable {
    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var held = false
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let state = NIOLockedValueBox(State())

    /// Waits for the turn of this writer, at most `bound`; then throws `DatabaseUnavailable.busy`.
    /// `onWait` runs once, before waiting, when another writer holds the gate.
    func enter(within bound: Duration, onWait: () -> Void) async throws {
        let free = state.withLockedValue { state in
            if state.held { return false }
            state.held = true
            return true
        }
        if free { return }
        onWait()
        let timer = NIOLockedValueBox<Task<Void, Never>?>(nil)
        defer { timer.withLockedValue { $0?.cancel() } }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let id = state.withLockedValue { state -> UInt64? in
                guard state.held else {
                    state.held = true
                    return nil
                }
                state.nextID += 1
                state.waiters.append(Waiter(id: state.nextID, continuation: continuation))
                return state.nextID
            }
            guard let id else { return continuation.resume() }
            // Started once the waiter is queued, so that it always finds the waiter it is meant to expire.
            timer.withLockedValue { timer in
                timer = Task {
                    try? await Task.sleep(for: bound)
                    if !Task.isCancelled { self.expire(id) }
                }
            }
        }
    }

    /// Hands the turn to the next waiter, or frees the gate.
    func leave() {
        let next = state.withLockedValue { state -> Waiter? in
            guard !state.waiters.isEmpty else {
                state.held = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        next?.continuation.resume()
    }

    private func expire(_ id: UInt64) {
        let expired = state.withLockedValue { state -> Waiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        expired?.continuation.resume(throwing: DatabaseUnavailable.busy)
    }
}
