import Foundation
import Testing
@testable import GoalStatCore

/// The NHSRplotthedots 0.2.2 vectors in `Fixtures/spc` (see its README), decoded for the XmR tests.
enum XmRReferenceFixtures {
    static let cases: [XmRReferenceCase] = (try? decode(XmRReferenceFile.self, from: "reference_cases"))?.cases ?? []
    static let ruleHelpers: XmRRuleHelperFile? = try? decode(XmRRuleHelperFile.self, from: "rule_helpers")

    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/spc") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(T.self, from: Data(contentsOf: url))
    }

    /// Equal to within 1e-9 relative or 1e-12 absolute, the tolerance SPEC §4 sets against the reference.
    static func close(_ a: Double, _ b: Double) -> Bool {
        let difference = abs(a - b)
        return difference <= 1e-12 || difference <= 1e-9 * max(abs(a), abs(b))
    }

    /// NHSRplotthedots' `special_cause_type` labels.
    static func specialCause(_ label: String) -> SpecialCause?? {
        switch label {
        case "Common Cause": .some(nil)
        case "Above UCL": .aboveUpperLimit
        case "Below LCL": .belowLowerLimit
        case "7 Point Trend (Increasing)": .trendIncreasing
        case "7 Point Trend (Decreasing)": .trendDecreasing
        case "2 in 3 Above CL": .twoInThreeAbove
        case "2 in 3 Below CL": .twoInThreeBelow
        case "7 Points Above CL": .shiftAbove
        case "7 Points Below CL": .shiftBelow
        default: nil
        }
    }

    /// NHSRplotthedots' `point_type` (and `variation_type_last_point`) labels.
    static func pointType(_ label: String) -> PointType? {
        switch label {
        case "common_cause": .commonCause
        case "special_cause_improvement": .improvement
        case "special_cause_concern": .concern
        case "special_cause_neutral_high": .neutralHigh
        case "special_cause_neutral_low": .neutralLow
        default: nil
        }
    }

    /// NHSRplotthedots' `assurance_type` labels.
    static func assurance(_ label: String?) -> Assurance?? {
        switch label {
        case nil: .some(nil)
        case "consistent_pass": .consistentPass
        case "consistent_fail": .consistentFail
        case "inconsistent": .inconsistent
        default: nil
        }
    }
}

struct XmRReferenceFile: Decodable {
    let cases: [XmRReferenceCase]
}

struct XmRReferenceCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Input: Decodable, Sendable {
        let values: [Double]
        let dates: [String]
        let facets: [String]?
        let improvementDirection: ImprovementDirection
        let target: Double?
        let rebase: [String]
        let fixAfterNPoints: Int?
        let screenOutliers: Bool

        enum CodingKeys: String, CodingKey {
            case values, dates, facets, improvementDirection, target, rebase, fixAfterNPoints, screenOutliers
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            values = try c.decode([Double].self, forKey: .values)
            dates = try c.decode([String].self, forKey: .dates)
            facets = try c.decodeIfPresent([String].self, forKey: .facets)
            improvementDirection = try c.decode(ImprovementDirection.self, forKey: .improvementDirection)
            target = try c.decodeIfPresent(Double.self, forKey: .target)
            // `rebase` is null, one date, or a list of dates.
            if let one = try? c.decodeIfPresent(String.self, forKey: .rebase) {
                rebase = [one]
            } else {
                rebase = try c.decodeIfPresent([String].self, forKey: .rebase) ?? []
            }
            fixAfterNPoints = try c.decodeIfPresent(Int.self, forKey: .fixAfterNPoints)
            screenOutliers = try c.decode(Bool.self, forKey: .screenOutliers)
        }
    }

    struct Group: Decodable, Sendable {
        let facet: String?
        let rebaseGroup: Int
        let n: Int
        let mean, lpl, upl, mrBarAfterScreening: Double
        let variationTypeLastPoint: String
        let assuranceType: String?
    }

    struct Point: Decodable, Sendable {
        let i: Int
        let date: String
        let facet: String?
        let value: Double
        let rebaseGroup: Int
        let mean, lpl, upl, nlpl, nupl: Double
        let specialCauseType: String
        let pointType: String
        let shortGroupWarning: Bool
    }

    struct Expected: Decodable, Sendable {
        let groups: [Group]
        let points: [Point]
    }

    let id: String
    let description: String
    let input: Input
    let expected: Expected

    var testDescription: String { id }
}

struct XmRRuleHelperFile: Decodable, Sendable {
    struct Vector: Decodable, Sendable, CustomTestStringConvertible {
        let functionName: String
        let args: [String: [Double]]
        let expected: [Int]
        var testDescription: String { "\(functionName) \(args.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })" }
    }

    struct AssuranceTable: Decodable, Sendable {
        struct Limits: Decodable, Sendable {
            let f: String
            let lpl, mean, upl: Double
        }
        let improvementDirection: ImprovementDirection
        let target: Double
        let groups: [Limits]
        let expectedAssuranceType: [String?]
    }

    let ruleHelpers: [Vector]
    let assurance: [AssuranceTable]
}
