import Foundation
import GoalStatCore
import GoalStatStore
import Plot

/// The audit log, newest first, filtered by record, person, people versus imports, source, dates or import batch,
/// with its CSV export (the same filter).
struct AuditPage: Sendable {
    var filter: AuditFilter
    var entries: AuditPageResult

    struct AuditPageResult: Sendable {
        var items: [AuditEntry]
        var total: Int
        var page: Int
        var per: Int
    }

    func render(_ context: PageContext) -> String {
        PageLayout.render(title: "Audit log", current: .audit(AuditFilter()), context: context, body: .group(
            .div(.class("page-heading"), .h1(.text("Audit log")),
                 .p(.class("lead"), .text("Every change: who, when, which record and field, the value before and after, and whether it came from a form, the API, an import or the command line. Entries are never changed or removed."))),
            filterForm,
            .p(
                .text("\(entries.total) entr\(entries.total == 1 ? "y" : "ies")\(isFiltered ? (entries.total == 1 ? " matches" : " match") : ""). "),
                .a(.href(.auditCSV(filter)), .text("Download as CSV")),
                .if(isFiltered, .group(.text(" · "), .a(.href(.audit(AuditFilter())), .text("Show all"))))
            ),
            .if(entries.items.isEmpty, .p(.class("muted"), .text("No changes recorded.")), else: table),
            pager
        ), width: .full)
    }

    private var isFiltered: Bool { filter != AuditFilter() }

    private var filterForm: Node<HTML.BodyContext> {
        .form(
            .class("filter-form"),
            .action(.audit(AuditFilter())),
            .method(.get),
            .field(id: "audit-entity", label: "Kind of record", .select(id: "audit-entity", name: "entity",
                [.choice("Any", value: "", selected: filter.entity == nil)] + Self.kinds.map {
                    .choice($0.title, value: $0.rawValue, selected: filter.entity == $0)
                })),
            .field(id: "audit-key", label: "Record key", .input([
                .type(.text), .attr("name", "key"), .attr("value", filter.key ?? ""), .attr("id", "audit-key"),
            ])),
            .field(id: "audit-actor", label: "Changed by (email)", .input([
                .type(.text), .attr("name", "actor"), .attr("value", filter.actor ?? ""), .attr("id", "audit-actor"),
            ])),
            .field(id: "audit-origin", label: "Who", .select(id: "audit-origin", name: "origin",
                [.choice("Anyone", value: "", selected: filter.origin == nil)] + AuditOrigin.allCases.map {
                    .choice($0.title, value: $0.rawValue, selected: filter.origin == $0)
                })),
            .field(id: "audit-source", label: "Source", .select(id: "audit-source", name: "source",
                [.choice("Any", value: "", selected: filter.source == nil)] + AuditSource.allCases.map {
                    .choice($0.title, value: $0.rawValue, selected: filter.source == $0)
                })),
            .field(id: "audit-from", label: "From (UTC)", .input([
                .type(.date), .attr("name", "from"), .attr("value", filter.from?.description ?? ""), .attr("id", "audit-from"),
            ])),
            .field(id: "audit-to", label: "To (UTC, whole day)", .input([
                .type(.date), .attr("name", "to"), .attr("value", filter.to?.description ?? ""), .attr("id", "audit-to"),
            ])),
            .unwrap(filter.batch) { batch in .input(.type(.hidden), .attr("name", "batch"), .attr("value", batch.uuidString)) },
            .button(.type(.submit), .text("Filter"))
        )
    }

    private var table: Node<HTML.BodyContext> {
        .scrollingTable(
            label: "Audit entries",
            .caption(.text("Changes, newest first")),
            .thead(.tr(.column("When (UTC)"), .column("Who"), .column("Record"), .column("What changed"), .column("Source"))),
            .tbody(.forEach(Self.changes(entries.items)) { change in
                let entry = change[0]
                return .tr(
                    .td(.plain(Self.time(entry.at))),
                    .td(.unwrap(entry.actor, { actor in .a(.href(.audit(AuditFilter(actor: actor))), .plain(actor)) }, else: .text("system"))),
                    .td(.a(.href(.audit(AuditFilter(entity: entry.entity, key: entry.key))), .plain(Self.record(entry)))),
                    .td(.class("audit-value"), .plain(AuditWording.change(change))),
                    .td(
                        .plain(entry.source.title),
                        .unwrap(entry.batch) { batch in
                            .group(.text(" "), .a(.href(.audit(AuditFilter(batch: batch))), .attr("title", "Everything in this batch"), .text("batch")))
                        }
                    )
                )
            })
        )
    }

    /// The record in words: a value's or a target's key spelled out ("Value of FO-WAIT (whole indicator), period
    /// starting 2026-07-01"), any other record as its kind and key.
    static func record(_ entry: AuditEntry) -> String {
        let parts = entry.key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let unit = { (code: String) in code.isEmpty ? "whole indicator" : code }
        switch entry.entity {
        case .measurement where parts.count == 3:
            return "Value of \(parts[0]) (\(unit(parts[1]))), period starting \(parts[2])"
        case .target where parts.count == 4:
            return "Target of \(parts[0]) (\(unit(parts[1]))) for \(parts[2]), set on \(parts[3])"
        default:
            return "\(entry.entity.title) \(entry.key)"
        }
    }

    /// The entries of one change together: the fields of one record changed by one person at one moment (a
    /// correction's value and status read as one line: "Value: 12.5 → 13; Status: provisional → final").
    static func changes(_ entries: [AuditEntry]) -> [[AuditEntry]] {
        var groups: [[AuditEntry]] = []
        for entry in entries {
            if let first = groups.last?.first, first.at == entry.at, first.actor == entry.actor, first.entity == entry.entity,
               first.key == entry.key, first.source == entry.source, first.batch == entry.batch, !entry.field.isEmpty, !first.field.isEmpty {
                groups[groups.count - 1].append(entry)
            } else {
                groups.append([entry])
            }
        }
        // Newest first on the page, but a record's fields read in the order they were written.
        return groups.map { $0.reversed() }
    }

    private var pager: Node<HTML.BodyContext> {
        let pages = max(1, (entries.total + entries.per - 1) / entries.per)
        guard pages > 1 else { return .empty }
        return .nav(
            .attr("aria-label", "Pages of the audit log"),
            .p(
                .if(entries.page > 1, .a(.href(.audit(filter, page: entries.page - 1)), .attr("rel", "prev"), .text("Newer"))),
                .text(" Page \(entries.page) of \(pages) "),
                .if(entries.page < pages, .a(.href(.audit(filter, page: entries.page + 1)), .attr("rel", "next"), .text("Older")))
            )
        )
    }

    static let kinds: [AuditEntityKind] = [
        .plan, .orgUnit, .person, .goal, .indicator, .indicatorLink, .target, .measurement, .importBatch, .milestone,
        .narrative, .rebase, .user, .apiToken,
    ]

    static func time(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return formatter.string(from: date)
    }
}
