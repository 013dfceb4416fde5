import GoalStatCore
import GoalStatStore

/// What is due from the signed-in person (issue 10): values as data steward, narratives and targets as goal leader.
struct TasksPageModel: Sendable {
    var personName: String
    var today: CalendarDate
    var tasks: PersonTasks
    var policy: DuePolicy
    /// Reminders not yet seen in the notification list.
    var unreadNotifications: Int
    /// Open actions owned by the person, and open asks for help addressed to the units they lead (reviews).
    var actions: [ActionItem] = []
    var asks: [GoalAssessment] = []
    /// Risks the person owns whose review date is within two weeks or past, and capacity requests waiting for
    /// their decision (issue 11).
    var risks: [Risk] = []
    var capacityToDecide: [CapacityRequest] = []
    /// What is due in appraisals: the person's own, and their direct reports' (issue 13).
    var appraisals: [AppraisalService.Due] = []
    var goalNames: [String: String] = [:]
    var unitNames: [String: String] = [:]
}
