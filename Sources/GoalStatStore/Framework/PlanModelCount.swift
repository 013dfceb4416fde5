import FluentKit

/// Whether a database already holds a plan (the demo loads only into an empty one).
public enum PlanModelCount {
    public static func plans(on db: any Database) async throws -> Int {
        try await PlanModel.query(on: db).count()
    }
}
