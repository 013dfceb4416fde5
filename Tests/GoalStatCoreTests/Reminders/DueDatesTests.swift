import Testing
@testable import GoalStatCore

@Suite("Due dates")
struct DueDatesTests {
    private func day(_ text: String) -> CalendarDate { try! CalendarDate.parse(text) }

    @Test func aValueIsDueTheGracePeriodOfItsFrequencyAfterItsPeriodEnds() {
        let policy = DuePolicy.standard
        #expect(policy.dueDate(of: .month(year: 2026, month: 10), frequency: .monthly) == day("2026-11-15"))
        #expect(policy.dueDate(of: .calendarQuarter(year: 2026, quarter: 3), frequency: .quarterly) == day("2026-10-30"))
        #expect(policy.dueDate(of: .calendarYear(2025), frequency: .annual) == day("2026-03-01"))
        #expect(policy.dueDate(of: .isoWeek(year: 2026, week: 47), frequency: .weekly) == day("2026-11-25"))
    }

    @Test func graceSettingsOverrideTheDefaultsAndBadOnesAreRefusedByName() throws {
        let policy = try DuePolicy.standard.overriding(environmentValue: "monthly=20, annual=90").overriding(grace: ["quarterly=45"])
        #expect(policy.grace(.monthly) == 20)
        #expect(policy.grace(.annual) == 90)
        #expect(policy.grace(.quarterly) == 45)
        #expect(policy.grace(.weekly) == 3)
        #expect(throws: DuePolicyError.badGrace("daily=3")) { try DuePolicy.standard.overriding(grace: ["daily=3"]) }
        #expect(throws: DuePolicyError.badGrace("monthly=-1")) { try DuePolicy.standard.overriding(grace: ["monthly=-1"]) }
        #expect(throws: DuePolicyError.badGrace("monthly")) { try DuePolicy.standard.overriding(grace: ["monthly"]) }
        #expect(try DuePolicy.standard.overriding(environmentValue: "  ") == .standard)
    }

    @Test func periodsAreAskedForFromTheirFirstReminderAndOnlyTheLatestFew() {
        // 23 November 2026: October is late (due 15 Nov), November's first reminder (10 Dec) is not reached.
        let open = DueDates.open(
            frequency: .monthly, calendar: .federal, fiscal: false, answered: [], today: day("2026-11-23"), policy: .standard
        )
        #expect(open.map(\.period) == [.month(year: 2026, month: 8), .month(year: 2026, month: 9), .month(year: 2026, month: 10)])
        #expect(open.map(\.state) == [.late, .late, .late])
        let december = DueDates.open(
            frequency: .monthly, calendar: .federal, fiscal: false, answered: [], today: day("2026-12-10"), policy: .standard
        )
        #expect(december.last == DuePeriod(period: .month(year: 2026, month: 11), dueDate: day("2026-12-15"), state: .comingDue))
        let dueDay = DueDates.open(
            frequency: .monthly, calendar: .federal, fiscal: false, answered: [], today: day("2026-12-15"), policy: .standard
        )
        #expect(dueDay.last?.state == .dueToday)
    }

    @Test func aStoredPeriodIsNotDueWhateverItsStatus() {
        // The store passes every period with a row — final, provisional, estimated or missing — as answered.
        let open = DueDates.open(
            frequency: .monthly, calendar: .federal, fiscal: false,
            answered: [.month(year: 2026, month: 9), .month(year: 2026, month: 10)], today: day("2026-11-23"), policy: .standard
        )
        #expect(open.map(\.period) == [.month(year: 2026, month: 8)])
    }

    @Test func fiscalQuartersFollowThePlansCalendar() {
        let open = DueDates.candidates(frequency: .quarterly, calendar: .federal, fiscal: true, today: day("2026-11-23"), policy: .standard, lookback: 1)
        #expect(open.map(\.period) == [.fiscalQuarter(fiscalYear: 2026, quarter: 4, calendar: .federal)])
        #expect(open.first?.dueDate == day("2026-10-30"))
    }

    @Test func lateIsPastTheDueDateAndCountsDays() {
        let due = DuePeriod(period: .month(year: 2026, month: 10), dueDate: day("2026-11-15"), state: .late)
        #expect(due.daysLate(today: day("2026-11-23")) == 8)
        #expect(due.daysLate(today: day("2026-11-10")) == 0)
    }
}

@Suite("Reminder stages")
struct ReminderStageTests {
    private func day(_ text: String) -> CalendarDate { try! CalendarDate.parse(text) }

    private var value: ValueDue {
        ValueDue(
            indicator: "FO-WAIT", indicatorName: "Median wait\r\nBcc: evil@example.com", periodLabel: "2026-10", periodStart: "2026-10-01",
            due: DuePeriod(period: .month(year: 2026, month: 10), dueDate: day("2026-11-15"), state: .late),
            steward: ReminderRecipient(email: "k.osei@example.gov", name: "Kwame Osei"),
            escalateTo: [ReminderRecipient(email: "r.alvarez@example.gov", name: "Rosa Alvarez"), ReminderRecipient(email: "K.Osei@example.gov", name: "Kwame Osei")],
            entryLink: "/data-entry?steward=k.osei%40example.gov&month=2026-10"
        )
    }

