import Foundation
import GoalStatCore
import GoalStatStore
@testable import GoalStatServer
import GoalStatTestSupport
import Vapor
import VaporTesting

/// The people of the authorization matrix, each with the roles of one kind of user, and the records they try.
/// The records in the path are all private and belong to DMV-FO: the viewer's unit, DMV-DS, is another one.
enum Persona: String, CaseIterable, Sendable {
    case anonymous, otherViewer, steward, leader, pio, admin
    /// The appraisal personas (issue 13): the subject employee's supervisor, the employee, and HR everywhere.
    case supervisor, employee, hr

    var grants: [RoleGrant] {
        switch self {
        case .anonymous: []
        case .otherViewer: [RoleGrant(role: .viewer, orgUnit: "DMV-DS")]
        case .steward: [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")]
        case .leader: [RoleGrant(role: .goalLeader, orgUnit: "DMV-FO")]
        case .pio: [RoleGrant(role: .pio)]
        case .admin: [RoleGrant(role: .admin)]
        case .supervisor: [RoleGrant(role: .supervisor, orgUnit: "DMV-FO")]
        case .employee: [RoleGrant(role: .employee, orgUnit: "DMV-FO")]
        case .hr: [RoleGrant(role: .hr)]
        }
    }

    var email: String { "\(rawValue.lowercased())@matrix.example.gov" }
}

/// A set of personas: who a route lets through.
struct Personas: OptionSet, Sendable, CustomStringConvertible {
    let rawValue: Int

    static let anonymous = Personas(rawValue: 1 << 0)
    static let otherViewer = Personas(rawValue: 1 << 1)
    static let steward = Personas(rawValue: 1 << 2)
    static let leader = Personas(rawValue: 1 << 3)
    static let pio = Personas(rawValue: 1 << 4)
    static let admin = Personas(rawValue: 1 << 5)
    static let supervisor = Personas(rawValue: 1 << 6)
    static let employee = Personas(rawValue: 1 << 7)
    static let hr = Personas(rawValue: 1 << 8)

    static let everyone: Personas = [.anonymous, .otherViewer, .steward, .leader, .pio, .admin, .supervisor, .employee, .hr]
    static let signedIn: Personas = [.otherViewer, .steward, .leader, .pio, .admin, .supervisor, .employee, .hr]
    /// Everyone signed in who holds a performance role (readPrivate somewhere): not the appraisal-only roles.
    static let staff: Personas = [.otherViewer, .steward, .leader, .pio, .admin]
    /// Who may read one employee's appraisal: the employee, their rating chain and HR (never the PIO or an admin).
    static let appraisalReaders: Personas = [.supervisor, .employee, .hr]
    /// Who may write it: the rating chain and HR.
    static let appraisalWriters: Personas = [.supervisor, .hr]
    /// Who may read the private records of DMV-FO.
    static let readers: Personas = [.steward, .leader, .pio, .admin]
    /// Who may edit the framework, revise targets in DMV-FO.
    static let editors: Personas = [.leader, .pio, .admin]
    static let enterers: Personas = [.steward, .leader, .pio, .admin]
    static let everywhereStaff: Personas = [.pio, .admin]

    init(rawValue: Int) { self.rawValue = rawValue }

    init(_ persona: Persona) {
        self.init(rawValue: 1 << Persona.allCases.firstIndex(of: persona)!)
    }

    var description: String { Persona.allCases.filter { contains(Personas($0)) }.map(\.rawValue).joined(separator: ", ") }
}

/// The private records (and the unit tree) the matrix requests name, added to the standard fixture.
enum MatrixFixture {
    static let yaml = """
        orgUnits:
          - { code: DMV-DS, name: Digital Services, kind: office, parent: DMV }
        goals:
          - { code: G-PRIV, kind: performanceGoal, parent: G1.1, name: Internal staffing goal, orgUnit: DMV-FO, leader: k.osei@example.gov }
        milestones:
          - { code: M-PRIV, goal: G-PRIV, name: Hire two clerks, due: 2026-09-30, status: inProgress }
        """

    /// The value each path parameter takes, by the resource the path is about.
    static func fill(_ path: String, ids: [String: String]) -> String {
        var result = path
        let replacements: [(prefix: String, key: String)] = [
            ("/goals/", "G-PRIV"), ("/api/v1/goals/", "G-PRIV"),
            ("/indicators/", "FO-SAT"), ("/api/v1/indicators/", "FO-SAT"),
            ("/api/v1/org-units/", "DMV-FO-NORTH"), ("/api/v1/people/", "k.osei@example.gov"),
            ("/api/v1/milestones/", "M-PRIV"),
            ("/org-units/", "DMV-FO-NORTH"), ("/people/", "k.osei@example.gov"), ("/milestones/", "M-PRIV"),
        ]
        for (prefix, key) in replacements where result.hasPrefix(prefix) {
            result = result.replacingOccurrences(of: ":code", with: key).replacingOccurrences(of: ":key", with: key)
        }
        if result.hasPrefix("/appraisals/") || result.hasPrefix("/api/v1/appraisal-employees/") {
            result = result.replacingOccurrences(of: ":email", with: Persona.employee.email)
        }
        if result.hasPrefix("/api/v1/performance-plans/") { result = result.replacingOccurrences(of: ":id", with: ids["plan"] ?? "") }
        if result.hasPrefix("/users/") { result = result.replacingOccurrences(of: ":id", with: ids["user"] ?? "") }
        if result.contains("tokens/:id") { result = result.replacingOccurrences(of: ":id", with: ids["token"] ?? "") }
        return result
    }
}

extension MatrixFixture {
    /// The appraisal records the matrix tries: a program, the employee persona rated by the supervisor persona,
    /// and the employee's plan. Returns the plan's id.
    static func appraisal(on app: Application) async throws -> UUID {
        let context = AuditContext(actor: nil, source: .system, now: Fixtures.now)
        let program = AppraisalProgram(
            name: "Matrix program", rules: DerivationRules(pattern: .H),
            cycle: AppraisalCycle(start: CalendarDate(year: 2025, month: 10, day: 1), end: CalendarDate(year: 2026, month: 9, day: 30))
        )
        let plan = PerformancePlan(
            employee: Persona.employee.email, supervisor: Persona.supervisor.email, program: program.id, coveredFrom: program.cycle.start,
            establishedOn: program.cycle.start.adding(days: 10), elements: [PerformanceElement(title: "Serve customers", standard: "Answers 90% of enquiries within 5 working days.", critical: true)]
        )
        try await Transactions.run(on: app.db) { tx in
            try await AppraisalStore.saveProgram(program, audit: context, on: tx)
            try await AppraisalStore.saveEmployee(
                AppraisalEmployee(email: Persona.employee.email, name: "Employee", orgUnit: "DMV-FO", supervisor: Persona.supervisor.email, program: program.id),
                audit: context, on: tx
            )
            try await AppraisalStore.savePlan(plan, orgUnit: "DMV-FO", audit: context, on: tx)
        }
        return plan.id
    }
}
