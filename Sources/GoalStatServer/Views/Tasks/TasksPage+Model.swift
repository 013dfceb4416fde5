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
}
