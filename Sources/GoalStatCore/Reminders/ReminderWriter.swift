/// Works out the reminders due as of a day for values that are still missing, and words them (issue 10).
///
/// The steward gets the latest of "coming due", "due today" and "late" that has been reached; the goal leaders
/// (or, for an indicator of no goal with a leader, the performance officers) are told once the value is
/// `escalateAfterDays` late. Each has its own dedupe key, so a daily run sends each one once.
public enum ReminderWriter {
    public static func reminders(for value: ValueDue, today: CalendarDate, policy: DuePolicy) -> [Reminder] {
        var result: [Reminder] = []
        let due = value.due.dueDate
        if let stage = ReminderStage.stewardStage(due: due, today: today, policy: policy) {
            result.append(Reminder(
                recipientEmail: value.steward.email, recipientName: value.steward.name,
                subject: stewardSubject(value, today: today), body: stewardBody(value, today: today),
                stage: stage, dedupeKey: key(value.steward.email, value, stage)
            ))
        }
        if ReminderStage.escalates(due: due, today: today, policy: policy) {
            for leader in value.escalateTo where leader.email.lowercased() != value.steward.email.lowercased() {
                result.append(Reminder(
                    recipientEmail: leader.email, recipientName: leader.name,
                    subject: oneLine("Still missing: \(value.indicatorName) for \(value.periodLabel), \(value.due.daysLate(today: today)) days late"),
                    body: escalationBody(value, leader: leader, today: today),
                    stage: .escalated, dedupeKey: key(leader.email, value, .escalated)
                ))
            }
        }
        return result
    }

    static func key(_ email: String, _ value: ValueDue, _ stage: ReminderStage) -> String {
        "value|\(email.lowercased())|\(value.indicator)|\(value.periodStart)|\(stage.rawValue)"
    }

    /// Worded by where the value stands when the message is written, not by the stage that triggered it: a run that
    /// missed the due date says "late", never "due today" days afterwards.
    static func stewardSubject(_ value: ValueDue, today: CalendarDate) -> String {
        let what = "\(value.indicatorName) for \(value.periodLabel)"
        let subject = switch DueDates.state(due: value.due.dueDate, today: today) {
        case .comingDue: "Coming due on \(value.due.dueDate): \(what)"
        case .dueToday: "Due today: \(what)"
        case .late: "Late: \(what) was due on \(value.due.dueDate)"
        }
        return oneLine(subject)
    }

    static func stewardBody(_ value: ValueDue, today: CalendarDate) -> String {
        let state = switch DueDates.state(due: value.due.dueDate, today: today) {
        case .comingDue: "is due on \(value.due.dueDate)."
        case .dueToday: "is due today, \(value.due.dueDate)."
        case .late: "was due on \(value.due.dueDate) and is \(value.due.daysLate(today: today)) days late."
        }
        return """
        Dear \(value.steward.name),

        The value of \(value.indicatorName) (\(value.indicator)) for \(value.periodLabel) \(state)

        Enter it in the data-entry grid: \(value.entryLink)

        If there is no value for this period, record it as missing with the reason; that stops these reminders.

        GoalStat
        """
    }

    static func escalationBody(_ value: ValueDue, leader: ReminderRecipient, today: CalendarDate) -> String {
        """
        Dear \(leader.name),

        The value of \(value.indicatorName) (\(value.indicator)) for \(value.periodLabel) was due on \(value.due.dueDate) \
        and is still missing, \(value.due.daysLate(today: today)) days late. Its data steward, \(value.steward.name) \
        (\(value.steward.email)), has been reminded.

        The data-entry grid for it: \(value.entryLink)

        You receive this because you lead a goal the indicator measures.

        GoalStat
        """
    }

    /// Names come from people: a subject is one line whatever they typed.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
