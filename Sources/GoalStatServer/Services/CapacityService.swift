import GoalStatCore
import GoalStatStore
import Vapor

/// Capacity requests (seed 002, practice 6), shared by the pages and the API: a team asks (those who enter data or
/// lead goals at its unit), those who run reviews there decide, and either side follows up until what was granted
/// has arrived. Each write is one transaction with its audit entries.
enum CapacityService {
    /// Anyone who may ask for a team somewhere: the first check of the asking routes, before any input is read.
    static func requireTeamMember(_ request: Request) throws {
        guard request.principal.maySomewhere(.enterData) || request.principal.maySomewhere(.editFramework) else {
            throw request.principal.isSignedIn
                ? AccessDenied.forbidden("Only the members of a team (its data stewards and goal leaders) ask for its capacity.")
                : AccessDenied.notSignedIn
        }
    }

    static func ask(_ capacity: CapacityRequest, request: Request, source: AuditSource) async throws -> CapacityRequest {
        var issues = CapacityRules.problems(in: capacity)
        let document = try await request.framework()
        if !document.orgUnits.contains(where: { $0.code == capacity.orgUnit }) { issues.append(.init(field: "orgUnit", reason: "unknown org unit '\(capacity.orgUnit)'")) }
        if let goal = capacity.goal, !document.goals.contains(where: { $0.code == goal }) { issues.append(.init(field: "goal", reason: "unknown goal '\(goal)'")) }
        guard issues.isEmpty else { throw ReviewService.Refused(issues) }
        let tree = try await request.orgTree()
        guard request.principal.may(.enterData, in: capacity.orgUnit, tree: tree) || request.principal.may(.editFramework, in: capacity.orgUnit, tree: tree) else {
            throw AccessDenied.forbidden("Your roles do not allow asking for the capacity of \(capacity.orgUnit).")
        }
        var asked = capacity
        asked.requestedBy = request.principal.actor
        asked.requestedOn = request.clock.today.description
        asked.status = .open
        asked.decision = nil
        asked.decidedBy = nil
        asked.decidedOn = nil
        asked.updates = []
        let audit = request.auditContext(source)
        let stored = asked
        try await Transactions.run(on: request.db) { tx in try await CapacityStore.add(stored, audit: audit, on: tx) }
        return stored
    }

    static func decide(_ id: String, status: CapacityStatus, decision: String, review: UUID?, request: Request, source: AuditSource) async throws -> CapacityRequest {
        let stored = try await self.stored(id, request: request)
        guard request.principal.may(.runReviews, in: stored.orgUnit, tree: try await request.orgTree()) else {
            throw AccessDenied.forbidden("Only those who run reviews at \(stored.orgUnit) decide its capacity requests.")
        }
        if let review, try await ReviewStore.review(review, on: request.db) == nil { throw ReviewService.Refused(fields: ["review": "unknown review '\(review)'"]) }
        let decided: CapacityRequest
        do {
            decided = try CapacityRules.decided(stored, status: status, decision: decision, on: request.clock.today.description, by: request.principal.actor, review: review)
        } catch {
            throw ReviewService.Refused([error])
        }
        try await save(decided, request: request, source: source)
        return decided
    }

    static func followUp(_ id: String, text: String, status: CapacityStatus, request: Request, source: AuditSource) async throws -> CapacityRequest {
        let stored = try await self.stored(id, request: request)
        let tree = try await request.orgTree()
        let principal = request.principal
        guard principal.may(.runReviews, in: stored.orgUnit, tree: tree) || principal.may(.enterData, in: stored.orgUnit, tree: tree)
            || principal.may(.editFramework, in: stored.orgUnit, tree: tree) else {
            throw AccessDenied.forbidden("Only the team of \(stored.orgUnit) and those who run reviews there follow up its capacity requests.")
        }
        let followed: CapacityRequest
        do {
            followed = try CapacityRules.followedUp(stored, with: CapacityUpdate(on: request.clock.today.description, by: principal.actor, text: text, status: status))
        } catch {
            throw ReviewService.Refused([error])
        }
        try await save(followed, request: request, source: source)
        return followed
    }

    private static func save(_ capacity: CapacityRequest, request: Request, source: AuditSource) async throws {
        let audit = request.auditContext(source)
        try await Transactions.run(on: request.db) { tx in try await CapacityStore.save(capacity, audit: audit, on: tx) }
    }

    /// A request the caller may read (private to the units where they may read); 404 otherwise.
    static func stored(_ id: String, request: Request) async throws -> CapacityRequest {
        guard let uuid = UUID(uuidString: id), let capacity = try await CapacityStore.request(uuid, on: request.db),
              request.principal.may(.readPrivate, in: capacity.orgUnit, tree: try await request.orgTree()) else {
            throw APIError.notFound("Capacity request \(id)")
        }
        return capacity
    }

    /// The requests of the units where the caller may read private records, newest first.
    static func visible(openOnly: Bool, request: Request) async throws -> [CapacityRequest] {
        switch request.principal.scope(.readPrivate, tree: try await request.orgTree()) {
        case .everywhere: try await CapacityStore.requests(units: nil, openOnly: openOnly, on: request.db)
        case .units(let units): try await CapacityStore.requests(units: units, openOnly: openOnly, on: request.db)
        }
    }
}
