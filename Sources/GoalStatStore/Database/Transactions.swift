import FluentKit

/// Runs work in one transaction: everything is stored or nothing is. A dry run does the same work and rolls it back.
public enum Transactions {
    public static func run<T: Sendable>(
        on db: any Database, dryRun: Bool = false, _ work: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        do {
            return try await db.transaction { transaction in
                let result = try await work(transaction)
                if dryRun { throw DryRunRollback(result: result) }
                return result
            }
        } catch let rollback as DryRunRollback<T> {
            return rollback.result
        }
    }
}

/// Thrown to undo a dry run's work after it has been measured.
private struct DryRunRollback<T: Sendable>: Error {
    let result: T
}
