import Foundation
import GoalStatCore
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

    /// The org tree as of `counter`, its units read once per change.
    func orgTree(counter: Int, load: () async throws -> [OrgUnit]) async throws -> OrgTree {
        if let kept = tree.withLockedValue({ $0 }), kept.counter == counter { return kept.tree }
        let tree = OrgTree(try await load())
        self.tree.withLockedValue { kept in
            if (kept?.counter ?? -1) <= counter { kept = (counter, tree) }
        }
        return tree
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
