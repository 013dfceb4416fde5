import Foundation
import GoalStatCore

/// Small framework and measurement files for tests, in the formats of SPEC §3.
public enum Fixtures {
    /// A fixed clock: 23 November 2026, 12:00 UTC.
    public static let now = Date(timeIntervalSince1970: 1_795_435_200)

    /// Who changes things in a test: by default nobody in particular, through a file import, at `now`.
    public static func audit(_ source: AuditSource = .import, actor: String? = nil) -> AuditContext {
        AuditContext(actor: actor, source: source, now: now)
    }

    public static let frameworkYAML = """
    orgUnits:
      - { code: DMV, name: Department of Motor Vehicles, kind: agency }
      - { code: DMV-FO, name: Field Operations, kind: office, parent: DMV }
      - { code: DMV-FO-NORTH, name: Northern Region Offices, kind: program, parent: DMV-FO }
    people:
      - { email: r.alvarez@example.gov, name: Rosa Alvarez, orgUnit: DMV, title: Performance Improvement Officer }
      - { email: k.osei@example.gov, name: Kwame Osei, orgUnit: DMV-FO }
    plan:
      code: DMV-SP-2026
      name: Strategic Plan FY2026–FY2029
      orgUnit: DMV
      period: { from: FY2026, to: FY2029 }
      fiscalYearStartMonth: 10
      reportsInFiscalYears: true
      mission: Help every resident drive legally and safely.
      vision: Licensing that takes minutes, not days.
      values:
        - { name: Respect for the customer's time, kind: outcome }
        - { name: Integrity in every record, kind: process }
      perspectives: [Public, Stewardship, Internal Process, People]
    goals:
      - { code: G1, kind: strategicGoal, name: Faster service, orgUnit: DMV, leader: r.alvarez@example.gov, perspective: Public, public: true }
      - code: G1.1
        kind: priorityGoal
        parent: G1
        name: Cut office wait times
        orgUnit: DMV-FO
        leader: k.osei@example.gov
        deputies: [r.alvarez@example.gov]
        period: { from: FY2026-Q1, to: FY2027-Q4 }
        perspective: Public
        focus: true
        public: true
    indicators:
      - code: FO-WAIT-MEDIAN
        name: Median in-office wait
        unit: minutes
        decimals: 1
        direction: decrease
        frequency: monthly
        aggregation: mean
        stage: intermediateOutcome
        orgUnit: DMV-FO
        steward: k.osei@example.gov
        rank: key
        public: true
        goals: [G1.1]
        dataQuality: { verification: Monthly reconciliation., limitations: Walk-outs are not counted. }
      - { code: FO-SERVED, name: Customers served, unit: count, direction: increase, frequency: monthly, stage: output, orgUnit: DMV-FO, goals: [G1.1], steward: k.osei@example.gov }
      - { code: FO-SAT, name: Customer satisfaction, unit: percent, decimals: 1, direction: increase, frequency: quarterly, stage: immediateOutcome, orgUnit: DMV-FO, goals: [G1.1] }
      - { code: FO-MORALE, name: Staff morale, unit: level, direction: increase, frequency: quarterly, stage: input, orgUnit: DMV-FO, levels: [red, amber, green], goals: [G1.1] }
    links:
      - { driver: FO-SERVED, result: FO-WAIT-MEDIAN, expectedSign: negative, lagPeriods: 1 }
    targets:
      - { indicator: FO-WAIT-MEDIAN, period: FY2026, value: 25, rationale: Baseline 31 minutes., setOn: 2025-09-15, setBy: r.alvarez@example.gov }
      - { indicator: FO-WAIT-MEDIAN, period: FY2026, value: 22, rationale: Raised after the Q1 review., setOn: 2026-01-20, setBy: r.alvarez@example.gov }
      - { indicator: FO-WAIT-MEDIAN, orgUnit: DMV-FO-NORTH, period: FY2027, range: { min: 10, max: 15 }, rationale: Priority goal target., setOn: 2025-09-15 }
    milestones:
      - { code: G1.1-M1, goal: G1.1, name: Queue system live, due: 2026-03-31, status: done, completedOn: 2026-03-12 }
      - { code: G1.1-M2, goal: G1.1, name: Online renewals, due: 2026-06-30, status: inProgress }
    narratives:
      - { goal: G1.1, period: FY2026-Q4, accomplishments: Queue system live., challenges: Staffing., nextSteps: Hire., author: k.osei@example.gov }
    rebases:
      - { indicator: FO-WAIT-MEDIAN, period: 2026-08, reason: Queue system live., setBy: r.alvarez@example.gov }
    """

    public static let measurementsCSV = """
    indicator,period,value,org_unit,status,note
    FO-WAIT-MEDIAN,2026-07,24.5,,final,
    FO-WAIT-MEDIAN,2026-08,23.1,,final,
    FO-SERVED,2026-08,1200,DMV-FO-NORTH,provisional,"a note, with a comma"
    FO-SAT,2026-Q3,88.5,,,
    FO-MORALE,2026-Q3,amber,,,
    FO-SERVED,2026-09,,,missing,office closed

    """
}
