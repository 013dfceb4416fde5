/// Refines the value-against-target status with what the process behaviour chart says (SPEC §4 "Status"):
/// - consistent fail: the target lies beyond the process limits on the wrong side, so it will not be met without a
///   change to the process: off track, whatever the latest value;
/// - consistent pass: the whole process lies on the passing side: on track;
/// Assurance counts only while the latest point is common cause: after a signal the limits describe the old process.
/// Assurance counts only while the latest point is common cause: after a signal the limits describe the old process.
/// - inconsistent: the target is inside the limits, so it will be hit and missed at random: the latest value decides,
///   and a met target is only at risk when the latest point is a special cause of concern.
public enum StatusWithAssurance {
    public struct Outcome: Sendable, Equatable {
        public var status: IndicatorStatus
        public var reasons: [String]
        /// The assurance that counted: nil after a signal, so that no page shows "consistently misses the target"
        /// beside a status that rests on the latest value alone.
        public var assurance: Assurance?
    }

    public static func combine(
        _ basic: StatusAssessment, assurance: Assurance?, latestPoint: XmRPointResult?, direction: ImprovementDirection
    ) -> Outcome {
        var reasons = [basic.reason]
        var status = basic.status
        // After a special cause the limits describe the old process, so they cannot vouch for the new one.
        let stable = latestPoint?.specialCause == nil
        if !stable, assurance == .consistentFail || assurance == .consistentPass {
            reasons.append("The process has changed (see the signal below), so its limits do not yet say whether the target will be met: rebase the chart once the new level holds.")
        }
        switch stable ? assurance : nil {
        case .consistentFail?:
            status = .offTrack
            reasons.append("The target lies outside the process limits on the failing side: the process will consistently miss it unless something changes.")
        case .consistentPass?:
            if status != .noData { status = .onTrack }
            reasons.append("The process limits lie entirely on the passing side of the target: it will consistently be met.")
        case .inconsistent?:
            reasons.append("The target lies within the process limits: it will be hit and missed at random (common-cause variation).")
        case nil:
            break
        }
        if let point = latestPoint, let cause = point.specialCause {
            switch point.pointType {
            case .concern:
                if status == .onTrack { status = .atRisk }
                reasons.append("The latest value is a special cause of concern (\(cause.phrase)).")
            case .improvement:
                reasons.append("The latest value is a special cause of improvement (\(cause.phrase)).")
            case .neutralHigh, .neutralLow:
                reasons.append("The latest value is a special cause (\(cause.phrase)).")
            case .commonCause:
                break
            }
        } else if latestPoint != nil {
            reasons.append("The latest value shows only common-cause variation.")
        }
        return Outcome(status: status, reasons: reasons, assurance: stable ? assurance : nil)
    }
}
