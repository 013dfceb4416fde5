import Foundation

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
    case review
    case stylesheet
    case openAPI

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
        case .review: "/review"
        case .stylesheet: "/assets/goalstat.css"
        case .openAPI: "/openapi.json"
        }
    }

    /// Codes are `[A-Za-z0-9._-]`, safe in a path; escaping still guards anything else.
    private static func escape(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? component
    }
}
