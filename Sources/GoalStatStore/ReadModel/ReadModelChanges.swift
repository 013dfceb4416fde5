import Foundation

/// What a write transaction changed that the read model depends on. The store's writes mark it
/// (`MeasurementStore.store`, `FrameworkStore.importDocument`, `FrameworkStore.remove`); `Transactions.run` brings
/// the read model up to date from it before the transaction commits, so that no reader ever sees a value without
/// its status.
final class ReadModelChanges: @unchecked Sendable {
    /// The changes of the write transaction this task runs in; nil outside one.
    @TaskLocal static var current: ReadModelChanges?

    private let lock = NSLock()
    private var _series: [String: Set<String>] = [:]
    private var _indicators: Set<String> = []
    private var _goals = false
    private var _everything = false
    private var _shown = false

    /// The values of these indicators for these units changed ("" is the indicator's total).
    static func mark(series: [String: Set<String>]) {
        guard let changes = current else { return }
        changes.lock.withLock {
            for (indicator, units) in series { changes._series[indicator, default: []].formUnion(units) }
        }
    }

    /// The definition, targets or rebases of these indicators changed: every unit of theirs is worked out again.
    static func mark(indicators: some Sequence<String>) {
        guard let changes = current else { return }
        changes.lock.withLock { changes._indicators.formUnion(indicators) }
    }

    /// Goals, milestones or links changed: the goal statuses are rolled up again.
    static func markGoals() {
        guard let changes = current else { return }
        changes.lock.withLock { changes._goals = true }
    }

    /// Something a page shows changed (a narrative, a person, a link…) that no status depends on: nothing is worked
    /// out again, but the change counter moves, so that every process renders its pages afresh.
    static func markShown() {
        guard let changes = current else { return }
        changes.lock.withLock { changes._shown = true }
    }

    /// The calendar changed: everything is worked out again.
    static func markEverything() {
        guard let changes = current else { return }
        changes.lock.withLock { changes._everything = true }
    }

    var isEmpty: Bool {
        lock.withLock { _series.isEmpty && _indicators.isEmpty && !_goals && !_everything && !_shown }
    }

    var snapshot: (series: [String: Set<String>], indicators: Set<String>, goals: Bool, everything: Bool) {
        lock.withLock { (_series, _indicators, _goals, _everything) }
    }

    /// Whether anything of the framework changed, not only values.
    var framework: Bool {
        lock.withLock { !_indicators.isEmpty || _goals || _everything || _shown }
    }
}
