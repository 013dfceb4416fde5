import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
/// One row of the append-only audit log. Only `AuditLog.record` writes it; triggers refuse updates and deletes.
final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor") var actor: String?
    @Field(key: "entity_kind") var entityKind: String
    @Field(key: "entity_key") var entityKey: String
    @Field(key: "field") var field: String
    @OptionalField(key: "old_value") var oldValue: String?
    @OptionalField(key: "new_value") var newValue: String?
    @Field(key: "source") var source: String
    @OptionalField(key: "batch_id") var batchID: UUID?
    /// Running number of recording, so entries made at the same instant keep their order.
    @Field(key: "sequence") var sequence: Int

    init() {}
}
