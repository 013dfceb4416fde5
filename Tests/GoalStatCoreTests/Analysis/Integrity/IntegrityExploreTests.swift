import Foundation
import Testing
@testable import GoalStatCore

@Suite struct IntegrityExploreTests {
    @Test func explore() {
        var loose = IntegrityThresholds()
        loose.guardrailSigmas = 0.0
        loose.stepSigmas = 0.5
        loose.bunchingShare = 0.2
        loose.bunchingVariationRatio = 10
        for flag in IntegrityChecks.run(IntegrityDemoInput.input, thresholds: loose, checks: [.stepAfterTarget, .guardrailWorsens, .bunchingAtTarget]) {
            let ev = flag.evidence.sorted { $0.key < $1.key }.map { "\($0.key)=\(String(format: "%.3g", $0.value))" }.joined(separator: " ")
            print("FLAG", flag.check.rawValue, flag.indicator, flag.orgUnit ?? "-", flag.relatedIndicator ?? "-", flag.from, flag.to, ev)
        }
        for flag in IntegrityChecks.run(IntegrityDemoInput.input) { print("REAL", flag.check.rawValue, flag.indicator, flag.orgUnit ?? "-", flag.question) }
    }
}
