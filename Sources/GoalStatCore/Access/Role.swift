/// A role a person holds at an org unit (SPEC §7); it covers that unit and every unit below it.
public enum Role: String, Codable, Sendable, CaseIterable {
    case admin, pio, goalLeader, dataSteward, reviewer, viewer, supervisor, employee, hr
}

extension Role {
    /// The role → actions table. `readPublished` is everyone's, anonymous visitors included, so no row needs it.
    ///
    /// | role | may |
    /// | --- | --- |
    /// | admin | every performance action, users included |
    /// | pio | every performance action except `manageUsers` |
    /// | goalLeader | readPrivate, editFramework, reviseTarget, enterData |
    /// | dataSteward | readPrivate, enterData, importFiles |
    /// | reviewer | readPrivate, runReviews, exportData |
    /// | viewer | readPrivate |
    /// | supervisor | readAppraisals, editAppraisals (for the units they supervise) |
    /// | hr | readAppraisals, editAppraisals |
    /// | employee | nothing beyond published data at unit level; their own appraisal is a per-record rule |
    ///
    /// Appraisal data is personal (SPEC §2: only the employee, their rating chain and HR see it), so neither
    /// `admin` nor `pio` may read it; an admin who needs to must grant themselves `hr`, and that grant is audited.
    public var actions: Set<Action> {
        switch self {
        case .admin: Action.performanceActions
        case .pio: Action.performanceActions.subtracting([.manageUsers])
        case .goalLeader: [.readPrivate, .editFramework, .reviseTarget, .enterData]
        case .dataSteward: [.readPrivate, .enterData, .importFiles]
        case .reviewer: [.readPrivate, .runReviews, .exportData]
        case .viewer: [.readPrivate]
        case .supervisor, .hr: [.readAppraisals, .editAppraisals]
        case .employee: []
        }
    }
}

extension Action {
    /// Every action except the appraisal ones, which only the rating chain and HR hold.
    static let performanceActions: Set<Action> = Set(allCases).subtracting([.readAppraisals, .editAppraisals])
}
