import Foundation
import GoalStatCore
import GoalStatStore
import NIOConcurrencyHelpers
import Vapor

/// What this process keeps of what it read and rendered, keyed by the read model's change counter (SPEC §6, issue
/// 9): every request reads the counter (one indexed query, `Request.readState`), and anything kept under an older
/// counter is stale, whichever process wrote. So a value saved through one process shows on the other's next page.
final class ReadCache: Sendable {
    private struct Pages {
        var counter = -1
        var entries: [String: String] = [:]
        var order: [String] = []
    }

    /// Sessions and tokens verified under one value of the access counter (`ReadModel.State.access`), by the
    /// hash of their secret: any change to who may do what, in any process, empties it at the next request.
    private struct Verified {
        var access = -1
        var sessions: [String: UserSession] = [:]
        var tokens: [String: VerifiedAPIToken] = [:]
    }

    private let verified = NIOLockedValueBox(Verified())
    /// Verified sessions and tokens kept at most; past it the process starts again from none.
    static let verifiedLimit = 10_000

    private let framework = NIOLockedValueBox<(counter: Int, document: FrameworkDocument)?>(nil)
    private let tree = NIOLockedValueBox<(counter: Int, tree: OrgTree)?>(nil)
    private let pages = NIOLockedValueBox(Pages())
    /// Rendered pages kept per counter; the oldest go first. A page is tens of kilobytes.
    let pageLimit: Int

    init(pageLimit: Int = 512) {
        self.pageLimit = pageLimit
    }

    /// The stored framework as of `counter`, read once per change.
    func framework(counter: Int, load: () async throws -> FrameworkDocument) async throws -> FrameworkDocument {
        if let kept = framework.withLockedValue({ $0 }), kept.counter == counter { return kept.document }
        let document = try await load()
        framework.withLockedValue { kept in
            if (kept?.counter ?? -1) <= counter { kept = (counter, document) }
        }
        return document
    }

    /// The stored framework as of `counter` if this process already holds it; nil otherwise (nothing is read).
    func keptFramework(counter: Int) -> FrameworkDocument? {
        framework.withLockedValue { kept in kept?.counter == counter ? kept?.document : nil }
    }

    /// The org tree as of `counter`, its units read once per change.
    func orgTree(counter: Int, load: () async throws -> [OrgUnit]) async throws -> OrgTree {
        if let kept = tree.withLockedValue({ $0 }), kept.counter == counter { return kept.tree }
        let tree = OrgTree(try await load())
        self.tree.withLockedValue { kept in
            if (kept?.counter ?? -1) <= counter { kept = (counter, tree) }
        }
        return tree
    }

    /// The session or token with this secret's hash as verified under `access`; nil if not kept. Expiry is the
    /// caller's to check: it moves with the clock, not the counter.
    func session(_ hash: String, access: Int) -> UserSession? {
        verified.withLockedValue { $0.access == access ? $0.sessions[hash] : nil }
    }

    func token(_ hash: String, access: Int) -> VerifiedAPIToken? {
        verified.withLockedValue { $0.access == access ? $0.tokens[hash] : nil }
    }

    func keep(session: UserSession, hash: String, access: Int) {
        keepVerified(access: access) { $0.sessions[hash] = session }
    }

    func keep(token: VerifiedAPIToken, hash: String, access: Int) {
        keepVerified(access: access) { $0.tokens[hash] = token }
    }

    private func keepVerified(access: Int, _ change: (inout Verified) -> Void) {
        guard pageLimit > 0 else { return }
        verified.withLockedValue { kept in
            if kept.access < access || kept.sessions.count + kept.tokens.count >= Self.verifiedLimit {
                kept = Verified(access: access)
            }
            guard kept.access == access else { return }
            change(&kept)
        }
    }

    /// A rendered page as of `counter`; `key` says everything else it depends on (address, reader, layout).
    func page(_ key: String, counter: Int, render: () async throws -> String) async throws -> String {
        let kept: String? = pages.withLockedValue { pages in
            pages.counter == counter ? pages.entries[key] : nil
        }
        if let kept { return kept }
        let html = try await render()
        pages.withLockedValue { pages in
            if pages.counter < counter { pages = Pages(counter: counter) }
            guard pages.counter == counter, pages.entries[key] == nil else { return }
            guard pageLimit > 0 else { return }
            if pages.order.count >= pageLimit { pages.entries[pages.order.removeFirst()] = nil }
            pages.entries[key] = html
            pages.order.append(key)
        }
        return html
    }
}

extension Application {
    private struct ReadCacheKey: StorageKey {
        typealias Value = ReadCache
    }

    var readCache: ReadCache {
        // `configure` sets it; an application without one keeps nothing.
        get { storage[ReadCacheKey.self] ?? ReadCache(pageLimit: 0) }
        set { storage[ReadCacheKey.self] = newValue }
    }
}
