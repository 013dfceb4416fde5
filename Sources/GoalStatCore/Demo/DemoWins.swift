import Foundation

/// The demo agency's small wins (issue 11 item 7b), dated relative to the injected clock like the demo's values:
/// three published on the recognition feed and the portal, one waiting for the PIO.
public enum DemoWins {
    public static func wins(today: CalendarDate) -> [Win] {
        func daysAgo(_ days: Int) -> String { today.adding(days: -days).description }
        func id(_ n: Int) -> UUID { UUID(uuidString: "00000000-0000-4000-8000-00000000000\(n)")! }
        return [
            Win(id: id(1), title: "Northern offices open a ticket queue on every counter",
                story: "The northern region's offices moved every counter to the ticket queue in one weekend; walk-outs fell within a month.",
                goal: "G1.1", achievedOn: daysAgo(40), published: true),
            Win(id: id(2), title: "Online renewals pass half of all renewals",
                story: "For the first time more drivers renewed online than in an office, a quarter ahead of the plan.",
                goal: "G1.2", achievedOn: daysAgo(75), published: true),
            Win(id: id(3), title: "Every examiner recertified on the new road test",
                story: "All examiners completed the standardized road-test training, so every applicant is tested the same way.",
                goal: "G2.3", achievedOn: daysAgo(110), published: true),
            Win(id: id(4), title: "Call-back pilot answers the phone queue at lunchtime",
                story: "A call-back option cut the lunchtime queue in the pilot week; the team asks to extend it.",
                goal: "G1.3", achievedOn: daysAgo(12), published: false),
        ]
    }
}
