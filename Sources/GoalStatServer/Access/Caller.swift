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
            guard let verified = try await Self.token(bearer.token, now: now, for: request) else {
                throw AccessDenied.badToken
            }
            let tree = try await request.orgTree()
            request.caller = Caller(
                principal: Principal(actor: verified.owner.email, grants: verified.effectiveGrants(tree: tree)),
                session: nil, token: verified
            )
        } else if let token = request.cookies[SessionCookie.name]?.string,
                  let session = try await Self.session(token, now: now, for: request) {
            request.caller = Caller(
                principal: Principal(actor: session.user.email, grants: session.user.grants), session: session, token: nil
            )
        }
        return try await next.respond(to: request)
    }

    /// The token as verified by this process under the current access counter, else as the database has it: a
    /// request then costs the one query of the state, not three.
    private static func token(_ secret: String, now: Date, for request: Request) async throws -> VerifiedAPIToken? {
        let access = try await request.readState().access
        let hash = TokenHash.hex(of: secret)
        let cache = request.application.readCache
        if var kept = cache.token(hash, access: access), kept.record.expiresAt.map({ $0 > now }) ?? true {
            let lastUse = kept.record.lastUsedAt
            try await APITokenStore.noteUse(of: &kept, now: now, on: request.db)
            if kept.record.lastUsedAt != lastUse { cache.keep(token: kept, hash: hash, access: access) }
            return kept
        }
        guard let verified = try await APITokenStore.verify(token: secret, now: now, on: request.db) else { return nil }
        cache.keep(token: verified, hash: hash, access: access)
        return verified
    }

    /// The session as verified by this process under the current access counter, else as the database has it.
    private static func session(_ secret: String, now: Date, for request: Request) async throws -> UserSession? {
        let access = try await request.readState().access
        let hash = TokenHash.hex(of: secret)
        let cache = request.application.readCache
        if let kept = cache.session(hash, access: access), kept.expiresAt > now { return kept }
        guard let session = try await SessionStore.find(token: secret, now: now, on: request.db) else { return nil }
        cache.keep(session: session, hash: hash, access: access)
        return session
    }
}