    @Test func theStewardIsRemindedBeforeOnAndAfterTheDueDate() {
        let policy = DuePolicy.standard
        let due = day("2026-11-15")
        #expect(ReminderStage.stewardStage(due: due, today: day("2026-11-09"), policy: policy) == nil)
        #expect(ReminderStage.stewardStage(due: due, today: day("2026-11-10"), policy: policy) == .beforeDue)
        #expect(ReminderStage.stewardStage(due: due, today: day("2026-11-15"), policy: policy) == .onDueDate)
        #expect(ReminderStage.stewardStage(due: due, today: day("2026-11-21"), policy: policy) == .onDueDate)
        #expect(ReminderStage.stewardStage(due: due, today: day("2026-11-22"), policy: policy) == .late)
        #expect(!ReminderStage.escalates(due: due, today: day("2026-11-28"), policy: policy))
        #expect(ReminderStage.escalates(due: due, today: day("2026-11-29"), policy: policy))
    }

    @Test func escalationGoesToTheGoalLeadersButNotBackToTheSteward() {
        let reminders = ReminderWriter.reminders(for: value, today: day("2026-11-29"), policy: .standard)
        #expect(reminders.map(\.recipientEmail) == ["k.osei@example.gov", "r.alvarez@example.gov"])
        #expect(reminders.map(\.stage) == [.late, .escalated])
        #expect(reminders[1].dedupeKey == "value|r.alvarez@example.gov|FO-WAIT|2026-10-01|escalated")
        #expect(reminders[1].body.contains("Kwame Osei"))
    }

    @Test func subjectsStayOnOneLineWhateverTheNamesHold() {
        for reminder in ReminderWriter.reminders(for: value, today: day("2026-11-29"), policy: .standard) {
            #expect(!reminder.subject.contains("\n") && !reminder.subject.contains("\r"))
            #expect(reminder.subject.contains("2026-10"))
        }
    }

    @Test func eachStageHasItsOwnKeySoADailyRunSendsEachOnce() {
        let before = ReminderWriter.reminders(for: value, today: day("2026-11-10"), policy: .standard)
        let again = ReminderWriter.reminders(for: value, today: day("2026-11-11"), policy: .standard)
        let dueDay = ReminderWriter.reminders(for: value, today: day("2026-11-15"), policy: .standard)
        #expect(before.map(\.dedupeKey) == again.map(\.dedupeKey))
        #expect(before.map(\.dedupeKey) != dueDay.map(\.dedupeKey))
        #expect(before.first?.subject.hasPrefix("Coming due on 2026-11-15") == true)
        #expect(dueDay.first?.subject.hasPrefix("Due today") == true)
    }

    @Test func aReminderSentAfterItsDaySaysWhereTheValueStandsThen() {
        // The "on the due date" reminder, written by a run five days later, says late rather than "due today".
        let reminders = ReminderWriter.reminders(for: value, today: day("2026-11-20"), policy: .standard)
        #expect(reminders.map(\.stage) == [.onDueDate])
        #expect(reminders.first?.subject == "Late: Median wait Bcc: evil@example.com for 2026-10 was due on 2026-11-15")
        #expect(reminders.first?.body.contains("is 5 days late") == true)
    }
}

@Suite("Targets due")
struct TargetsDueTests {
    private func day(_ text: String) -> CalendarDate { try! CalendarDate.parse(text) }

    @Test func theYearInForceWithoutATargetIsLate() {
        let due = TargetsDue.missing(targeted: [.fiscalYear(2026, calendar: .federal)], calendar: .federal, fiscal: true, today: day("2026-11-23"))
        #expect(due.map(\.period) == [.fiscalYear(2027, calendar: .federal)])
        #expect(due.first?.state == .late)
        #expect(due.first?.dueDate == day("2026-10-01"))
    }

    @Test func theNextYearIsAskedForNearItsStart() {
        let targeted: [Period] = [.fiscalYear(2027, calendar: .federal)]
        #expect(TargetsDue.missing(targeted: targeted, calendar: .federal, fiscal: true, today: day("2027-07-01")).isEmpty)
        let near = TargetsDue.missing(targeted: targeted, calendar: .federal, fiscal: true, today: day("2027-08-15"))
        #expect(near.map(\.period) == [.fiscalYear(2028, calendar: .federal)])
        #expect(near.first?.state == .comingDue)
    }

    @Test func aQuarterlyTargetInTheYearCountsAsATargetForIt() {
        let due = TargetsDue.missing(targeted: [.calendarQuarter(year: 2026, quarter: 4)], calendar: .federal, fiscal: false, today: day("2026-09-01"))
        #expect(due.isEmpty)
    }
}
