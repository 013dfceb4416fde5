import GoalStatCore
import Vapor

/// What a route requires of the caller. Every route is registered with one (`RoutesBuilder.on(_:_:access:use:)`)
/// and `AuthorizationMiddleware` checks it before the handler runs, so authorization comes before validation
/// (SPEC §5a) and a route without a rule is refused rather than open.
enum RouteAccess: Sendable, Equatable, CustomStringConvertible {
    /// Anyone, signed in or not; the handler shows only what the caller may read (published records for visitors).
    case open
    /// Any signed-in person: their own account and tokens.
    case signedIn
    /// The record named in the path (`:key` or `:code`). `.readPrivate` lets anyone read a published record;
    /// other actions need a role covering the record's unit. An unknown record is left to the handler (404).
    case record(RecordKind, Action)
    /// The action at some unit at least; the handler checks each record the request names (in its body, or rows).
    case somewhere(Action)
    /// The action everywhere (a grant at `*`): things of no unit, like the plan, users and the whole audit log.
    case everywhere(Action)

    static let userInfoKey = "goalstat.access"
    /// The body limit of a route that collects a larger body than the default (a file upload), in bytes.
    static let bodyLimitKey = "goalstat.bodyLimit"

    var description: String {
        switch self {
        case .open: "open"
        case .signedIn: "signedIn"
        case .record(let kind, let action): "\(action.rawValue) on the \(kind.rawValue) in the path"
        case .somewhere(let action): "\(action.rawValue) somewhere"
        case .everywhere(let action): "\(action.rawValue) everywhere"
        }
    }
}

extension Route {
    var access: RouteAccess? { userInfo[RouteAccess.userInfoKey] as? RouteAccess }
}

extension RoutesBuilder {
    /// Registers a route with the access rule `AuthorizationMiddleware` applies to it.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ path: PathComponent..., access: RouteAccess,
        body: HTTPBodyStreamStrategy = .collect,
        use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        let route = on(method, path, body: body, use: closure)
        route.userInfo[RouteAccess.userInfoKey] = access
        if case .collect(let limit?) = body { route.userInfo[RouteAccess.bodyLimitKey] = limit.value }
        return route
    }
}
