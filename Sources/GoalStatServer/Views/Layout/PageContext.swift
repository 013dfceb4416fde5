import GoalStatCore
import Vapor

/// What the layout and the forms of a page need to know about who is looking: their name for the header, the
/// parts of the site their roles open, and the CSRF token their forms carry.
struct PageContext: Sendable {
    var userName: String?
    var csrfToken: String?
    var navigation: [NavigationItem]
    /// Whether pages may link to the audit log (records' "history of changes").
    var canReadAudit = false

    static let anonymous = PageContext(userName: nil, csrfToken: nil, navigation: NavigationItem.forEveryone)
}

struct NavigationItem: Sendable, Equatable {
    var title: String
    var url: SiteURL

    /// A visitor's: the public portal and its open data, not the API's raw JSON.
    static let forEveryone = [NavigationItem(title: "Public portal", url: .portal), NavigationItem(title: "Open data", url: .openData)]
}

extension Request {
    /// The page context of this request's principal. The navigation only hides what the roles do not open;
    /// every route still checks for itself.
    var pageContext: PageContext {
        let principal = principal
        guard principal.isSignedIn else {
            return PageContext(userName: nil, csrfToken: CSRF.token(for: self), navigation: NavigationItem.forEveryone)
        }
        var navigation = [NavigationItem(title: "Dashboard", url: .dashboard)]
        if principal.isSignedIn {
            navigation.append(NavigationItem(title: "My tasks", url: .tasks))
            navigation.append(NavigationItem(title: "Appraisals", url: .appraisals))
        }
        if principal.maySomewhere(.readPrivate) {
            navigation.append(NavigationItem(title: "Review", url: .review))
            navigation.append(NavigationItem(title: "Reviews", url: .reviews))
        }
        if principal.maySomewhere(.editFramework) { navigation.append(NavigationItem(title: "Plan and framework", url: .framework)) }
        if principal.maySomewhere(.enterData) { navigation.append(NavigationItem(title: "Data entry", url: .dataEntry)) }
        if principal.maySomewhere(.importFiles) { navigation.append(NavigationItem(title: "Import", url: .imports)) }
        if principal.maySomewhere(.exportData) {
            navigation.append(NavigationItem(title: "Download", url: .exports))
            navigation.append(NavigationItem(title: "Reports", url: .reports))
        }
        navigation.append(NavigationItem(title: "Small wins", url: .wins))
        if principal.maySomewhere(.publish) { navigation.append(NavigationItem(title: "Citizen feedback", url: .feedbackQueue)) }
        if principal.mayEverywhere(.readAudit) { navigation.append(NavigationItem(title: "Audit log", url: .audit(AuditFilter()))) }
        if principal.mayEverywhere(.manageUsers) { navigation.append(NavigationItem(title: "Users", url: .users)) }
        navigation.append(NavigationItem(title: "API", url: .openAPI))
        return PageContext(
            userName: caller.user?.name, csrfToken: CSRF.token(for: self), navigation: navigation,
            canReadAudit: principal.mayEverywhere(.readAudit)
        )
    }
}
