@testable import GoalStatCore

/// A date from its ISO text, for tests.
func testDate(_ text: String) -> CalendarDate {
    try! CalendarDate.parse(text)
}

/// The range of a period as "start…end", for compact expectations.
func testRange(_ period: Period) -> String {
    "\(period.start)…\(period.end)"
}
