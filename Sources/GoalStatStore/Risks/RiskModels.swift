import FluentKit
import Foundation
import GoalStatCore

// See OrgUnitModel for why Fluent models are @unchecked Sendable.
/// A risk: the columns the register filters and sorts by, and the whole record (with its score history) as JSON.
final class RiskModel: Model, @unchecked Sendable {
    static let schema = "risks"

    @ID(key: .id) var id: UUID?
    @Field(key: "goal_code") var goalCode: String
    @Field(key: "status") var status: String
    @Field(key: "score") var score: Int
    @OptionalField(key: "owner") var owner: String?
    @OptionalField(key: "review_on") var reviewOn: String?
    @Field(key: "record_json") var recordJSON: String

    init() {}

    init(_ risk: Risk) {
        id = risk.id
        apply(risk)
    }

    func apply(_ risk: Risk) {
        goalCode = risk.goal
        status = risk.status.rawValue
        score = risk.score
        owner = risk.owner
        reviewOn = risk.reviewOn
        recordJSON = JSONColumn.encode(risk)
    }

    var domain: Risk? { JSONColumn.decode(Risk.self, from: recordJSON) }
}

/// A capacity request: the columns lists filter by, and the whole record (with its updates) as JSON.
final class CapacityRequestModel: Model, @unchecked Sendable {
    static let schema = "capacity_requests"

    @ID(key: .id) var id: UUID?
    @Field(key: "org_unit_code") var orgUnitCode: String
    @OptionalField(key: "goal_code") var goalCode: String?
    @Field(key: "status") var status: String
    @Field(key: "requested_on") var requestedOn: String
    @Field(key: "record_json") var recordJSON: String

    init() {}

    init(_ request: CapacityRequest) {
        id = request.id
        apply(request)
    }

    func apply(_ request: CapacityRequest) {
        orgUnitCode = request.orgUnit
        goalCode = request.goal
        status = request.status.rawValue
        requestedOn = request.requestedOn
        recordJSON = JSONColumn.encode(request)
    }

    var domain: CapacityRequest? { JSONColumn.decode(CapacityRequest.self, from: recordJSON) }
}
