import FluentKit
import Foundation

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
final class PersonModel: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @OptionalField(key: "org_unit_code") var orgUnitCode: String?
    @OptionalField(key: "title") var title: String?
    @Field(key: "position") var position: Int

    init() {}
}
