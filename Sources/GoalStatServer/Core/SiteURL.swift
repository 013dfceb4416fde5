import Foundation
import GoalStatCore

/// Every page of the web app: one typed value builds both a route and the links to it, so links cannot rot.
enum SiteURL: Sendable, Equatable {
    case dashboard
    case goal(String)
    case indicator(String)
    case indicatorChart(String)
    case compare(String)
    case newTarget(String)
    case targets(String)
    case dataEntry
    /// The grid of one steward for the month a period starts in: where reminders and My tasks send people.
    case dataEntryGrid(steward: String, month: String)
    case tasks
    case notifications
    case notificationsRead
    case review
    case stylesheet
    case openAPI
    case signIn(next: String?)
    case signOut
    case account
    case password
    case tokens
    case revokeToken(UUID)
    case users
    case user(UUID)
    case userGrants(UUID)
    case userActive(UUID)
    case audit(AuditFilter, page: Int = 1)
    case auditCSV(AuditFilter)

    var path: String {
        switch self {
        case .dashboard: "/"
        case .goal(let code): "/goals/\(Self.escape(code))"
        case .indicator(let code): "/indicators/\(Self.escape(code))"
        case .indicatorChart(let code): "/indicators/\(Self.escape(code))/chart.svg"
        case .compare(let code): "/indicators/\(Self.escape(code))/compare"
        case .newTarget(let code): "/indicators/\(Self.escape(code))/targets/new"
        case .targets(let code): "/indicators/\(Self.escape(code))/targets"
        case .dataEntry: "/data-entry"
        case .dataEntryGrid(let steward, let month): "/data-entry?steward=\(Escaping.queryValue(steward))&month=\(Escaping.queryValue(month))"
        case .tasks: "/tasks"
        case .notifications: "/notifications"
        case .notificationsRead: "/notifications/read"
        case .review: "/review"
        case .stylesheet: "/assets/goalstat.css"
        case .openAPI: "/openapi.json"
        case .signIn(let next): "/sign-in" + (next.map { "?next=" + Escaping.queryValue($0) } ?? "")
        case .signOut: "/sign-out"
        case .account: "/account"
        case .password: "/account/password"
        case .tokens: "/account/tokens"
        case .revokeToken(let id): "/account/tokens/\(id.uuidString)/revoke"
        case .users: "/users"
        case .user(let id): "/users/\(id.uuidString)"
        case .userGrants(let id): "/users/\(id.uuidString)/grants"
        case .userActive(let id): "/users/\(id.uuidString)/active"
        case .audit(let filter, let page): "/audit" + Self.query(filter, page: page)
        case .auditCSV(let filter): "/audit.csv" + Self.query(filter, page: 1)
        }
    }

    /// `?entity=goal&key=G1&page=2`: the filter's conditions that are set, in a fixed order.
    private static func query(_ filter: AuditFilter, page: Int) -> String {
        let items: [(String, String?)] = [
            ("entity", filter.entity?.rawValue), ("key", filter.key), ("actor", filter.actor), ("source", filter.source?.rawValue),
            ("batch", filter.batch?.uuidString), ("page", page > 1 ? String(page) : nil),
        ]
        let present = items.compactMap { name, value in value.map { "\(name)=\(Escaping.queryValue($0))" } }
        return present.isEmpty ? "" : "?" + present.joined(separator: "&")
    }

    /// Codes are `[A-Za-z0-9._-]`, safe in a path; escaping still guards anything else.
    private static func escape(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? component
    }
}
