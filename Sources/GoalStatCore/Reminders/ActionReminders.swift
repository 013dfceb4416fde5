/// Reminders about an open action from a review (issue 11: actions come back in the reminders of the workbench):
/// its owner hears before the due date, on it, and once when it is late, each once, by the same stages and policy
/// as values. The leaders are not escalated to: the action comes back at every later review instead.
public enum ActionReminders {
    public static func reminders(for action: ActionItem, owner: ReminderRecipient, link: String, today: CalendarDate, policy: DuePolicy) -> [Reminder] {
        guard action.status == .open, let due = try? CalendarDate.parse(action.due),
              let stage = ReminderStage.stewardStage(due: due, today: today, policy: policy) else { return [] }
        let title = ReminderWriter.oneLine(action.title)
        let (subject, state) = switch DueDates.state(due: due, today: today) {
        case .comingDue: ("Action due on \(due): \(title)", "is due on \(due).")
        case .dueToday: ("Action due today: \(title)", "is due today, \(due).")
        case .late: ("Late action: \(title) was due on \(due)", "was due on \(due) and is \(max(0, due.days(to: today))) days late.")
        }
        let body = """
        Dear \(owner.name),

        The action "\(action.title)", from a review, \(state)

        Add an update — what has happened, and whether it is done, still open or dropped: \(link)

        It comes back at every review until it is closed.

        GoalStat
        """
        return [Reminder(
            recipientEmail: owner.email, recipientName: owner.name, subject: subject, body: body, stage: stage,
            dedupeKey: "action|\(owner.email.lowercased())|\(action.id.uuidString)|\(stage.rawValue)"
        )]
    }
}
