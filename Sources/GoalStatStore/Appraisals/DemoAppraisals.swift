import FluentKit
import Foundation
import GoalStatCore

/// The demo agency's appraisals (issue 13): a program for the last complete fiscal year with a dozen employees in
/// Field Offices and Digital Services, each with a plan aligned to the demo goals and a progress review, most of
/// them rated with a few awards; their supervisors rated by Daniel Nakamura, a senior executive in an SES program;
/// and one new hire, Nadia Ortiz, whose plan is still to be written. Relative to the injected clock.
public enum DemoAppraisals {
    /// The employee without a plan, for trying the plan editor (and the browser test's walk-through).
    public static let newHire = "n.ortiz@example.gov"

    private struct Staff {
        var email: String
        var name: String
        var unit: String
        var supervisor: String
        var pay: Double
        var rating: [Int]?
    }

    private static let staff: [Staff] = [
        Staff(email: "w.greene@example.gov", name: "Wendy Greene", unit: "DMV-FO", supervisor: "k.osei@example.gov", pay: 78_000, rating: [5, 4, 5]),
        Staff(email: "m.kowalski@example.gov", name: "Marta Kowalski", unit: "DMV-FO-NORTH", supervisor: "k.osei@example.gov", pay: 92_000, rating: [4, 4, 3]),
        Staff(email: "j.abara@example.gov", name: "Joseph Abara", unit: "DMV-FO-SOUTH", supervisor: "k.osei@example.gov", pay: 90_500, rating: [3, 3, 3]),
        Staff(email: "t.nguyen@example.gov", name: "Tomas Nguyen", unit: "DMV-FO-NORTH", supervisor: "k.osei@example.gov", pay: 61_000, rating: [3, 4, 4]),
        Staff(email: "a.reyes@example.gov", name: "Alicia Reyes", unit: "DMV-FO-SOUTH", supervisor: "k.osei@example.gov", pay: 58_500, rating: nil),
        Staff(email: "b.carter@example.gov", name: "Ben Carter", unit: "DMV-FO", supervisor: "k.osei@example.gov", pay: 66_000, rating: nil),
        Staff(email: "s.iyer@example.gov", name: "Sanjay Iyer", unit: "DMV-DS", supervisor: "p.raman@example.gov", pay: 104_000, rating: [5, 5, 4]),
        Staff(email: "c.dubois@example.gov", name: "Camille Dubois", unit: "DMV-DS-CC", supervisor: "p.raman@example.gov", pay: 96_000, rating: [4, 3, 4]),
        Staff(email: "l.moreau@example.gov", name: "Lucie Moreau", unit: "DMV-DS", supervisor: "p.raman@example.gov", pay: 84_000, rating: [3, 3, 2]),
        Staff(email: "j.park@example.gov", name: "Jin Park", unit: "DMV-DS", supervisor: "p.raman@example.gov", pay: 88_000, rating: nil),
        Staff(email: "k.osei@example.gov", name: "Kwame Osei", unit: "DMV-FO", supervisor: "d.nakamura@example.gov", pay: 128_000, rating: [4, 5, 4]),
        Staff(email: "p.raman@example.gov", name: "Priya Raman", unit: "DMV-DS", supervisor: "d.nakamura@example.gov", pay: 131_000, rating: [5, 4, 4]),
    ]

    /// The last complete federal fiscal year before `today` (1 October to 30 September).
    public static func cycle(today: CalendarDate) -> AppraisalCycle {
        let endYear = today.month >= 10 ? today.year : today.year - 1
        return AppraisalCycle(start: CalendarDate(year: endYear - 1, month: 10, day: 1), end: CalendarDate(year: endYear, month: 9, day: 30))
    }

