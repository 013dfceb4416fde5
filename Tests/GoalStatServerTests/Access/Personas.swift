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

    var grants: [RoleGrant] {
        switch self {
        case .anonymous: []
        case .otherViewer: [RoleGrant(role: .viewer, orgUnit: "DMV-DS")]
        case .steward: [RoleGrant(role: .dataSteward, orgUnit: "DMV-FO")]
        case .leader: [RoleGrant(role: .goalLeader, orgUnit: "DMV-FO")]
        case .pio: [RoleGrant(role: .pio)]
        case .admin: [RoleGrant(role: .admin)]
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

    static let everyone: Personas = [.anonymous, .otherViewer, .steward, .leader, .pio, .admin]
    static let signedIn: Personas = [.otherViewer, .steward, .leader, .pio, .admin]
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
        if result.hasPrefix("/users/") { result = result.replacingOccurrences(of: ":id", with: ids["user"] ?? "") }
        if result.contains("tokens/:id") { result = result.replacingOccurrences(of: ":id", with: ids["token"] ?? "") }
        return result
    }
}
