/// What a point's signal means for its indicator: common cause, or a special cause read through the improvement direction.
public enum PointType: String, Codable, Sendable, CaseIterable {
    case commonCause, improvement, concern, neutralHigh, neutralLow

    /// The type of a point labelled `cause` (nil: no rule matched) on an indicator that improves in `direction`.
    public init(cause: SpecialCause?, direction: ImprovementDirection) {
        guard let cause else {
            self = .commonCause
            return
        }
        switch direction {
        case .increase: self = cause.isHigh ? .improvement : .concern
        case .decrease: self = cause.isHigh ? .concern : .improvement
        case .neutral: self = cause.isHigh ? .neutralHigh : .neutralLow
        }
    }
}
