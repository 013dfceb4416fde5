import Foundation

/// The JSON documents of `goalstat appraisal derive` and `goalstat appraisal award` (docs/cli.md), read strictly:
/// unknown keys are refused so that a misspelt field is caught, and every error names its field.
public enum AppraisalRequests {
    /// `{"pattern": "H", "method": "average", "critical": [1, 5, 5], "nonCritical": [5]}`, with optional
    /// `"pointRanges": {"3": 2.5, "4": 3.5, "5": 4.5}`.
    public static func derivation(from data: Data) throws(AppraisalRuleViolation) -> (rules: DerivationRules, ratings: ElementRatings) {
        let document = try decode(DerivationDocument.self, from: data, allowed: DerivationDocument.keys)
        guard let patternText = document.pattern else {
            throw AppraisalRuleViolation(field: "pattern", section: "5 CFR 430.208(d)(1)", reason: "the summary level pattern, A to H, is required")
        }
        guard let pattern = SummaryLevelPattern(rawValue: patternText) else {
            throw AppraisalRuleViolation(field: "pattern", section: "5 CFR 430.208(d)(1)", reason: "'\(patternText)' is not a summary level pattern; the patterns are A to H")
        }
        var method = DerivationMethod.standard
        if let methodText = document.method {
            guard let known = DerivationMethod(rawValue: methodText) else {
                throw AppraisalRuleViolation(
                    field: "method", section: "5 CFR 430.208(b)",
                    reason: "'\(methodText)' is not a derivation method; the methods are \(DerivationMethod.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            method = known
        }
        var ranges = PointRanges.standard
        if let given = document.pointRanges {
            if let key = given.keys.sorted().first(where: { !["3", "4", "5"].contains($0) }) {
                throw AppraisalRuleViolation(field: "pointRanges.\(key)", section: nil, reason: "point ranges are given for levels 3, 4 and 5 only")
            }
            ranges = PointRanges(
                outstanding: given["5"] ?? ranges.outstanding, exceedsFullySuccessful: given["4"] ?? ranges.exceedsFullySuccessful,
                fullySuccessful: given["3"] ?? ranges.fullySuccessful
            )
        }
        guard let critical = document.critical else {
            throw AppraisalRuleViolation(field: "critical", section: "5 CFR 430.206(b)(4)", reason: "the ratings of the critical elements are required; a plan has at least one critical element")
        }
        let rules = DerivationRules(pattern: pattern, method: method, pointRanges: try ranges.validated())
        return (rules, ElementRatings(critical: try levels(critical, field: "critical"), nonCritical: try levels(document.nonCritical ?? [], field: "nonCritical")))
    }

    private static func levels(_ numbers: [Double], field: String) throws(AppraisalRuleViolation) -> [Int] {
        var result: [Int] = []
        for (index, number) in numbers.enumerated() { result.append(try whole(number, field: "\(field)[\(index)]")) }
        return result
    }

    private static func whole(_ number: Double, field: String) throws(AppraisalRuleViolation) -> Int {
        guard number.isFinite, number == number.rounded(), abs(number) < 1_000_000 else {
            throw AppraisalRuleViolation(field: field, section: "5 CFR 430.208(d)", reason: "a level is a whole number from 1 to 5, not \(number)")
        }
        return Int(number)
    }

    /// `{"kind": "ratingBased", "ratingOfRecord": 5, "basicPay": 100000, "amount": 11000, ...}`, with the agency's
    /// time-off caps as optional `timeOffHoursPerContribution` and `timeOffHoursPerLeaveYear`.
    public static func award(from data: Data) throws(AppraisalRuleViolation) -> (proposal: AwardProposal, policy: AwardPolicy) {
        let document = try decode(AwardDocument.self, from: data, allowed: AwardDocument.keys)
        guard let kindText = document.kind else {
            throw AppraisalRuleViolation(field: "kind", section: nil, reason: "the kind of award is required: \(AwardKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let kind = AwardKind(rawValue: kindText) else {
            throw AppraisalRuleViolation(field: "kind", section: nil, reason: "'\(kindText)' is not a kind of award; the kinds are \(AwardKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var policy = AwardPolicy.standard
        for (field, value) in [("timeOffHoursPerContribution", document.timeOffHoursPerContribution), ("timeOffHoursPerLeaveYear", document.timeOffHoursPerLeaveYear)] {
            if let value, !(value.isFinite && value > 0) {
                throw AppraisalRuleViolation(field: field, section: nil, reason: "an agency's cap is a number of hours above zero")
            }
        }
        policy.timeOffHoursPerContribution = document.timeOffHoursPerContribution ?? policy.timeOffHoursPerContribution
        policy.timeOffHoursPerLeaveYear = document.timeOffHoursPerLeaveYear ?? policy.timeOffHoursPerLeaveYear
        let rating = try document.ratingOfRecord.map { number throws(AppraisalRuleViolation) in try whole(number, field: "ratingOfRecord") }
        let highest = try document.programHighestLevel.map { number throws(AppraisalRuleViolation) in try whole(number, field: "programHighestLevel") }
        let proposal = AwardProposal(
            kind: kind, ratingOfRecord: rating, basicPay: document.basicPay, amount: document.amount,
            exceptionalDetermination: document.exceptionalDetermination ?? false, hours: document.hours,
            hoursThisLeaveYear: document.hoursThisLeaveYear ?? 0, convertToCash: document.convertToCash ?? false,
            awardsFrozen: document.awardsFrozen ?? false, atMaximumStep: document.atMaximumStep ?? false,
            qualityStepIncreaseWithin52Weeks: document.qualityStepIncreaseWithin52Weeks ?? false,
            programHighestLevel: highest ?? 5, sustainedHighQuality: document.sustainedHighQuality ?? false
        )
        return (proposal, policy)
    }

    private struct DerivationDocument: Decodable {
        static let keys: Set<String> = ["pattern", "method", "critical", "nonCritical", "pointRanges"]
        var pattern: String?
        var method: String?
        // Numbers, checked to be whole by `levels`, so that 2.5 is named by its place rather than refused as a whole.
        var critical: [Double]?
        var nonCritical: [Double]?
        var pointRanges: [String: Double]?
    }

    private struct AwardDocument: Decodable {
        static let keys: Set<String> = [
            "kind", "ratingOfRecord", "basicPay", "amount", "exceptionalDetermination", "hours", "hoursThisLeaveYear", "convertToCash",
            "awardsFrozen", "atMaximumStep", "qualityStepIncreaseWithin52Weeks", "programHighestLevel", "sustainedHighQuality",
            "timeOffHoursPerContribution", "timeOffHoursPerLeaveYear",
        ]
        var kind: String?
        var ratingOfRecord: Double?
        var basicPay: Double?
        var amount: Double?
        var exceptionalDetermination: Bool?
        var hours: Double?
        var hoursThisLeaveYear: Double?
        var convertToCash: Bool?
        var awardsFrozen: Bool?
        var atMaximumStep: Bool?
        var qualityStepIncreaseWithin52Weeks: Bool?
        var programHighestLevel: Double?
        var sustainedHighQuality: Bool?
        var timeOffHoursPerContribution: Double?
        var timeOffHoursPerLeaveYear: Double?
    }

    /// Any JSON value, read only to learn an object's keys.
    private struct Ignored: Decodable {
        init(from decoder: any Decoder) throws {}
    }

    private static func decode<T: Decodable>(_ type: T.Type, from data: Data, allowed: Set<String>) throws(AppraisalRuleViolation) -> T {
        let keys: [String: Ignored]
        do {
            keys = try JSONDecoder().decode([String: Ignored].self, from: data)
        } catch {
            throw AppraisalRuleViolation(field: "(document)", section: nil, reason: "the input is not a JSON object")
        }
        if let unknown = keys.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw AppraisalRuleViolation(field: unknown, section: nil, reason: "unknown field; the fields are \(allowed.sorted().joined(separator: ", "))")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            let (path, reason) = describe(error)
            throw AppraisalRuleViolation(field: path.isEmpty ? "(document)" : path, section: nil, reason: reason)
        } catch {
            throw AppraisalRuleViolation(field: "(document)", section: nil, reason: "the input is not a JSON object")
        }
    }

    private static func describe(_ error: DecodingError) -> (String, String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce(into: "") { text, key in
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(expected(type))")
        case .valueNotFound(let type, let context):
            return (path(context.codingPath), "expected \(expected(type)), not null")
        case .dataCorrupted(let context):
            return (path(context.codingPath), context.codingPath.isEmpty ? "the input is not JSON" : "expected a whole number")
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "required")
        @unknown default:
            return ("", "the input cannot be read")
        }
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}
