/// The integrity checks of SPEC §4 (seed 002, practice 9: check for cheating). Each check is a pure function of
/// the input; each flag names its evidence and asks a question for the review briefing, never an accusation.
public enum IntegrityChecks {
    /// Runs the chosen checks (all by default) on every series of the input: each indicator's total and each org unit.
    /// Flags come in check order, then by indicator, org unit (the total first) and period.
    public static func run(
        _ input: IntegrityInput, thresholds: IntegrityThresholds = .init(),
        checks: Set<IntegrityCheck> = Set(IntegrityCheck.allCases)
    ) -> [IntegrityFlag] {
        let context = IntegrityContext(input)
        var flags: [IntegrityFlag] = []
        for check in IntegrityCheck.allCases where checks.contains(check) {
            switch check {
            case .guardrailWorsens: flags += guardrailWorsens(context, thresholds)
            case .bunchingAtTarget: flags += bunchingAtTarget(context, thresholds)
            case .stepAfterTarget: flags += stepAfterTarget(context, thresholds)
            case .lateRevision: flags += lateRevisions(context, thresholds)
            case .missingData: flags += missingData(context, thresholds)
            case .digitPreference: flags += digitPreference(context, thresholds)
            case .totalDisagreesWithUnits: flags += totalDisagreesWithUnits(context, thresholds)
            }
        }
        return flags.sorted { a, b in
            if a.check != b.check { return a.check < b.check }
            if a.indicator != b.indicator { return a.indicator < b.indicator }
            if a.orgUnit != b.orgUnit { return (a.orgUnit ?? "") < (b.orgUnit ?? "") }
            return a.from < b.from
        }
    }
}
