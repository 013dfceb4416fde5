import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
/// One entry of values: a form, an API call or a file import. Measurements name it as their source.
final class ImportBatchModel: Model, @unchecked Sendable {
    static let schema = "import_batches"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "label") var label: String
    @OptionalField(key: "entered_by") var enteredBy: String?
    @Field(key: "entered_at") var enteredAt: Date
    @Field(key: "rows_added") var rowsAdded: Int
    @Field(key: "rows_revised") var rowsRevised: Int

    init() {}
}
