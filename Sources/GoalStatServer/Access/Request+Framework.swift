import Fluent
import GoalStatCore
import GoalStatStore
import Vapor

extension Request {
    private struct FrameworkKey: StorageKey {
        typealias Value = FrameworkDocument
    }

    /// The whole stored framework, read once per request (authorization and the handler share it).
    /// Writes read their own copy inside their transaction.
    func framework() async throws -> FrameworkDocument {
        if let cached = storage[FrameworkKey.self] { return cached }
        let document = try await FrameworkStore.exportDocument(on: db)
        storage[FrameworkKey.self] = document
        return document
    }

    /// The framework as this request's principal may read it: published records, and private ones of their units.
    func visibleFramework() async throws -> FrameworkDocument {
        try await framework().visible(to: principal)
    }

    func orgTree() async throws -> OrgTree {
        OrgTree(try await framework().orgUnits)
    }
}
