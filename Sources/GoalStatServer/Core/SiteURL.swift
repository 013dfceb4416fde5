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
    // Authoring the framework in the browser (issue 10)
    case framework
    case planEdit
    case newRecord(RecordKind)
    case createRecord(RecordKind)
    case editRecord(RecordKind, String)
    case removeRecord(RecordKind, String)
    case links
    case newLink
    case removeLink
    case narrative(goal: String, period: String?)
    // Reviews (issue 11)
    case reviews
    case newReview
    case reviewBriefing(UUID, asOf: String? = nil)
    case reviewAssessments(UUID)
    case reviewDecisions(UUID)
    case reviewActions(UUID)
    case action(UUID)
    case ask(UUID)
    case imports
    case importCommit
    case importDiscard
    case exports
    /// The API's measurement export, every value the reader may export or one indicator's.
    case measurementsExport(format: String, indicator: String? = nil)
    case frameworkExport(format: String)
    case reports
    case reportQuarterly
    case reportAnnual
    case briefingBook(UUID, format: String)
    case reportStylesheet
    case stratml(part: Int)

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
        case .framework: "/framework"
        case .planEdit: "/plan/edit"
        case .newRecord(let kind): "/\(kind.pathSegment)/new"
        case .createRecord(let kind): "/\(kind.pathSegment)"
        case .editRecord(let kind, let key): "/\(kind.pathSegment)/\(Self.escape(key))/edit"
        case .removeRecord(let kind, let key): "/\(kind.pathSegment)/\(Self.escape(key))/remove"
        case .links: "/links"
        case .newLink: "/links/new"
        case .removeLink: "/links/remove"
        case .reviews: "/reviews"
        case .newReview: "/reviews/new"
        case .reviewBriefing(let id, let asOf): "/reviews/\(id.uuidString)" + (asOf.map { "?asOf=" + Escaping.queryValue($0) } ?? "")
        case .reviewAssessments(let id): "/reviews/\(id.uuidString)/assessments"
        case .reviewDecisions(let id): "/reviews/\(id.uuidString)/decisions"
        case .reviewActions(let id): "/reviews/\(id.uuidString)/actions"
        case .action(let id): "/actions/\(id.uuidString)"
        case .ask(let id): "/asks/\(id.uuidString)"
        case .narrative(let goal, let period): "/goals/\(Self.escape(goal))/narrative" + (period.map { "?period=" + Escaping.queryValue($0) } ?? "")
        case .imports: "/imports"
        case .importCommit: "/imports/commit"
        case .importDiscard: "/imports/discard"
        case .exports: "/exports"
        case .measurementsExport(let format, let indicator):
            "/api/v1/exports/measurements?format=\(Escaping.queryValue(format))" + (indicator.map { "&indicator=\(Escaping.queryValue($0))" } ?? "")
        case .frameworkExport(let format): "/api/v1/exports/framework?format=\(Escaping.queryValue(format))"
        case .reports: "/reports"
        case .reportQuarterly: "/reports/quarterly"
        case .reportAnnual: "/reports/annual"
        case .briefingBook(let id, let format): "/reviews/\(id.uuidString)/briefing-book?format=\(Escaping.queryValue(format))"
        case .reportStylesheet: "/assets/report.css"
        case .stratml(let part): "/stratml/part\(part).xml"
        }
    }

    /// `?entity=goal&key=G1&from=2026-01-01&page=2`: the filter's conditions that are set, in a fixed order.
    private static func query(_ filter: AuditFilter, page: Int) -> String {
        let items: [(String, String?)] = [
            ("entity", filter.entity?.rawValue), ("key", filter.key), ("actor", filter.actor), ("source", filter.source?.rawValue),
            ("origin", filter.origin?.rawValue), ("from", filter.from?.description), ("to", filter.to?.description),
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

extension RecordKind {
    /// The first path segment of the record's pages, as in the API (`/goals/G1`, `/api/v1/goals/G1`).
    var pathSegment: String {
        switch self {
        case .orgUnit: "org-units"
        case .person: "people"
        case .goal: "goals"
        case .indicator: "indicators"
        case .milestone: "milestones"
        }
    }
}
