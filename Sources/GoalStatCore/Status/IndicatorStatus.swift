/// Where an indicator stands against its target (SPEC §4 "Status").
public enum IndicatorStatus: String, Codable, Sendable, CaseIterable, Comparable {
    case offTrack, atRisk, onTrack, noTarget, noData

    /// Worst first, so that `min()` picks the status that needs attention.
    private var severity: Int {
        switch self {
        case .offTrack: 0
        case .atRisk: 1
        case .onTrack: 2
        case .noTarget: 3
        case .noData: 4
        }
    }

    public static func < (lhs: IndicatorStatus, rhs: IndicatorStatus) -> Bool { lhs.severity < rhs.severity }

    public var title: String {
        switch self {
        case .onTrack: "On track"
        case .atRisk: "At risk"
        case .offTrack: "Off track"
        case .noTarget: "No target"
        case .noData: "No data"
        }
    }
}

/// A status with the plain-words reason for it: the UI always says why.
public struct StatusAssessment: Sendable, Equatable {
    public var status: IndicatorStatus
    public var reason: String

    public init(status: IndicatorStatus, reason: String) {
        self.status = status
        self.reason = reason
    }
}