    /// Loads the demo's appraisals; call inside the demo's transaction, after its framework.
    public static func load(today: CalendarDate, audit: AuditContext, on db: any Database) async throws {
        let cycle = cycle(today: today)
        let fiscalYear = "FY\(cycle.end.year)"
        let program = AppraisalProgram(
            id: UUID(uuidString: "5E1ECA7E-0000-4000-8000-000000000001")!, name: "DMV appraisal program \(fiscalYear)",
            rules: DerivationRules(pattern: .H, method: .average), cycle: cycle
        )
        let ses = AppraisalProgram(
            id: UUID(uuidString: "5E1ECA7E-0000-4000-8000-000000000002")!, name: "DMV Senior Executive Service \(fiscalYear)",
            rules: DerivationRules(pattern: SeniorExecutiveRules.pattern), cycle: cycle, seniorExecutive: true
        )
        try await AppraisalStore.saveProgram(program, audit: audit, on: db)
        try await AppraisalStore.saveProgram(ses, audit: audit, on: db)
        let established = cycle.start.adding(days: 14)
        for member in staff {
            let employee = AppraisalEmployee(
                email: member.email, name: member.name, orgUnit: member.unit, supervisor: member.supervisor, program: program.id, basicPay: member.pay
            )
            try await AppraisalStore.saveEmployee(employee, audit: audit, on: db)
            let plan = PerformancePlan(
                employee: member.email, supervisor: member.supervisor, program: program.id, coveredFrom: cycle.start, establishedOn: established,
                acknowledgedOn: established.adding(days: 2), elements: elements(unit: member.unit),
                development: [DevelopmentItem(kind: .training, text: "Plain-language writing course", element: 1)]
            )
            try await AppraisalStore.savePlan(plan, orgUnit: member.unit, audit: audit, on: db)
            try await AppraisalStore.addProgressReview(
                ProgressReview(
                    plan: plan.id, date: cycle.midpoint, notes: "Mid-year review: progress on each element discussed; no element at risk.",
                    checklist: ProgressReviewChecklist.items.map(\.key), by: member.supervisor
                ),
                employee: member.email, audit: audit, on: db
            )
            try await AppraisalStore.addFeedback(
                FeedbackNote(employee: member.email, author: member.supervisor, kind: .supervisor, date: cycle.midpoint.adding(days: 30), text: "Thank you for covering the Saturday opening; customers noticed."),
                audit: audit, on: db
            )
            if let levels = member.rating {
                let derived = try program.rules.derive(ElementRatings(critical: Array(levels.prefix(2)), nonCritical: Array(levels.dropFirst(2))))
                let rating = RatingOfRecord(
                    plan: plan.id, elementLevels: levels, summaryLevel: derived.summaryLevel, derivation: derived.steps, ratedOn: cycle.end.adding(days: 10),
                    ratedBy: member.supervisor
                )
                try await AppraisalStore.saveRating(rating, employee: member.email, orgUnit: member.unit, audit: audit, on: db)
                if derived.summaryLevel >= .exceedsFullySuccessful {
                    let share = derived.summaryLevel == .outstanding ? 0.05 : 0.025
                    let proposal = AwardProposal(kind: .ratingBased, ratingOfRecord: derived.summaryLevel.number, basicPay: member.pay, amount: (member.pay * share).rounded())
                    let decision = try AwardPolicy.standard.check(proposal)
                    try await AppraisalStore.addAward(
                        AwardRecord(employee: member.email, proposal: proposal, approvals: decision.approvals, justification: "Rating-based award", proposedBy: member.supervisor, proposedOn: cycle.end.adding(days: 20)),
                        orgUnit: member.unit, audit: audit, on: db
                    )
                }
            }
        }
        try await AppraisalStore.saveEmployee(
            AppraisalEmployee(email: newHire, name: "Nadia Ortiz", orgUnit: "DMV-FO-NORTH", supervisor: "k.osei@example.gov", program: program.id, basicPay: 64_000),
            audit: audit, on: db
        )
        // The senior executive, whose rating page shows the results of the goals he leads.
        let executive = AppraisalEmployee(
            email: "d.nakamura@example.gov", name: "Daniel Nakamura", orgUnit: "DMV", supervisor: "m.whitfield@example.gov", program: ses.id,
            seniorExecutive: true, careerAppointee: true, basicPay: 195_000
        )
        try await AppraisalStore.saveEmployee(executive, audit: audit, on: db)
        let sesPlan = PerformancePlan(
            employee: executive.email, supervisor: executive.supervisor, program: ses.id, coveredFrom: cycle.start, establishedOn: established,
            acknowledgedOn: established.adding(days: 1),
            elements: [
                PerformanceElement(title: "Leading change: faster, simpler service", standard: "Delivers the agency's service goals: office waits and online transactions meet their targets for the year.", critical: true, goals: ["G1", "G1.1", "G1.2"]),
                PerformanceElement(title: "Results driven", standard: "Every priority goal led has a quarterly review with decisions followed up within 30 days.", critical: true, goals: ["G1"]),
                PerformanceElement(title: "Leading people", standard: "Each supervisor reporting to the executive gives plans within 30 days and holds a progress review each period.", critical: true),
            ]
        )
        try await AppraisalStore.savePlan(sesPlan, orgUnit: executive.orgUnit, audit: audit, on: db)
        try await AppraisalStore.addProgressReview(
            ProgressReview(plan: sesPlan.id, date: cycle.midpoint, notes: "Mid-year review with the Commissioner: organizational results discussed goal by goal.", checklist: ["expectations", "progress", "goals"], by: executive.supervisor),
            employee: executive.email, audit: audit, on: db
        )
    }

    private static func elements(unit: String) -> [PerformanceElement] {
        if unit.hasPrefix("DMV-FO") {
            return [
                PerformanceElement(title: "Serve office customers", standard: "Serves at least 90% of customers within 20 minutes of check-in, measured monthly by the queue system.", critical: true, goals: ["G1.1"]),
                PerformanceElement(title: "Accurate transactions", standard: "At most 2 errors per 1,000 transactions found on quality review each quarter.", critical: true, goals: ["G1.1"]),
                PerformanceElement(title: "Help customers move online", standard: "Shows each customer with a routine renewal how to do it online next time; at least 30 a month.", critical: false, goals: ["G1.2"]),
            ]
        }
        return [
            PerformanceElement(title: "Keep online services running", standard: "Online renewal available 99.5% of each month; every outage reported within 1 hour.", critical: true, goals: ["G1.2"]),
            PerformanceElement(title: "Answer contact-centre escalations", standard: "Resolves 90% of escalated calls within 2 working days.", critical: true, goals: ["G1.3"]),
            PerformanceElement(title: "Improve the online forms", standard: "Delivers at least one tested improvement to an online form each quarter.", critical: false, goals: ["G1.2"]),
        ]
    }
}
