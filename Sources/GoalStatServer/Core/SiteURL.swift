import Foundation
import GoalStatCore

/// Every page of the web app: one typed value builds both a route and the links to it, so links cannot rot.
enum SiteURL: Sendable, Equatable {
    case dashboard
    case goal(String)
    case indicator(String)
    case indicatorChart(String)
    case compare(String)
    /// An org unit beside its peers on the indicators they share (practice 5), one page of indicators at a time.
    case peers(String, page: Int = 1, per: Int? = nil)
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
    case scheduleReviews
    case actions(owner: String?, orgUnit: String?)
    case risks(goal: String? = nil)
    case newRisk(goal: String? = nil)
    case risk(UUID)
    case editRisk(UUID)
    case capacityRequests
    case newCapacityRequest
    case capacityRequest(UUID)
    case capacityDecision(UUID)
    case capacityUpdates(UUID)
    case imports
    case importCommit
    case importDiscard
    case exports
    /// The API's measurement export, every value the reader may export or one indicator's.
    case measurementsExport(format: String, indicator: String? = nil)
    case frameworkExport(format: String)
    // The public portal and open data (issue 12)
    case portal
    case portalGoal(String)
    case portalIndicator(String)
    case portalSearch(String?)
    case portalUpdates
    case portalWins
    case portalDisplay(Int)
    case portalFeedback(String)
    case openData
    case openDataFile(String)
    // Small wins, citizen feedback and the narrative workflow (issues 11 and 12)
    case wins
    case newWin
    case winPublication(UUID)
    case feedbackQueue
    case feedbackModeration(UUID)
    case narrativeSteps(goal: String)
    // Employee appraisals (issue 13), addressed by the employee's email.
    case appraisals
    case appraisal(String)
    case appraisalPlan(String)
    case appraisalFeedback(String)
    case appraisalProgressReview(String)
    case appraisalRating(String)
    case appraisalAward(String)
    case appraisalAcknowledgment(String)
    case appraisalReconsideration(String)
    case appraisalAssessment
    case appraisalAssessmentCSV
    case appraisalRosterImport
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
        case .peers(let code, let page, let per):
            "/org-units/\(Self.escape(code))/peers" + Self.query([("page", page > 1 ? String(page) : nil), ("per", per.map(String.init))])
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
        case .scheduleReviews: "/reviews/schedule"
        case .actions(let owner, let unit):
            "/actions" + ([("owner", owner), ("orgUnit", unit)].compactMap { name, value in value.map { "\(name)=\(Escaping.queryValue($0))" } }.reduce("") { $0.isEmpty ? "?" + $1 : $0 + "&" + $1 })
        case .risks(let goal): "/risks" + (goal.map { "?goal=" + Escaping.queryValue($0) } ?? "")
        case .newRisk(let goal): "/risks/new" + (goal.map { "?goal=" + Escaping.queryValue($0) } ?? "")
        case .risk(let id): "/risks/\(id.uuidString)"
        case .editRisk(let id): "/risks/\(id.uuidString)/edit"
        case .capacityRequests: "/capacity"
        case .newCapacityRequest: "/capacity/new"
        case .capacityRequest(let id): "/capacity/\(id.uuidString)"
        case .capacityDecision(let id): "/capacity/\(id.uuidString)/decision"
        case .capacityUpdates(let id): "/capacity/\(id.uuidString)/updates"
        case .narrative(let goal, let period): "/goals/\(Self.escape(goal))/narrative" + (period.map { "?period=" + Escaping.queryValue($0) } ?? "")
        case .imports: "/imports"
        case .importCommit: "/imports/commit"
        case .importDiscard: "/imports/discard"
        case .exports: "/exports"
        case .measurementsExport(let format, let indicator):
            "/api/v1/exports/measurements?format=\(Escaping.queryValue(format))" + (indicator.map { "&indicator=\(Escaping.queryValue($0))" } ?? "")
        case .frameworkExport(let format): "/api/v1/exports/framework?format=\(Escaping.queryValue(format))"
        case .portal: "/public"
        case .portalGoal(let code): "/public/goals/\(Self.escape(code))"
        case .portalIndicator(let code): "/public/indicators/\(Self.escape(code))"
        case .portalSearch(let query): "/public/search" + (query.map { "?q=" + Escaping.queryValue($0) } ?? "")
        case .portalUpdates: "/public/updates"
        case .portalWins: "/public/wins"
        case .portalDisplay(let slide): "/public/display" + (slide > 0 ? "?slide=\(slide)" : "")
        case .portalFeedback(let code): "/public/goals/\(Self.escape(code))/feedback"
        case .openData: "/public/data"
        case .openDataFile(let name): "/public/data/\(Self.escape(name))"
        case .wins: "/wins"
        case .newWin: "/wins/new"
        case .winPublication(let id): "/wins/\(id.uuidString)/publication"
        case .feedbackQueue: "/feedback"
        case .feedbackModeration(let id): "/feedback/\(id.uuidString)"
        case .narrativeSteps(let goal): "/goals/\(Self.escape(goal))/narrative/steps"
        case .appraisals: "/appraisals"
        case .appraisal(let email): "/appraisals/\(Self.escape(email))"
        case .appraisalPlan(let email): "/appraisals/\(Self.escape(email))/plan"
        case .appraisalFeedback(let email): "/appraisals/\(Self.escape(email))/feedback"
        case .appraisalProgressReview(let email): "/appraisals/\(Self.escape(email))/progress-review"
        case .appraisalRating(let email): "/appraisals/\(Self.escape(email))/rating"
        case .appraisalAward(let email): "/appraisals/\(Self.escape(email))/award"
        case .appraisalAcknowledgment(let email): "/appraisals/\(Self.escape(email))/acknowledgment"
        case .appraisalReconsideration(let email): "/appraisals/\(Self.escape(email))/reconsideration"
        case .appraisalAssessment: "/appraisal-assessment"
        case .appraisalAssessmentCSV: "/appraisal-assessment.csv"
        case .appraisalRosterImport: "/appraisal-employees/import"
        case .reports: "/reports"
        case .reportQuarterly: "/reports/quarterly"
        case .reportAnnual: "/reports/annual"
        case .briefingBook(let id, let format): "/reviews/\(id.uuidString)/briefing-book?format=\(Escaping.queryValue(format))"
        case .reportStylesheet: "/assets/report.css"
        case .stratml(let part): "/stratml/part\(part).xml"
        }
    }

    /// `?page=2&per=4`: the parameters that are set, in the order given; empty when none is.
    private static func query(_ items: [(String, String?)]) -> String {
        let present = items.compactMap { name, value in value.map { "\(name)=\(Escaping.queryValue($0))" } }
        return present.isEmpty ? "" : "?" + present.joined(separator: "&")
    }

    /// `?entity=goal&key=G1&from=2026-01-01&page=2`: the filter's conditions that are set, in a fixed order.
    private static func query(_ filter: AuditFilter, page: Int) -> String {
        let items: [(String, String?)] = [
            ("entity", filter.entity?.rawValue), ("key", filter.key), ("actor", filter.actor), ("source", filter.source?.rawValue),
            ("origin", filter.origin?.rawValue), ("from", filter.from?.description), ("to", filter.to?.description),
            ("batch", filter.batch?.uuidString), ("page", page > 1 ? String(page) : nil),
        ]
        return query(items)
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
