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

    static let forEveryone = [NavigationItem(title: "Dashboard", url: .dashboard), NavigationItem(title: "API", url: .openAPI)]
}

extension Request {
    /// The page context of this request's principal. The navigation only hides what the roles do not open;
    /// every route still checks for itself.
    var pageContext: PageContext {
        let principal = principal
        var navigation = [NavigationItem(title: "Dashboard", url: .dashboard)]
        if principal.isSignedIn { navigation.append(NavigationItem(title: "My tasks", url: .tasks)) }
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
        if principal.mayEverywhere(.readAudit) { navigation.append(NavigationItem(title: "Audit log", url: .audit(AuditFilter()))) }
        if principal.mayEverywhere(.manageUsers) { navigation.append(NavigationItem(title: "Users", url: .users)) }
        navigation.append(NavigationItem(title: "API", url: .openAPI))
        return PageContext(
            userName: caller.user?.name, csrfToken: CSRF.token(for: self), navigation: navigation,
            canReadAudit: principal.mayEverywhere(.readAudit)
        )
    }
}
