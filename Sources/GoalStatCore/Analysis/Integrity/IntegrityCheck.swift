/// The integrity checks of SPEC §4 (seed 002, practice 9: check for cheating); raw values are stable codes.
public enum IntegrityCheck: String, Sendable, Codable, CaseIterable, Comparable {
    /// A guardrail indicator worsens while an indicator it protects improves.
    case guardrailWorsens
    /// Recent values sit in a narrow band just on the passing side of the target, with far less variation than before.
    case bunchingAtTarget
    /// A level shift toward the target starts right after the target was set.
    case stepAfterTarget
    /// A value was corrected after the reporting deadline had closed its period.
    case lateRevision
    /// Periods with no value, or the latest period not reported by its due date.
    case missingData
    /// Counts whose last digits (or first digits, by Benford's law) are far from what honest counting gives.
    case digitPreference
    /// An indicator that sums its units has a total that differs from the sum of the units entered for the period.
    case totalDisagreesWithUnits

    /// A short name for briefings and filters.
    public var title: String {
        switch self {
        case .guardrailWorsens: "Guardrail worsens while its target indicator improves"
        case .bunchingAtTarget: "Values bunched just past the target"
        case .stepAfterTarget: "Step change right after a target was set"
        case .lateRevision: "Revision after the reporting deadline"
        case .missingData: "Missing or late data"
        case .digitPreference: "Digit preference on a count"
        case .totalDisagreesWithUnits: "Total differs from the sum of its units"
        }
    }

    public static func < (lhs: IntegrityCheck, rhs: IntegrityCheck) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
