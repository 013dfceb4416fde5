import GoalStatCore
import GoalStatStore
import Vapor

/// How the current request proved who it is: not at all, with a session cookie, or with an API token.
struct Caller: Sendable {
    var principal: Principal
    var session: UserSession?
    var token: VerifiedAPIToken?

    static let anonymous = Caller(principal: .anonymous, session: nil, token: nil)

    var user: UserAccount? { session?.user ?? token?.owner }
}

extension Request {
    private struct CallerKey: StorageKey {
        typealias Value = Caller
    }

    var caller: Caller {
        get { storage[CallerKey.self] ?? .anonymous }
        set { storage[CallerKey.self] = newValue }
    }

    var principal: Principal { caller.principal }
}

/// Finds out who is asking, before any route runs: a `Bearer` API token, else the session cookie, else nobody.
/// A bad token is refused at once (a machine should learn its token is wrong, not get anonymous answers);
/// a stale cookie is simply ignored, and the visitor is anonymous.
struct AuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let now = request.clock.now()
        if let bearer = request.headers.bearerAuthorization {
            guard let verified = try await APITokenStore.verify(token: bearer.token, now: now, on: request.db) else {
                throw AccessDenied.badToken
            }
            let tree = try await request.orgTree()
            request.caller = Caller(
                principal: Principal(actor: verified.owner.email, grants: verified.effectiveGrants(tree: tree)),
                session: nil, token: verified
            )
        } else if let token = request.cookies[SessionCookie.name]?.string,
                  let session = try await SessionStore.find(token: token, now: now, on: request.db) {
            request.caller = Caller(
                principal: Principal(actor: session.user.email, grants: session.user.grants), session: session, token: nil
            )
        }
        return try await next.respond(to: request)
    }
}
