import GoalStatCore
import GoalStatStore
import Vapor

/// The one authorization layer: applies each route's `RouteAccess` before the route's handler runs.
struct AuthorizationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // No route matched: the 404 needs no rule.
        guard let route = request.route else { return try await next.respond(to: request) }
        guard let access = route.access else {
            request.logger.critical("refused \(route.method) \(route.path.string): the route has no access rule")
            throw AccessDenied.forbidden("This address has no access rule, so it is closed.")
        }
        try await request.authorize(access)
        return try await next.respond(to: request)
    }
}

extension Request {
    /// Checks a route's rule for this request's principal; throws `AccessDenied` when it does not hold.
    func authorize(_ access: RouteAccess) async throws {
        let principal = self.principal
        switch access {
        case .open:
            return
        case .signedIn:
            guard principal.isSignedIn else { throw AccessDenied.notSignedIn }
        case .somewhere(let action):
            guard principal.maySomewhere(action) else { throw denial(action, "any unit") }
        case .everywhere(let action):
            guard principal.mayEverywhere(action) else { throw denial(action, "every unit") }
        case .record(let kind, let action):
            let key = parameters.get("key") ?? parameters.get("code") ?? ""
            // The framework this process already holds for the current framework counter; else the record alone, by
            // key, where that decides; else the framework, read once per framework change.
            let kept = application.readCache.keptFramework(counter: try await readState().framework)
            let pointRead = kept == nil ? try await FrameworkStore.ownershipDocument(of: kind, key: key, on: db) : nil
            let document = if let kept { kept } else if let pointRead { pointRead } else { try await framework() }
            guard let owner = document.ownership(of: kind, key: key) else {
                // Unknown: the handler answers 404, but only to someone who could have been allowed.
                guard action == .readPrivate || principal.maySomewhere(action) else { throw denial(action, "any unit") }
                return
            }
            if action == .readPrivate, owner.isPublic { return }
            guard principal.may(action, in: owner.orgUnit, tree: try await orgTree()) else {
                throw denial(action, owner.orgUnit.map { "the unit \($0)" } ?? "every unit")
            }
        }
    }

    /// Checks one record a request names in its body or rows (a route's `.somewhere` rule came first).
    func authorize(_ action: Action, in orgUnit: String?, what: String) async throws {
        guard principal.may(action, in: orgUnit, tree: try await orgTree()) else {
            throw denial(action, orgUnit.map { "the unit \($0) (\(what))" } ?? "every unit (\(what))")
        }
    }

    /// Refuses values (or targets) of an indicator about a unit where the caller may not `action`: the route has
    /// checked the indicator's own unit; the unit a value is about comes in the body (`orgUnit`, `org_unit`).
    func authorizeValues(_ action: Action, of indicator: String, ownedBy indicatorUnit: String, about valueUnit: String?) async throws {
        guard principal.mayRecord(action, forIndicatorOf: indicatorUnit, about: valueUnit, tree: try await orgTree()) else {
            let unit = valueUnit ?? indicatorUnit
            throw denial(action, "the unit \(unit) (values of \(indicator) for \(unit))")
        }
    }

    private func denial(_ action: Action, _ place: String) -> AccessDenied {
        guard principal.isSignedIn else { return .notSignedIn }
        return .forbidden("Your roles do not allow \(action.plainWords) in \(place).")
    }
}

extension Action {
    /// The action in words for refusals: "entering data", "editing the framework".
    var plainWords: String {
        switch self {
        case .readPublished: "reading published records"
        case .readPrivate: "reading unpublished records"
        case .editFramework: "editing goals and indicators"
        case .reviseTarget: "revising targets"
        case .enterData: "entering data"
        case .importFiles: "importing files"
        case .exportData: "exporting unpublished data"
        case .manageUsers: "managing users"
        case .readAudit: "reading the audit log"
        case .runReviews: "running reviews"
        case .publish: "publishing on the portal and moderating citizen feedback"
        case .readAppraisals: "reading appraisals"
        case .editAppraisals: "editing appraisals"
        }
    }
}

extension RecordKind {
    /// The kind in words for answers: "goal", "org unit".
    var plainWords: String {
        switch self {
        case .orgUnit: "org unit"
        case .person: "person"
        case .goal: "goal"
        case .indicator: "indicator"
        case .milestone: "milestone"
        }
    }
}
