/// An integrity problem planted on purpose in the demo data, so the integrity checks of SPEC §4 have something to find.
public struct DemoPlantedCase: Sendable, Equatable {
    /// Which integrity check should raise a question about it.
    public enum Check: String, Sendable, CaseIterable {
        /// A guardrail indicator worsens while its linked target indicator improves.
        case guardrailWorsens
        /// Values bunched just past a target threshold, with unusually low variation.
        case bunchingAtTarget
        /// A step change in the month right after a target was set.
        case stepAfterTarget
        /// Missing or late data.
        case missingData
        /// Values of a count ending in 0 or 5 far too often.
        case digitPreference
    }

    public let check: Check
    public let indicator: String
    /// The other indicator the evidence involves (the target indicator a guardrail watches), if any.
    public let relatedIndicator: String?
    /// The first period affected, in the calendar form of SPEC §3.1.
    public let from: String
    /// The last period affected, or `nil` when it is still going on.
    public let to: String?
    /// What the data shows, in plain words.
    public let evidence: String
}

extension DemoMeasurements {
    /// The planted cases in the data `generate(through:)` gives for the same month: at least one per integrity
    /// check. Every other series is generated so that those checks would not flag it.
    public static func plantedCases(through lastCompleteMonth: (year: Int, month: Int)) -> [DemoPlantedCase] {
        let last = DemoMonth(lastCompleteMonth.year, lastCompleteMonth.month)
        let first = last.adding(-(monthCount - 1))
        return [
            DemoPlantedCase(
                check: .guardrailWorsens, indicator: "FO-WALKOUTS", relatedIndicator: "FO-WAIT-MEDIAN", from: "2025-07", to: nil,
                evidence: "Walk-outs in the southern offices climb from about 2.5 % to over 5 % while the median wait keeps falling."
            ),
            DemoPlantedCase(
                check: .bunchingAtTarget, indicator: "VS-TITLE-TIMELY", relatedIndicator: nil, from: "2024-10", to: nil,
                evidence: "Since FY2025 (target 95 %) every month reads 95.1–95.3, a spread far below the noise of earlier years."
            ),
            DemoPlantedCase(
                check: .stepAfterTarget, indicator: "HR-TIME-TO-HIRE", relatedIndicator: nil, from: "2024-10", to: nil,
                evidence: "The FY2025 target of 60 days was set on 2024-09-16; the next month the measure fell from about 87 to about 58 days."
            ),
            DemoPlantedCase(
                check: .missingData, indicator: "SAFE-MED-BACKLOG", relatedIndicator: nil, from: "2025-04", to: "2025-06",
                evidence: "No values for April and June 2025 and May 2025 recorded as missing, during the case-system move."
            ),
            DemoPlantedCase(
                check: .missingData, indicator: "INV-FRAUD-REFERRALS", relatedIndicator: nil, from: last.periodText, to: last.periodText,
                evidence: "The latest complete month has not been entered yet (late data)."
            ),
            DemoPlantedCase(
                check: .digitPreference, indicator: "SAFE-OUTREACH-STUDENTS", relatedIndicator: nil, from: first.periodText, to: last.periodText,
                evidence: "About nine in ten monthly head counts end in 0 or 5, where one in five would be expected."
            ),
        ]
    }
}
